import type { ProtocolTemplate, TimescaleRuleDefinition } from '../domain/index.js';
import {
  CSCP_FIVE_STAGES,
  DUDLEY,
  DUMFRIES_AND_GALLOWAY_2024,
  GLOUCESTERSHIRE_GSCP_2025,
  PERTH_AND_KINROSS_2019,
  PROTOCOL_TEMPLATES,
  findProtocolTemplate,
} from './index.js';
import { validateProtocolTemplate } from './validate-protocol.js';

function ladder(template: ProtocolTemplate): [string, number][] {
  return template.stages.map((s) => [s.code, s.tier]);
}

function rule(template: ProtocolTemplate, code: string): TimescaleRuleDefinition {
  const found = template.rules.find((r) => r.code === code);
  if (!found) throw new Error(`no rule ${code} in ${template.code}`);
  return found;
}

function labels(template: ProtocolTemplate): string[] {
  return template.categories.map((c) => c.label);
}

describe('protocol templates', () => {
  it('ships the five source protocols in the order of DESIGN.md §3', () => {
    expect(PROTOCOL_TEMPLATES.map((t) => t.code)).toEqual([
      'gloucestershire-gscp-2025',
      'dudley',
      'perth-and-kinross-2019',
      'dumfries-and-galloway-2024',
      'cscp-five-stages',
    ]);
  });

  it.each(PROTOCOL_TEMPLATES.map((t) => [t.code, t] as const))('%s passes the validator', (_code, template) => {
    expect(validateProtocolTemplate(template)).toEqual([]);
  });

  it('finds a template by its code and returns undefined for an unknown code', () => {
    expect(findProtocolTemplate('dudley')).toBe(DUDLEY);
    expect(findProtocolTemplate('perth-and-kinross-2019')).toBe(PERTH_AND_KINROSS_2019);
    expect(findProtocolTemplate('no-such-protocol')).toBeUndefined();
  });

  it('places each partnership in the right jurisdiction', () => {
    expect(PROTOCOL_TEMPLATES.map((t) => [t.code, t.jurisdiction])).toEqual([
      ['gloucestershire-gscp-2025', 'england-and-wales'],
      ['dudley', 'england-and-wales'],
      ['perth-and-kinross-2019', 'scotland'],
      ['dumfries-and-galloway-2024', 'scotland'],
      ['cscp-five-stages', 'england-and-wales'],
    ]);
  });

  it('marks only Gloucestershire as discouraging email and lets immediate risk skip stages everywhere', () => {
    expect(PROTOCOL_TEMPLATES.filter((t) => t.discouragesEmail).map((t) => t.code)).toEqual(['gloucestershire-gscp-2025']);
    for (const template of PROTOCOL_TEMPLATES) expect(template.skipAllowedFor).toEqual(['immediate']);
  });
});

describe('ladders match the stage → tier mapping of DESIGN.md §3', () => {
  it('Gloucestershire', () => {
    expect(ladder(GLOUCESTERSHIRE_GSCP_2025)).toEqual([['1', 1], ['2', 3], ['3', 4], ['4', 5]]);
  });
  it('Dudley', () => {
    expect(ladder(DUDLEY)).toEqual([['1', 1], ['2', 2], ['3a', 3], ['3b', 4], ['exceptional', 5]]);
  });
  it('Perth and Kinross', () => {
    expect(ladder(PERTH_AND_KINROSS_2019)).toEqual([['resolution', 1], ['1', 2], ['2', 2], ['3', 4], ['4', 5]]);
  });
  it('Dumfries and Galloway', () => {
    expect(ladder(DUMFRIES_AND_GALLOWAY_2024)).toEqual([
      ['resolution', 1],
      ['line-managers', 2],
      ['next-tier-managers', 3],
      ['strategic', 5],
    ]);
  });
  it('CSCP five stages', () => {
    expect(ladder(CSCP_FIVE_STAGES)).toEqual([['1', 1], ['2', 2], ['3', 3], ['4', 4], ['5', 5]]);
  });
});

