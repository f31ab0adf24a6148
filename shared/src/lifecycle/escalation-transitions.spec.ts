import type { StageDefinition } from '../domain/protocol.js';
import { checkClose, checkMilestone, planFirstStage, planStageMove, type EscalationState } from './escalation-transitions.js';
import { validateJourney } from './validate-journey.js';

const stage = (code: string, order: number, tier: 1 | 2 | 3 | 4 | 5): StageDefinition => ({
  code, name: `Stage ${code}`, order, tier, roles: [], description: '', requirements: [],
});
// Deliberately out of order: the functions must sort by ladder order.
const LADDER = [stage('3a', 3, 3), stage('1', 1, 1), stage('2', 2, 2), stage('3b', 4, 4), stage('exceptional', 5, 5)];
const at = (iso: string) => new Date(iso);
const NOW = at('2025-06-30T12:00:00Z');

const openAt = (stageCode: string, enteredAt: string, urgency: EscalationState['urgency'] = 'standard'): EscalationState => ({
  status: 'open', urgency, raisedAt: at('2025-06-02T09:00:00Z'), current: { stageCode, enteredAt: at(enteredAt) }, latestEventAt: at(enteredAt),
});

describe('planFirstStage', () => {
  it('starts a standard escalation at the bottom of the ladder', () => {
    const plan = planFirstStage(LADDER, 'standard', ['immediate']);
    expect(plan).toEqual({ ok: true, value: { stage: LADDER[1], skipped: [] } });
  });
  it('lets an immediate-risk escalation start higher and records the stages passed over', () => {
    const plan = planFirstStage(LADDER, 'immediate', ['immediate'], '3a');
    expect(plan.ok && plan.value.skipped).toEqual(['1', '2']);
  });
  it('refuses a higher start to an urgency the protocol does not let skip', () => {
    const plan = planFirstStage(LADDER, 'urgent', ['immediate'], '2');
    expect(plan.ok ? null : plan.violation.code).toBe('SKIP_NOT_ALLOWED');
  });
  it('refuses a stage the protocol does not have', () => {
    const plan = planFirstStage(LADDER, 'immediate', ['immediate'], '9');
    expect(plan.ok ? null : plan.violation).toMatchObject({ code: 'UNKNOWN_STAGE', field: 'startStageCode' });
  });
});

describe('planStageMove', () => {
  it('moves to the next stage without recording a skip', () => {
    const plan = planStageMove(LADDER, openAt('2', '2025-06-03T10:00:00Z'), '3a', ['immediate'], at('2025-06-04T10:00:00Z'), NOW);
    expect(plan.ok && [plan.value.stage.code, plan.value.skipped]).toEqual(['3a', []]);
  });
  it('refuses to move down or sideways', () => {
    for (const target of ['1', '2']) {
      const plan = planStageMove(LADDER, openAt('2', '2025-06-03T10:00:00Z'), target, ['immediate'], at('2025-06-04T10:00:00Z'), NOW);
      expect(plan.ok ? null : plan.violation.code).toBe('STAGE_NOT_AHEAD');
    }
  });
  it('refuses a skip for a standard escalation and allows it for an immediate one', () => {
    const refused = planStageMove(LADDER, openAt('1', '2025-06-03T10:00:00Z'), '3b', ['immediate'], at('2025-06-04T10:00:00Z'), NOW);
    expect(refused.ok ? null : refused.violation.code).toBe('SKIP_NOT_ALLOWED');
    const allowed = planStageMove(LADDER, openAt('1', '2025-06-03T10:00:00Z', 'immediate'), '3b', ['immediate'], at('2025-06-04T10:00:00Z'), NOW);
    expect(allowed.ok && allowed.value.skipped).toEqual(['2', '3a']);
  });
  it('refuses a time before the latest recorded event and a time in the future', () => {
    const back = planStageMove(LADDER, openAt('1', '2025-06-03T10:00:00Z'), '2', [], at('2025-06-03T09:59:59Z'), NOW);
    expect(back.ok ? null : back.violation).toMatchObject({ code: 'TIME_BEFORE_PREVIOUS_EVENT', field: 'enteredAt' });
    const future = planStageMove(LADDER, openAt('1', '2025-06-03T10:00:00Z'), '2', [], at('2025-06-30T12:10:00Z'), NOW);
    expect(future.ok ? null : future.violation.code).toBe('TIME_IN_FUTURE');
  });
  it('refuses any move once the escalation is closed', () => {
    const closed = { ...openAt('2', '2025-06-03T10:00:00Z'), status: 'resolved' as const };
    const plan = planStageMove(LADDER, closed, '3a', [], at('2025-06-04T10:00:00Z'), NOW);
    expect(plan.ok ? null : plan.violation.code).toBe('ESCALATION_CLOSED');
  });
});

