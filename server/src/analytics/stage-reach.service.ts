import { TIERS } from '@escalation-insights/shared';
import { Injectable } from '@nestjs/common';
import { AnalyticsReader } from './analytics-reader.js';
import { resolveProtocol, resolveScope } from './analytics-scope.js';
import { cohortSummary, OUT_OF_SCOPE } from './cohort-counts.js';
import type { StageReachArgs } from './dto/analytics.args.js';
import type { ProtocolStageReach, ReachBreakdown, StageReach } from './models/stage-reach.model.js';
import { addReach, readReach, reachIds, relateReachParts, resolutionShares, tierReaches, type ReachRow, type ReachSplit } from './reach-figures.js';
import { readProtocolStages, type ProtocolStages } from './stage-figures.js';
import { CountBook, type SettledCounts } from './suppression.js';
import type { Period } from './period.js';

const SPLITS: readonly ReachSplit[] = ['raising', 'receiving', 'category'];

/**
 * Stage reach (DESIGN.md §4.1). Reach(tier k) = escalations of the cohort whose highest
 * tier ≥ k ÷ the cohort. Per stage of one protocol, over the cohort's escalations that
 * followed it: reached = highest_stage_order ≥ the stage's order, entered = has a stage
 * entry for it, skipped = reached − entered. Resolved-at: resolved at tier t
 * (status resolved, resolved_tier = t), still open, withdrawn — a partition of the
 * cohort. The same reach and resolved-at by raising agency, receiving agency and category.
 */
@Injectable()
export class StageReachService {
  constructor(private readonly reader: AnalyticsReader) {}

  stageReach(args: StageReachArgs): Promise<StageReach> {
    return this.reader.answer('stageReach', args, args.suppressSmallNumbers, async ({ run, now, suppress }) => {
      const scope = await resolveScope(run, args.filter);
      const protocolId = await resolveProtocol(run, scope, args.protocolId);
      const whole = (await readReach(run, scope, null))[0]!;
      const splits: ReachRow[][] = [];
      for (const split of SPLITS) splits.push(await readReach(run, scope, split));
      const stages = protocolId ? await readProtocolStages(run, scope, protocolId) : null;
      return stageReachFigures({ whole, splits, stages }, scope.period, now, suppress);
    });
  }
}

function stageReachFigures(
  read: { whole: ReachRow; splits: ReachRow[][]; stages: ProtocolStages | null },
  period: Period,
  asOf: Date,
  suppress: boolean,
): StageReach {
  const book = new CountBook();
  addReach(book, '', read.whole);
  book.add(OUT_OF_SCOPE, read.whole.outOfScope);
  SPLITS.forEach((split, i) => {
    const prefixes = read.splits[i]!.map((row) => `${split}:${row.key}`);
    read.splits[i]!.forEach((row, j) => addReach(book, prefixes[j]!, row));
    relateReachParts(book, prefixes);
  });
  if (read.stages) addStages(book, read.stages, read.whole);
  const settled = book.settle(suppress);

  return {
    cohort: cohortSummary(settled, period, asOf),
    tiers: tierReaches(settled, ''),
    resolvedAt: resolutionShares(settled, ''),
    stages: read.stages ? stageFigures(settled, read.stages) : null,
    byRaisingAgency: breakdowns(settled, 'raising', read.splits[0]!),
    byReceivingAgency: breakdowns(settled, 'receiving', read.splits[1]!),
    byCategory: breakdowns(settled, 'category', read.splits[2]!),
  };
}

function breakdowns(settled: SettledCounts, split: ReachSplit, rows: readonly ReachRow[]): ReachBreakdown[] {
  return rows.map((row) => {
    const prefix = `${split}:${row.key}`;
    return {
      key: row.key,
      label: row.label ?? row.key,
      partnershipId: row.partnershipId,
      escalations: settled.figure(reachIds(prefix).escalations),
      tiers: tierReaches(settled, prefix),
      resolvedAt: resolutionShares(settled, prefix),
    };
  });
}

const stageId = (code: string, what: 'reached' | 'entered' | 'skipped') => `stage:${code}:${what}`;
const PROTOCOL_ESCALATIONS = 'stage:escalations';

/**
 * Stage counts and what ties them to the rest: reached = entered + skipped; the first
 * stage's reach is the protocol's escalations; the cohort = those + the other protocols'
 * (never shown); and the first stage at or above tier k is reached exactly by the
 * protocol's escalations that reached tier k, so reach(tier k) = that stage's reach +
 * the other protocols' escalations at tier k or above (never shown).
 */
function addStages(book: CountBook, stages: ProtocolStages, whole: ReachRow): void {
  const cohort = reachIds('');
  book.add(PROTOCOL_ESCALATIONS, stages.escalations);
  book.relate(cohort.escalations, [PROTOCOL_ESCALATIONS, book.addUnshown('stage:other', whole.escalations - stages.escalations)]);
  for (const stage of stages.stages) {
    const reached = book.add(stageId(stage.code, 'reached'), stage.reached);
    book.relate(reached, [book.add(stageId(stage.code, 'entered'), stage.entered), book.add(stageId(stage.code, 'skipped'), stage.reached - stage.entered)]);
  }
  const first = stages.stages[0];
  if (first) book.relate(PROTOCOL_ESCALATIONS, [stageId(first.code, 'reached')]);
  for (const tier of TIERS.slice(1)) {
    const stage = stages.stages.find((s) => s.tier >= tier);
    const others = whole.reached[tier - 2]! - (stage?.reached ?? 0);
    if (!stage || others < 0) continue;
    book.relate(cohort.reached(tier), [stageId(stage.code, 'reached'), book.addUnshown(`stage:other:${tier}`, others)]);
  }
}

function stageFigures(settled: SettledCounts, stages: ProtocolStages): ProtocolStageReach {
  return {
    protocolId: stages.protocolId,
    protocolName: stages.protocolName,
    escalations: settled.figure(PROTOCOL_ESCALATIONS),
    stages: stages.stages.map((stage) => ({
      stageCode: stage.code,
      stageName: stage.name,
      ladderOrder: stage.ladderOrder,
      tier: stage.tier,
      reached: settled.figure(stageId(stage.code, 'reached')),
      entered: settled.figure(stageId(stage.code, 'entered')),
      skipped: settled.figure(stageId(stage.code, 'skipped')),
      share: settled.share(stageId(stage.code, 'reached'), PROTOCOL_ESCALATIONS),
    })),
  };
}