describe('stage requirements', () => {
  const requirementsOf = (t: ProtocolTemplate, code: string) => t.stages.find((s) => s.code === code)?.requirements;

  it('asks Gloucestershire stage 3 for an independently facilitated meeting, a joint plan and the business unit', () => {
    expect(requirementsOf(GLOUCESTERSHIRE_GSCP_2025, '3')).toEqual(
      expect.arrayContaining(['resolution_meeting', 'independent_facilitation', 'joint_plan', 'notify_business_unit']),
    );
    expect(requirementsOf(GLOUCESTERSHIRE_GSCP_2025, '4')).toEqual(expect.arrayContaining(['notify_business_unit', 'notify_scrutineer']));
  });

  it('asks for written confirmation at Dudley stages 1 and 2 and for feedback at Perth and Kinross stages 1 to 4', () => {
    expect(requirementsOf(DUDLEY, '1')).toContain('written_confirmation');
    expect(requirementsOf(DUDLEY, '2')).toContain('written_confirmation');
    for (const code of ['1', '2', '3', '4']) expect(requirementsOf(PERTH_AND_KINROSS_2019, code)).toContain('feedback_to_raiser');
  });

  it('puts the CSCP notification form at stages 3 to 5, the scrutineer at 5 and feedback at 2 to 5', () => {
    expect(['1', '2', '3', '4', '5'].map((c) => requirementsOf(CSCP_FIVE_STAGES, c)?.includes('notification_form'))).toEqual([
      false, false, true, true, true,
    ]);
    expect(requirementsOf(CSCP_FIVE_STAGES, '5')).toContain('notify_scrutineer');
    expect(['1', '2', '3', '4', '5'].map((c) => requirementsOf(CSCP_FIVE_STAGES, c)?.includes('feedback_to_raiser'))).toEqual([
      false, true, true, true, true,
    ]);
  });
});

describe('categories of disagreement', () => {
  it('Gloucestershire has the five potential areas of disagreement', () => {
    expect(GLOUCESTERSHIRE_GSCP_2025.categories).toHaveLength(5);
    expect(labels(GLOUCESTERSHIRE_GSCP_2025)).toContain('Information sharing or provision of services');
    expect(labels(GLOUCESTERSHIRE_GSCP_2025)).toContain('How an agency handled the disagreement or the escalation process');
  });

  it('Dudley has the eight situations of section 3, without the empty bullet', () => {
    expect(DUDLEY.categories).toHaveLength(8);
    expect(labels(DUDLEY)).toContain('A request for a strategy discussion turned down');
    expect(labels(DUDLEY)).toContain('A request for a child protection conference turned down');
    expect(labels(DUDLEY).every((label) => label.trim().length > 0)).toBe(true);
  });

  it('Perth and Kinross has the twelve areas of practice', () => {
    expect(PERTH_AND_KINROSS_2019.categories).toHaveLength(12);
    expect(PERTH_AND_KINROSS_2019.categories.map((c) => c.code)).toEqual(
      expect.arrayContaining(['ird_outcome', 'registration_decision', 'timescale_decision']),
    );
    expect(labels(PERTH_AND_KINROSS_2019)).toContain('Result of an inter-agency referral discussion (IRD)');
  });

  it('Dumfries and Galloway and CSCP carry a local list, including the drift theme of the briefing', () => {
    expect(DUMFRIES_AND_GALLOWAY_2024.categories.map((c) => c.code)).toContain('drift_and_delay');
    expect(CSCP_FIVE_STAGES.categories.length).toBeGreaterThan(0);
  });
});

