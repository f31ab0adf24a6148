import type { ProtocolTemplate } from '../domain/index.js';
import { CSCP_FIVE_STAGES } from './cscp-five-stages.js';
import { DUDLEY } from './dudley.js';
import { DUMFRIES_AND_GALLOWAY_2024 } from './dumfries-and-galloway-2024.js';
import { GLOUCESTERSHIRE_GSCP_2025 } from './gloucestershire-gscp-2025.js';
import { PERTH_AND_KINROSS_2019 } from './perth-and-kinross-2019.js';

export { CSCP_FIVE_STAGES, DUDLEY, DUMFRIES_AND_GALLOWAY_2024, GLOUCESTERSHIRE_GSCP_2025, PERTH_AND_KINROSS_2019 };

/** The shipped templates, in the order of DESIGN.md §3. A partnership copies one and adjusts it. */
export const PROTOCOL_TEMPLATES: readonly ProtocolTemplate[] = [
  GLOUCESTERSHIRE_GSCP_2025,
  DUDLEY,
  PERTH_AND_KINROSS_2019,
  DUMFRIES_AND_GALLOWAY_2024,
  CSCP_FIVE_STAGES,
];

export function findProtocolTemplate(code: string): ProtocolTemplate | undefined {
  return PROTOCOL_TEMPLATES.find((template) => template.code === code);
}
