import { actionLabel, requirementAnswer } from './requirement-labels';

describe('requirementAnswer', () => {
  const base = { requirement: 'FEEDBACK_TO_RAISER' as const, requiredByProtocol: true, requiredAtStages: ['1'], missingAtStages: [] };

  it('says met, missing (naming the stages), not recorded, and which kind of "not required"', () => {
    expect(requirementAnswer({ ...base, status: 'MET' })).toEqual({ mark: '✓', text: 'Met', tone: 'met' });
    expect(requirementAnswer({ ...base, status: 'MISSING', missingAtStages: ['1', '3a'] }).text).toBe('Missing at stages 1, 3a');
    expect(requirementAnswer({ ...base, status: 'MISSING', missingAtStages: ['exceptional'] }).text).toBe('Missing at stage "exceptional"');
    expect(requirementAnswer({ ...base, status: 'NOT_RECORDED' }).text).toBe('Not recorded (no milestone shows it)');
    expect(requirementAnswer({ ...base, status: 'NOT_REQUIRED', requiredAtStages: [] }).text).toBe('Not required at the stages reached');
    expect(requirementAnswer({ ...base, status: 'NOT_REQUIRED', requiredByProtocol: false, requiredAtStages: [] }).text).toBe('Not required by this protocol');
  });
});

describe('actionLabel', () => {
  it('reads an audit action as words', () => {
    expect(actionLabel('escalation.stage_entered')).toBe('Stage entered');
    expect(actionLabel('escalation.person_named')).toBe('Person named');
  });
});
