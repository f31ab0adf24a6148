import { workingCalendar } from '../calendar/working-calendar.js';
import type { RuleEvent, TimescaleRuleDefinition } from '../domain/protocol.js';
import type { EscalationEvents } from '../domain/timescale.js';
import type { MilestoneKind } from '../domain/vocabulary.js';
import { evaluateRule } from './evaluate-rule.js';

const england = workingCalendar('england-and-wales');
const scotland = workingCalendar('scotland');
const at = (iso: string): Date => new Date(iso);
const entered = (stageCode: string): RuleEvent => ({ kind: 'stage_entered', stageCode });

function rule(overrides: Partial<TimescaleRuleDefinition>): TimescaleRuleDefinition {
  return {
    code: 'stage-3-joint-plan-5wd',
    name: 'Joint plan within five working days',
    stageCode: '3',
    anchor: entered('3'),
    targets: [{ kind: 'milestone', milestone: 'joint_plan_agreed', stageCode: '3' }, { kind: 'resolved' }],
    limit: { unit: 'working_days', amount: 5 },
    source: 'protocol',
    rationale: 'test',
    ...overrides,
  };
}

function escalation(overrides: Partial<EscalationEvents>): EscalationEvents {
  const raisedAt = at('2025-08-18T09:00:00Z');
  return { urgency: 'standard', status: 'open', raisedAt, closedAt: null, stages: [], milestones: [], ...overrides };
}

const stage = (stageCode: string, enteredAt: string, exitedAt: string | null = null) => ({
  stageCode,
  enteredAt: at(enteredAt),
  exitedAt: exitedAt ? at(exitedAt) : null,
  exitReason: exitedAt ? ('escalated' as const) : null,
});

const milestone = (kind: MilestoneKind, stageCode: string, iso: string) => ({ kind, stageCode, occurredAt: at(iso) });

const jointPlan = rule({});
// Stage 3 entered Friday 22 August 2025 15:30 BST, before the August bank holiday (Mon 25 Aug).
const atStage3 = escalation({ stages: [stage('1', '2025-08-18T09:00:00Z', '2025-08-22T14:30:00Z'), stage('3', '2025-08-22T14:30:00Z')] });
const planAgreed = (iso: string) => ({ ...atStage3, milestones: [milestone('joint_plan_agreed', '3', iso)] });

