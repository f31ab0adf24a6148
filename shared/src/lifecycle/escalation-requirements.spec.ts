import { GLOUCESTERSHIRE_GSCP_2025 } from '../protocols/gloucestershire-gscp-2025.js';
import { CSCP_FIVE_STAGES } from '../protocols/cscp-five-stages.js';
import { checkEscalationRequirements, SCRUTINY_REQUIREMENTS } from './escalation-requirements.js';

const at = (iso: string) => new Date(iso);
const statuses = (checks: ReturnType<typeof checkEscalationRequirements>) => Object.fromEntries(checks.map((c) => [c.requirement, c.status]));

describe('checkEscalationRequirements', () => {
  it('tells "not required by this protocol" from "not required at the stages entered"', () => {
    const checks = checkEscalationRequirements(SCRUTINY_REQUIREMENTS, GLOUCESTERSHIRE_GSCP_2025.stages, ['2', '3'], []);
    expect(checks.map((c) => [c.requirement, c.status, c.requiredByProtocol])).toEqual([
      ['written_confirmation', 'not_required', false],
      ['feedback_to_raiser', 'not_required', true], // stage 1 asks for it; this escalation started at stage 2
      ['notification_form', 'not_required', false],
      ['independent_facilitation', 'not_recorded', true], // stage 3 asks for it; no milestone can show it
    ]);
  });

  it('is met only when every stage entered that asks for it has its milestone there', () => {
    const stages = ['1', '2', '3', '4'];
    const milestones = [
      { kind: 'notification_form_submitted' as const, stageCode: '3', occurredAt: at('2025-03-05T10:00:00Z') },
      { kind: 'notification_form_submitted' as const, stageCode: '4', occurredAt: at('2025-03-07T10:00:00Z') },
      { kind: 'feedback_given' as const, stageCode: '2', occurredAt: at('2025-03-04T10:00:00Z') },
      { kind: 'feedback_given' as const, stageCode: '4', occurredAt: at('2025-03-08T10:00:00Z') },
    ];
    const checks = checkEscalationRequirements(SCRUTINY_REQUIREMENTS, CSCP_FIVE_STAGES.stages, stages, milestones);
    expect(statuses(checks)).toEqual({
      written_confirmation: 'not_required',
      feedback_to_raiser: 'missing',
      notification_form: 'met',
      independent_facilitation: 'not_required',
    });
    expect(checks[1]).toMatchObject({ requiredAtStages: ['2', '3', '4'], missingAtStages: ['3'] });
    expect(checks[2]).toMatchObject({ requiredAtStages: ['3', '4'], missingAtStages: [] });
  });

  it('does not count a milestone recorded at another stage', () => {
    const checks = checkEscalationRequirements(['notification_form'], CSCP_FIVE_STAGES.stages, ['3'], [
      { kind: 'notification_form_submitted', stageCode: '2', occurredAt: at('2025-03-05T10:00:00Z') },
    ]);
    expect(checks).toEqual([
      { requirement: 'notification_form', status: 'missing', requiredByProtocol: true, requiredAtStages: ['3'], missingAtStages: ['3'] },
    ]);
  });
});
