import {
  JURISDICTIONS,
  MILESTONE_KINDS,
  REQUIREMENT_KINDS,
  RULE_SOURCES,
  TIERS,
  TIMESCALE_UNITS,
  URGENCIES,
} from '../domain/index.js';
import type { ProtocolTemplate, RuleEvent, TimescaleRuleDefinition } from '../domain/index.js';

const SNAKE_CASE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
const KEBAB_CASE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Units counted in whole days; hours may be fractional. */
const WHOLE_DAY_UNITS: readonly string[] = ['working_days', 'calendar_days'];

function includes<T>(list: readonly T[], value: unknown): value is T {
  return (list as readonly unknown[]).includes(value);
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) repeated.add(value);
    seen.add(value);
  }
  return [...repeated];
}

/**
 * Checks a protocol template — a shipped one, or a partnership's adjusted copy — and
 * returns every problem found, each as a sentence a person can act on. Empty when valid.
 * Pure: inspects plain data only, so it can run on input that has not been type-checked.
 */
export function validateProtocolTemplate(template: ProtocolTemplate): string[] {
  return [...checkHeader(template), ...checkStages(template), ...checkCategories(template), ...checkRules(template)];
}

function checkHeader(t: ProtocolTemplate): string[] {
  const problems: string[] = [];
  if (!KEBAB_CASE.test(t.code)) problems.push(`protocol code "${t.code}" must be kebab-case`);
  if (!includes(JURISDICTIONS, t.jurisdiction)) problems.push(`jurisdiction "${t.jurisdiction}" is not recognised`);
  for (const urgency of t.skipAllowedFor) {
    if (!includes(URGENCIES, urgency)) problems.push(`skipAllowedFor: urgency "${urgency}" is not recognised`);
  }
  return problems;
}

function checkStages(t: ProtocolTemplate): string[] {
  const problems: string[] = [];
  if (t.stages.length === 0) problems.push('the protocol has no stages');
  for (const code of duplicates(t.stages.map((s) => s.code))) {
    problems.push(`stage code "${code}" is used by more than one stage`);
  }
  t.stages.forEach((stage, index) => {
    const where = `stage "${stage.code}"`;
    if (stage.code.trim() === '') problems.push(`stage ${index + 1} has an empty code`);
    if (stage.order !== index + 1) {
      problems.push(`${where} has order ${stage.order}; orders must run 1, 2, 3 … in ladder order (expected ${index + 1})`);
    }
    if (!includes(TIERS, stage.tier)) {
      problems.push(`${where} has tier ${stage.tier}; tiers run from 1 to 5`);
    }
    const below = t.stages[index - 1];
    if (below && stage.tier < below.tier) {
      problems.push(
        `${where} (tier ${stage.tier}) sits below the stage under it, "${below.code}" (tier ${below.tier}); ` +
          'tiers must not decrease up the ladder',
      );
    }
    for (const requirement of stage.requirements) {
      if (!includes(REQUIREMENT_KINDS, requirement)) problems.push(`${where}: requirement "${requirement}" is not recognised`);
    }
  });
  return problems;
}

function checkCategories(t: ProtocolTemplate): string[] {
  const problems: string[] = [];
  for (const code of duplicates(t.categories.map((c) => c.code))) {
    problems.push(`category code "${code}" is used by more than one category`);
  }
  for (const category of t.categories) {
    if (!SNAKE_CASE.test(category.code)) problems.push(`category code "${category.code}" must be snake_case`);
  }
  return problems;
}

function checkRules(t: ProtocolTemplate): string[] {
  const problems: string[] = [];
  const stageCodes = new Set(t.stages.map((s) => s.code));
  const rulesByCode = new Map(t.rules.map((r) => [r.code, r]));
  for (const code of duplicates(t.rules.map((r) => r.code))) {
    problems.push(`rule code "${code}" is used by more than one rule`);
  }
  for (const rule of t.rules) {
    const where = `rule "${rule.code}"`;
    if (!KEBAB_CASE.test(rule.code)) problems.push(`rule code "${rule.code}" must be kebab-case`);
    if (!stageCodes.has(rule.stageCode)) problems.push(`${where} belongs to stage "${rule.stageCode}", which does not exist`);
    problems.push(...checkEvent(rule.anchor, `${where} anchor`, stageCodes));
    if (rule.targets.length === 0) problems.push(`${where} has no targets`);
    rule.targets.forEach((target, i) => problems.push(...checkEvent(target, `${where} target ${i + 1}`, stageCodes)));
    problems.push(...checkLimit(rule, where));
    if (rule.urgencies !== undefined) {
      if (rule.urgencies.length === 0) problems.push(`${where} lists no urgencies; leave urgencies out to apply to all`);
      for (const urgency of rule.urgencies) {
        if (!includes(URGENCIES, urgency)) problems.push(`${where}: urgency "${urgency}" is not recognised`);
      }
    }
    if (!includes(RULE_SOURCES, rule.source)) problems.push(`${where}: source "${rule.source}" is not recognised`);
    problems.push(...checkAppliesWhen(rule, where, rulesByCode));
  }
  return problems;
}

function checkEvent(event: RuleEvent, where: string, stageCodes: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  switch (event.kind) {
    case 'raised':
    case 'resolved':
      break;
    case 'stage_entered':
    case 'stage_exited':
      if (!stageCodes.has(event.stageCode)) problems.push(`${where} refers to stage "${event.stageCode}", which does not exist`);
      break;
    case 'milestone':
      if (!includes(MILESTONE_KINDS, event.milestone)) problems.push(`${where}: milestone "${event.milestone}" is not recognised`);
      if (event.stageCode !== undefined && !stageCodes.has(event.stageCode)) {
        problems.push(`${where} refers to stage "${event.stageCode}", which does not exist`);
      }
      break;
    default:
      problems.push(`${where}: event kind "${(event as { kind: unknown }).kind}" is not recognised`);
  }
  return problems;
}

function checkLimit(rule: TimescaleRuleDefinition, where: string): string[] {
  const { unit, amount } = rule.limit;
  if (!includes(TIMESCALE_UNITS, unit)) return [`${where}: limit unit "${unit}" is not recognised`];
  if (!Number.isFinite(amount) || amount <= 0) return [`${where}: limit amount must be greater than 0 (got ${amount})`];
  if (unit === 'same_working_day' && amount !== 1) return [`${where}: a same_working_day limit must have amount 1 (got ${amount})`];
  if (WHOLE_DAY_UNITS.includes(unit) && !Number.isInteger(amount)) {
    return [`${where}: a ${unit} limit must be a whole number (got ${amount})`];
  }
  return [];
}

function checkAppliesWhen(
  rule: TimescaleRuleDefinition,
  where: string,
  rulesByCode: ReadonlyMap<string, TimescaleRuleDefinition>,
): string[] {
  if (rule.appliesWhen === undefined) return [];
  const named = rule.appliesWhen.ruleNotMet;
  if (named === rule.code) return [`${where}: appliesWhen names the rule itself`];
  if (!rulesByCode.has(named)) return [`${where}: appliesWhen names rule "${named}", which does not exist`];
  // Follow the chain of conditions; it must end rather than loop back.
  const visited = new Set([rule.code]);
  for (let next = rulesByCode.get(named); next; next = rulesByCode.get(next.appliesWhen?.ruleNotMet ?? '')) {
    if (visited.has(next.code)) return [`${where}: appliesWhen conditions form a loop through rule "${next.code}"`];
    visited.add(next.code);
  }
  return [];
}
