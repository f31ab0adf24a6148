import { seesRecordLevelDetail } from '@escalation-insights/shared';
import type { Viewer } from './models/viewer.model.js';
import type { SessionUser } from './session-user.js';

export function toViewer(user: SessionUser): Viewer {
  return {
    id: user.userId,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    partnershipId: user.partnershipId,
    seesRecordLevelDetail: seesRecordLevelDetail(user.role),
  };
}