describe('evaluateRule', () => {
  describe('a five-working-day rule over the August bank holiday', () => {
    it('sets the deadline at Monday 1 September 2025 15:30 BST and is pending before it', () => {
      const outcome = evaluateRule(jointPlan, atStage3, england, at('2025-08-28T10:00:00Z'));
      expect(outcome).toMatchObject({
        status: 'pending',
        anchorAt: at('2025-08-22T14:30:00Z'),
        deadline: at('2025-09-01T14:30:00Z'),
        targetAt: null,
        lateness: null,
      });
      // Fri 15:30 → Thu 11:00 BST: 8.5 h of Friday, Tue and Wed whole, 11 h of Thursday.
      expect(outcome.elapsed).toBeCloseTo(8.5 / 24 + 2 + 11 / 24, 9);
    });

    it('is met by a plan agreed exactly at the deadline (the deadline is inclusive)', () => {
      const outcome = evaluateRule(jointPlan, planAgreed('2025-09-01T14:30:00Z'), england, at('2025-09-10T10:00:00Z'));
      expect(outcome).toMatchObject({ status: 'met', targetAt: at('2025-09-01T14:30:00Z'), elapsed: 5, lateness: null });
    });

    it('is breached by a plan agreed a moment later, late by the working time since the deadline', () => {
      const outcome = evaluateRule(jointPlan, planAgreed('2025-09-02T08:00:00Z'), england, at('2025-09-10T10:00:00Z'));
      // Mon 15:30 → Tue 09:00 BST: 8.5 h of Monday and 9 h of Tuesday.
      expect(outcome.status).toBe('breached');
      expect(outcome.lateness).toBeCloseTo(17.5 / 24, 9);
      expect(outcome.elapsed).toBeCloseTo(5 + 17.5 / 24, 9);
    });

    it('is overdue once the deadline passes with no plan and the escalation still open', () => {
      const outcome = evaluateRule(jointPlan, atStage3, england, at('2025-09-01T15:00:00Z'));
      expect(outcome).toMatchObject({ status: 'overdue', targetAt: null });
      expect(outcome.lateness).toBeCloseTo(0.5 / 24, 9);
      expect(outcome.elapsed).toBeCloseTo(5 + 0.5 / 24, 9);
    });

    it('ignores a plan recorded at another stage', () => {
      const elsewhere = { ...atStage3, milestones: [milestone('joint_plan_agreed', '4', '2025-08-26T10:00:00Z')] };
      expect(evaluateRule(jointPlan, elsewhere, england, at('2025-08-27T10:00:00Z')).status).toBe('pending');
    });
  });

  it('keeps the local clock time across the October clock change, so the UTC hour moves', () => {
    // Stage 3 entered Thu 23 Oct 2025 10:00 BST; five working days later is Thu 30 Oct 10:00 GMT.
    const events = escalation({ stages: [stage('3', '2025-10-23T09:00:00Z')] });
    const onTime = { ...events, milestones: [milestone('joint_plan_agreed', '3', '2025-10-30T10:00:00Z')] };
    const late = { ...events, milestones: [milestone('joint_plan_agreed', '3', '2025-10-30T10:00:01Z')] };
    expect(evaluateRule(jointPlan, onTime, england, at('2025-11-05T10:00:00Z'))).toMatchObject({
      status: 'met',
      deadline: at('2025-10-30T10:00:00Z'),
      elapsed: 5,
    });
    expect(evaluateRule(jointPlan, late, england, at('2025-11-05T10:00:00Z')).status).toBe('breached');
  });

  it('uses Scotland’s St Andrew’s Day substitute (Mon 1 Dec 2025) but not in England', () => {
    const twoDays = rule({ code: 'two-days', limit: { unit: 'working_days', amount: 2 } });
    // Stage 3 entered Friday 28 November 2025 14:00 GMT; plan agreed Wednesday 3 December 12:00 GMT.
    const events = escalation({
      stages: [stage('3', '2025-11-28T14:00:00Z')],
      milestones: [milestone('joint_plan_agreed', '3', '2025-12-03T12:00:00Z')],
    });
    const now = at('2025-12-10T12:00:00Z');
    expect(evaluateRule(twoDays, events, scotland, now)).toMatchObject({ status: 'met', deadline: at('2025-12-03T14:00:00Z') });
    const inEngland = evaluateRule(twoDays, events, england, now);
    expect(inEngland).toMatchObject({ status: 'breached', deadline: at('2025-12-02T14:00:00Z') });
    expect(inEngland.lateness).toBeCloseTo(22 / 24, 9);
  });

  it('counts from St Andrew’s Day 2023 (a Thursday) as a non-working day in Scotland', () => {
    const oneDay = rule({ code: 'one-day', limit: { unit: 'working_days', amount: 1 } });
    const events = escalation({ stages: [stage('3', '2023-11-29T09:00:00Z')] });
    expect(evaluateRule(oneDay, events, scotland, at('2023-11-29T10:00:00Z')).deadline).toEqual(at('2023-12-01T09:00:00Z'));
    expect(evaluateRule(oneDay, events, england, at('2023-11-29T10:00:00Z')).deadline).toEqual(at('2023-11-30T09:00:00Z'));
  });

  describe('a same-working-day rule for immediate risk', () => {
    const sameDay = rule({
      code: 'immediate-same-day',
      anchor: { kind: 'raised' },
      targets: [entered('2'), { kind: 'resolved' }],
      limit: { unit: 'same_working_day', amount: 1 },
      urgencies: ['immediate'],
    });
    // Raised Saturday 6 September 2025 11:00 BST: the deadline is the end of Monday 8 September.
    const raised = escalation({ urgency: 'immediate', raisedAt: at('2025-09-06T10:00:00Z'), stages: [stage('1', '2025-09-06T10:00:00Z')] });
    const movedUp = (iso: string) => ({ ...raised, stages: [stage('1', '2025-09-06T10:00:00Z', iso), stage('2', iso)] });

    it('moves the deadline to the end of the next working day when raised on a Saturday', () => {
      const outcome = evaluateRule(sameDay, movedUp('2025-09-08T19:00:00Z'), england, at('2025-09-09T12:00:00Z'));
      expect(outcome).toMatchObject({ status: 'met', deadline: at('2025-09-08T22:59:59.999Z') });
      expect(outcome.elapsed).toBeCloseTo(20 / 24, 9); // no working time at the weekend
    });

    it('is breached by escalation the next morning', () => {
      const outcome = evaluateRule(sameDay, movedUp('2025-09-09T08:00:00Z'), england, at('2025-09-09T12:00:00Z'));
      expect(outcome.status).toBe('breached');
      expect(outcome.lateness).toBeCloseTo(9 / 24, 6);
    });

    it('does not apply to escalations of other urgencies', () => {
      const standard = { ...movedUp('2025-09-09T08:00:00Z'), urgency: 'standard' as const };
      expect(evaluateRule(sameDay, standard, england, at('2025-09-09T12:00:00Z'))).toEqual({
        ruleCode: 'immediate-same-day',
        status: 'not_applicable',
        anchorAt: null,
        deadline: null,
        targetAt: null,
        elapsed: null,
        lateness: null,
      });
    });
  });

  describe('hours and calendar days across the clock change', () => {
    const withinHours = rule({
      code: 'line-manager-24h',
      anchor: { kind: 'raised' },
      targets: [{ kind: 'milestone', milestone: 'line_manager_contacted' }],
      limit: { unit: 'hours', amount: 24 },
    });
    // Raised Saturday 25 October 2025 12:00 BST; the clocks go back that night.
    const raised = escalation({ raisedAt: at('2025-10-25T11:00:00Z') });
    const contacted = (iso: string) => ({ ...raised, milestones: [milestone('line_manager_contacted', '1', iso)] });

    it('counts 24 elapsed hours, which end at 11:00 GMT, not at the same clock time', () => {
      const outcome = evaluateRule(withinHours, contacted('2025-10-26T10:59:00Z'), england, at('2025-10-27T09:00:00Z'));
      expect(outcome).toMatchObject({ status: 'met', deadline: at('2025-10-26T11:00:00Z') });
      expect(outcome.elapsed).toBeCloseTo(23 + 59 / 60, 9);
      const late = evaluateRule(withinHours, contacted('2025-10-26T11:30:00Z'), england, at('2025-10-27T09:00:00Z'));
      expect(late).toMatchObject({ status: 'breached', lateness: 0.5, elapsed: 24.5 });
    });

    it('counts a calendar day as the same clock time the next day (25 hours here)', () => {
      const oneDay = rule({ ...withinHours, code: 'one-calendar-day', limit: { unit: 'calendar_days', amount: 1 } });
      const outcome = evaluateRule(oneDay, contacted('2025-10-26T11:30:00Z'), england, at('2025-10-27T09:00:00Z'));
      expect(outcome).toMatchObject({ status: 'met', deadline: at('2025-10-26T12:00:00Z') });
      expect(outcome.elapsed).toBeCloseTo(24.5 / 24, 9); // elapsed days are 24-hour days
    });

    it('reads 7 calendar days across the March change as 167 hours', () => {
      const week = rule({ ...withinHours, code: 'week', limit: { unit: 'calendar_days', amount: 7 } });
      const events = { ...contacted('2025-04-02T08:00:00Z'), raisedAt: at('2025-03-26T09:00:00Z') };
      const outcome = evaluateRule(week, events, england, at('2025-04-03T09:00:00Z'));
      expect(outcome).toMatchObject({ status: 'met', deadline: at('2025-04-02T08:00:00Z'), elapsed: 167 / 24 });
    });
  });

  describe('closure without the target', () => {
    const withdrawnAt = (iso: string): EscalationEvents => ({ ...atStage3, status: 'withdrawn', closedAt: at(iso) });

    it('stops applying when the escalation closed at or before the deadline', () => {
      const outcome = evaluateRule(jointPlan, withdrawnAt('2025-09-01T14:30:00Z'), england, at('2025-09-10T10:00:00Z'));
      expect(outcome).toEqual({
        ruleCode: jointPlan.code,
        status: 'not_applicable',
        anchorAt: at('2025-08-22T14:30:00Z'),
        deadline: at('2025-09-01T14:30:00Z'),
        targetAt: null,
        elapsed: null,
        lateness: null,
      });
    });

    it('is breached, late until the closure, when it closed after the deadline', () => {
      const outcome = evaluateRule(jointPlan, withdrawnAt('2025-09-02T14:30:00Z'), england, at('2025-09-10T10:00:00Z'));
      expect(outcome).toMatchObject({ status: 'breached', targetAt: null, lateness: 1, elapsed: 6 });
    });
  });

  describe('a rule anchored on the resolution (written confirmation within 2 working days)', () => {
    const confirmation = rule({
      code: 'written-confirmation-2wd',
      anchor: { kind: 'resolved' },
      targets: [{ kind: 'milestone', milestone: 'written_confirmation_sent' }],
      limit: { unit: 'working_days', amount: 2 },
    });
    // Resolved Friday 22 August 2025 15:30 BST: two working days later is Wednesday 27 August.
    const resolved: EscalationEvents = { ...atStage3, status: 'resolved', closedAt: at('2025-08-22T14:30:00Z') };

    it('keeps running after the escalation closes: pending, then overdue', () => {
      const asAt = (iso: string) => evaluateRule(confirmation, resolved, england, at(iso));
      expect(asAt('2025-08-26T10:00:00Z')).toMatchObject({ status: 'pending', deadline: at('2025-08-27T14:30:00Z') });
      expect(asAt('2025-08-28T14:30:00Z')).toMatchObject({ status: 'overdue', lateness: 1, elapsed: 3 });
    });

    it('is met by confirmation in time, and not applicable to a withdrawn escalation', () => {
      const sent = { ...resolved, milestones: [milestone('written_confirmation_sent', '3', '2025-08-26T10:00:00Z')] };
      const withdrawn = { ...resolved, status: 'withdrawn' as const };
      expect(evaluateRule(confirmation, sent, england, at('2025-09-10T10:00:00Z')).status).toBe('met');
      expect(evaluateRule(confirmation, withdrawn, england, at('2025-09-10T10:00:00Z')).status).toBe('not_applicable');
    });
  });

  describe('which occurrence counts', () => {
    it('is not applicable, with no deadline, before the anchor event has happened', () => {
      const atStage1 = escalation({ stages: [stage('1', '2025-08-18T09:00:00Z')] });
      expect(evaluateRule(jointPlan, atStage1, england, at('2025-09-10T10:00:00Z'))).toMatchObject({
        status: 'not_applicable',
        anchorAt: null,
        deadline: null,
      });
    });

    it('anchors on the first entry into a stage entered twice', () => {
      const twice = escalation({
        stages: [
          stage('3', '2025-08-22T14:30:00Z', '2025-08-26T09:00:00Z'),
          stage('2', '2025-08-26T09:00:00Z', '2025-08-28T09:00:00Z'),
          stage('3', '2025-08-28T09:00:00Z'),
        ],
      });
      expect(evaluateRule(jointPlan, twice, england, at('2025-08-29T09:00:00Z')).anchorAt).toEqual(at('2025-08-22T14:30:00Z'));
    });

    it('counts only targets at or after the anchor, and the earliest of several target events', () => {
      const toStage2 = rule({
        code: 'contact-after-stage-2',
        anchor: entered('2'),
        targets: [{ kind: 'milestone', milestone: 'line_manager_contacted' }, entered('3')],
      });
      const events = escalation({
        stages: [
          stage('1', '2025-08-18T09:00:00Z', '2025-08-19T09:00:00Z'),
          stage('2', '2025-08-19T09:00:00Z', '2025-08-21T09:00:00Z'),
          stage('3', '2025-08-21T09:00:00Z'),
        ],
        milestones: [
          milestone('line_manager_contacted', '1', '2025-08-18T12:00:00Z'),
          milestone('line_manager_contacted', '3', '2025-08-22T12:00:00Z'),
        ],
      });
      expect(evaluateRule(toStage2, events, england, at('2025-09-01T09:00:00Z'))).toMatchObject({
        status: 'met',
        targetAt: at('2025-08-21T09:00:00Z'),
        elapsed: 2,
      });
    });

    it('anchors on a stage exit and counts a resolution only when the status is resolved', () => {
      const afterExit = rule({
        code: 'after-exit',
        anchor: { kind: 'stage_exited', stageCode: '1' },
        targets: [{ kind: 'resolved' }],
        limit: { unit: 'hours', amount: 48 },
      });
      const closed = escalation({
        stages: [stage('1', '2025-08-18T09:00:00Z', '2025-08-19T09:00:00Z'), stage('2', '2025-08-19T09:00:00Z')],
        closedAt: at('2025-08-20T09:00:00Z'),
      });
      const asAt = at('2025-09-01T09:00:00Z');
      expect(evaluateRule(afterExit, { ...closed, status: 'resolved' }, england, asAt)).toMatchObject({
        status: 'met',
        anchorAt: at('2025-08-19T09:00:00Z'),
        elapsed: 24,
      });
      expect(evaluateRule(afterExit, { ...closed, status: 'withdrawn' }, england, asAt).status).toBe('not_applicable');
    });
  });
});
