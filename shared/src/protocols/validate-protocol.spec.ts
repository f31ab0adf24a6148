import type { ProtocolTemplate, StageDefinition, TimescaleRuleDefinition } from '../domain/index.js';
import { GLOUCESTERSHIRE_GSCP_2025 } from './gloucestershire-gscp-2025.js';
import { validateProtocolTemplate } from './validate-protocol.js';

describe('validateProtocolTemplate', () => {
  const base = GLOUCESTERSHIRE_GSCP_2025;
  const withStages = (stages: StageDefinition[]): ProtocolTemplate => ({ ...base, stages });
  const withRule = (code: string, patch: Partial<TimescaleRuleDefinition>): ProtocolTemplate => ({
    ...base,
    rules: base.rules.map((r) => (r.code === code ? { ...r, ...patch } : r)),
  });
  const problemsOf = (t: ProtocolTemplate) => validateProtocolTemplate(t);
  const stage = (code: string) => base.stages.find((s) => s.code === code)!;

  const setTier = (code: string, tier: number) =>
    withStages(base.stages.map((s) => (s.code === code ? { ...s, tier: tier as StageDefinition['tier'] } : s)));
  const setOrder = (code: string, order: number) =>
    withStages(base.stages.map((s) => (s.code === code ? { ...s, order } : s)));
  const JOINT_PLAN = 'stage-3-joint-plan-5wd';
  const NO_PLAN = 'stage-4-when-no-joint-plan';
  const MANAGERS = 'line-manager-contact-24h';

  const BROKEN: readonly { problem: string; broken: ProtocolTemplate; expected: RegExp }[] = [
    {
      problem: 'a duplicate stage code',
      broken: withStages([...base.stages, { ...stage('4'), order: 5 }]),
      expected: /stage code "4" is used by more than one/,
    },
    { problem: 'orders that do not run 1..n', broken: setOrder('3', 7), expected: /stage "3" has order 7/ },
    {
      problem: 'orders out of ladder sequence',
      broken: withStages([stage('2'), stage('1'), stage('3'), stage('4')]),
      expected: /stage "2" has order 2.*expected 1/,
    },
    { problem: 'a tier that falls going up', broken: setTier('3', 2), expected: /stage "3" \(tier 2\) sits below/ },
    { problem: 'a tier outside 1..5', broken: setTier('4', 6), expected: /stage "4" has tier 6/ },
    {
      problem: 'a duplicate category code',
      broken: { ...base, categories: [...base.categories, base.categories[0]!] },
      expected: /category code "referral_response" is used by more than one/,
    },
    {
      problem: 'a category code that is not snake_case',
      broken: { ...base, categories: [{ code: 'Referral-Response', label: 'Referral' }] },
      expected: /category code "Referral-Response" must be snake_case/,
    },
    {
      problem: 'a duplicate rule code',
      broken: { ...base, rules: [...base.rules, base.rules[0]!] },
      expected: /rule code "line-manager-contact-24h" is used by more than one/,
    },
    {
      problem: 'a rule code that is not kebab-case',
      broken: withRule(MANAGERS, { code: 'lineManager_24h' }),
      expected: /rule code "lineManager_24h" must be kebab-case/,
    },
    {
      problem: 'a rule on a missing stage',
      broken: withRule(JOINT_PLAN, { stageCode: '9' }),
      expected: /belongs to stage "9", which does not exist/,
    },
    {
      problem: 'an anchor on a missing stage',
      broken: withRule(JOINT_PLAN, { anchor: { kind: 'stage_entered', stageCode: '3c' } }),
      expected: /anchor refers to stage "3c"/,
    },
    {
      problem: 'a target on a missing stage',
      broken: withRule(NO_PLAN, { targets: [{ kind: 'stage_exited', stageCode: '5' }] }),
      expected: /target 1 refers to stage "5"/,
    },
    {
      problem: 'a milestone target in a missing stage',
      broken: withRule(JOINT_PLAN, { targets: [{ kind: 'milestone', milestone: 'joint_plan_agreed', stageCode: 'x' }] }),
      expected: /target 1 refers to stage "x"/,
    },
    {
      problem: 'appliesWhen naming a missing rule',
      broken: withRule(NO_PLAN, { appliesWhen: { ruleNotMet: 'no-such-rule' } }),
      expected: /names rule "no-such-rule", which does not exist/,
    },
    {
      problem: 'appliesWhen naming the rule itself',
      broken: withRule(NO_PLAN, { appliesWhen: { ruleNotMet: NO_PLAN } }),
      expected: /names the rule itself/,
    },
    {
      problem: 'a loop of appliesWhen conditions',
      broken: withRule(JOINT_PLAN, { appliesWhen: { ruleNotMet: NO_PLAN } }),
      expected: /appliesWhen conditions form a loop/,
    },
    {
      problem: 'a zero limit',
      broken: withRule(MANAGERS, { limit: { unit: 'hours', amount: 0 } }),
      expected: /limit amount must be greater than 0/,
    },
    {
      problem: 'a negative limit',
      broken: withRule(MANAGERS, { limit: { unit: 'working_days', amount: -2 } }),
      expected: /limit amount must be greater than 0/,
    },
    {
      problem: 'a same-working-day limit other than 1',
      broken: withRule(MANAGERS, { limit: { unit: 'same_working_day', amount: 2 } }),
      expected: /same_working_day limit must have amount 1/,
    },
    {
      problem: 'an unknown urgency',
      broken: withRule(MANAGERS, { urgencies: ['critical' as never] }),
      expected: /urgency "critical" is not recognised/,
    },
    { problem: 'an empty urgency list', broken: withRule(MANAGERS, { urgencies: [] }), expected: /lists no urgencies/ },
    {
      problem: 'an unknown urgency allowed to skip',
      broken: { ...base, skipAllowedFor: ['soon' as never] },
      expected: /skipAllowedFor: urgency "soon"/,
    },
  ];

  it('accepts the unbroken template the cases below are made from', () => {
    expect(problemsOf(base)).toEqual([]);
  });

  it.each(BROKEN)('reports $problem', ({ broken, expected }) => {
    expect(problemsOf(broken)).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
  });

  it('reports exactly one problem for one broken field', () => {
    expect(problemsOf(withRule('stage-3-joint-plan-5wd', { limit: { unit: 'working_days', amount: 0 } }))).toEqual([
      'rule "stage-3-joint-plan-5wd": limit amount must be greater than 0 (got 0)',
    ]);
  });

  it('does not change the template it checks', () => {
    const copy = structuredClone(base);
    validateProtocolTemplate(copy);
    expect(copy).toEqual(base);
  });
});