describe('timescale rules', () => {
  it('Gloucestershire: line managers within 24 hours of raising, met by contact, a higher stage or resolution', () => {
    const r = rule(GLOUCESTERSHIRE_GSCP_2025, 'line-manager-contact-24h');
    expect(r).toMatchObject({ anchor: { kind: 'raised' }, limit: { unit: 'hours', amount: 24 }, source: 'protocol' });
    expect(r.targets).toEqual(
      expect.arrayContaining([
        { kind: 'milestone', milestone: 'line_manager_contacted' },
        { kind: 'stage_entered', stageCode: '2' },
        { kind: 'resolved' },
      ]),
    );
  });

  it('Gloucestershire: joint plan within 5 working days of stage 3, then stage 4 within one more working day', () => {
    expect(rule(GLOUCESTERSHIRE_GSCP_2025, 'stage-3-joint-plan-5wd')).toMatchObject({
      anchor: { kind: 'stage_entered', stageCode: '3' },
      targets: [{ kind: 'milestone', milestone: 'joint_plan_agreed', stageCode: '3' }, { kind: 'resolved' }],
      limit: { unit: 'working_days', amount: 5 },
    });
    expect(rule(GLOUCESTERSHIRE_GSCP_2025, 'stage-4-when-no-joint-plan')).toMatchObject({
      anchor: { kind: 'stage_entered', stageCode: '3' },
      targets: [{ kind: 'stage_entered', stageCode: '4' }, { kind: 'resolved' }],
      limit: { unit: 'working_days', amount: 6 },
      appliesWhen: { ruleNotMet: 'stage-3-joint-plan-5wd' },
    });
  });

  it('Dudley: each of stages 1 to 3b is timed for every urgency, with only the standard target local', () => {
    for (const stage of ['1', '2', '3a', '3b']) {
      expect(rule(DUDLEY, `stage-${stage}-immediate-same-day`)).toMatchObject({
        urgencies: ['immediate'], limit: { unit: 'same_working_day', amount: 1 }, source: 'protocol',
      });
      expect(rule(DUDLEY, `stage-${stage}-urgent-24h`)).toMatchObject({
        urgencies: ['urgent'], limit: { unit: 'hours', amount: 24 }, source: 'protocol',
      });
      expect(rule(DUDLEY, `stage-${stage}-standard-local-5wd`)).toMatchObject({ urgencies: ['standard'], source: 'local_target' });
    }
    expect(DUDLEY.rules.some((r) => r.stageCode === 'exceptional')).toBe(false);
  });

  it('a stage deadline is met by resolution or by entering any higher stage, skips included', () => {
    expect(rule(DUDLEY, 'stage-2-urgent-24h')).toMatchObject({
      anchor: { kind: 'stage_entered', stageCode: '2' },
      targets: [
        { kind: 'resolved' },
        { kind: 'stage_entered', stageCode: '3a' },
        { kind: 'stage_entered', stageCode: '3b' },
        { kind: 'stage_entered', stageCode: 'exceptional' },
      ],
    });
  });

  it('Dumfries and Galloway: immediate risk escalated or settled the same working day, from the document', () => {
    expect(rule(DUMFRIES_AND_GALLOWAY_2024, 'immediate-risk-same-day')).toMatchObject({
      anchor: { kind: 'raised' },
      limit: { unit: 'same_working_day', amount: 1 },
      urgencies: ['immediate'],
      source: 'protocol',
    });
    const others = DUMFRIES_AND_GALLOWAY_2024.rules.filter((r) => r.code !== 'immediate-risk-same-day');
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((r) => r.source === 'local_target')).toBe(true);
  });

  it.each([
    ['Perth and Kinross', PERTH_AND_KINROSS_2019],
    ['CSCP', CSCP_FIVE_STAGES],
  ] as const)('%s has rules, all of them marked as local targets', (_name, template) => {
    expect(template.rules.length).toBeGreaterThan(0);
    expect(template.rules.every((r) => r.source === 'local_target')).toBe(true);
  });

  it('gives every rule a rationale', () => {
    for (const template of PROTOCOL_TEMPLATES) {
      for (const r of template.rules) expect(r.rationale.length).toBeGreaterThan(40);
    }
  });
});