describe('checkClose and checkMilestone', () => {
  it('closes an open escalation at or after its latest event only', () => {
    const state = openAt('2', '2025-06-03T10:00:00Z');
    expect(checkClose(state, at('2025-06-03T10:00:00Z'), NOW)).toBeNull();
    expect(checkClose(state, at('2025-06-03T09:00:00Z'), NOW)?.code).toBe('TIME_BEFORE_PREVIOUS_EVENT');
    expect(checkClose({ ...state, status: 'withdrawn' }, at('2025-06-04T10:00:00Z'), NOW)?.code).toBe('ESCALATION_CLOSED');
  });
  it('accepts a milestone after closing but not in an unreached stage or before raising', () => {
    const raisedAt = at('2025-06-02T09:00:00Z');
    expect(checkMilestone(['1', '2'], raisedAt, '2', at('2025-06-20T09:00:00Z'), NOW)).toBeNull();
    expect(checkMilestone(['1', '2'], raisedAt, '3a', at('2025-06-20T09:00:00Z'), NOW)?.code).toBe('STAGE_NOT_REACHED');
    expect(checkMilestone(['1'], raisedAt, null, at('2025-06-01T09:00:00Z'), NOW)?.code).toBe('TIME_BEFORE_PREVIOUS_EVENT');
  });
});

describe('validateJourney', () => {
  const entry = (stageCode: string, enteredAt: string, exitedAt: string | null, exitReason: 'resolved' | 'escalated' | null) => ({
    stageCode, enteredAt: at(enteredAt), exitedAt: exitedAt ? at(exitedAt) : null, exitReason,
  });
  it('accepts a sound resolved journey', () => {
    const problems = validateJourney(LADDER, ['immediate'], {
      urgency: 'standard', status: 'resolved', raisedAt: at('2025-06-02T09:00:00Z'), closedAt: at('2025-06-05T09:00:00Z'),
      entries: [entry('1', '2025-06-02T09:00:00Z', '2025-06-03T09:00:00Z', 'escalated'), entry('2', '2025-06-03T09:00:00Z', '2025-06-05T09:00:00Z', 'resolved')],
    }, NOW);
    expect(problems).toEqual([]);
  });
  it('names every problem of a broken journey with its field', () => {
    const problems = validateJourney(LADDER, ['immediate'], {
      urgency: 'standard', status: 'open', raisedAt: at('2025-06-02T09:00:00Z'), closedAt: null,
      entries: [entry('2', '2025-06-03T09:00:00Z', '2025-06-02T09:00:00Z', 'escalated'), entry('1', '2025-06-04T09:00:00Z', null, null), entry('zz', '2025-06-05T09:00:00Z', null, null)],
    }, NOW);
    expect(problems.map((p) => `${p.code}@${p.field}`)).toEqual([
      'SKIP_NOT_ALLOWED@entries[0].stageCode',
      'TIME_BEFORE_PREVIOUS_EVENT@entries[0].exitedAt',
      'STAGE_NOT_AHEAD@entries[1].stageCode',
      'STAGE_NOT_AHEAD@entries[1].exitedAt',
      'UNKNOWN_STAGE@entries[2].stageCode',
    ]);
  });
});
