import { REQUIREMENT_KINDS } from '../domain/vocabulary.js';
import { checkStageRequirements, REQUIREMENT_EVIDENCE } from './requirement-evidence.js';

const at = (iso: string) => new Date(iso);

describe('checkStageRequirements', () => {
  it('names an evidencing milestone for every requirement except the two no record can show', () => {
    const unevidenced = REQUIREMENT_KINDS.filter((kind) => REQUIREMENT_EVIDENCE[kind] === null);
    expect(unevidenced).toEqual(['independent_facilitation', 'record_on_child_file']);
  });

  it('counts a requirement as met by the earliest matching milestone recorded at the same stage', () => {
    const checks = checkStageRequirements(['resolution_meeting', 'joint_plan'], '3', [
      { kind: 'resolution_meeting_held', stageCode: '3', occurredAt: at('2025-03-05T10:00:00Z') },
      { kind: 'resolution_meeting_held', stageCode: '3', occurredAt: at('2025-03-04T10:00:00Z') },
      { kind: 'joint_plan_agreed', stageCode: '2', occurredAt: at('2025-03-03T10:00:00Z') },
    ]);
    expect(checks).toEqual([
      { requirement: 'resolution_meeting', status: 'met', milestoneKind: 'resolution_meeting_held', evidencedAt: at('2025-03-04T10:00:00Z') },
      { requirement: 'joint_plan', status: 'missing', milestoneKind: 'joint_plan_agreed', evidencedAt: null },
    ]);
  });

  it('reports requirements no milestone can evidence as not recorded', () => {
    expect(checkStageRequirements(['record_on_child_file'], '1', [])).toEqual([
      { requirement: 'record_on_child_file', status: 'not_recorded', milestoneKind: null, evidencedAt: null },
    ]);
  });
});
