import { SetMetadata } from '@nestjs/common';
import type { AccessKey } from './access-matrix.js';

export const ACCESS_METADATA = 'escalation-insights:access';

/**
 * The access decision of a resolver method or HTTP handler: its own row of ACCESS_MATRIX,
 * named by its coordinate (`@Access('Query.partnerships')`). A handler without it is
 * denied to everyone.
 */
export const Access = (key: AccessKey): MethodDecorator => SetMetadata(ACCESS_METADATA, key);
