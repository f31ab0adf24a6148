import { Injectable } from '@nestjs/common';
import { TenantDatabase } from '../database/tenant-database.js';
import { groupByKey, LoaderKey, type LoaderSpec, type RequestLoaders } from '../graphql/request-loaders.js';
import { EscalationCorrectionEntity } from './entities/escalation-correction.entity.js';
import { EscalationEntity } from './entities/escalation.entity.js';
import { MilestoneEntity } from './entities/milestone.entity.js';
import { StageEntryEntity } from './entities/stage-entry.entity.js';
import { toEscalation, toEscalationCorrection, toMilestone, toStageEntry } from './escalation.mappers.js';
import type { EscalationCorrection } from './models/escalation-correction.model.js';
import type { Escalation } from './models/escalation.model.js';
import type { Milestone } from './models/milestone.model.js';
import type { StageEntry } from './models/stage-entry.model.js';
import type { TimescaleOutcome } from './models/timescale-outcome.model.js';
import { timescaleOutcomesSql, toTimescaleOutcome } from './timescale-outcome.query.js';

export interface EscalationRef {
  readonly partnershipId: string;
  readonly id: string;
}

const ENTRIES = new LoaderKey<EscalationRef, StageEntry[]>('escalation-stage-entries');
const MILESTONES = new LoaderKey<EscalationRef, Milestone[]>('escalation-milestones');
const OUTCOMES = new LoaderKey<EscalationRef, TimescaleOutcome[]>('escalation-timescale-outcomes');
const CORRECTIONS = new LoaderKey<EscalationRef, EscalationCorrection[]>('escalation-corrections');
const RELATED = new LoaderKey<EscalationRef, Escalation[]>('escalation-related');

const keyOf = (ref: EscalationRef) => `${ref.partnershipId}:${ref.id}`;
const keyOfRow = (row: { partnershipId: string; escalationId: string }) => `${row.partnershipId}:${row.escalationId}`;
const unnestParams = (refs: readonly EscalationRef[]) => [refs.map((r) => r.partnershipId), refs.map((r) => r.id)];
const IN_REFS = 'IN (SELECT * FROM unnest($1::bigint[], $2::bigint[]))';

/**
 * The timeline of escalations: stages, milestones, timescale outcomes, corrections and
 * related escalations. Each collection costs one query per request, however many
 * escalations the request shows.
 */
@Injectable()
export class EscalationTimelineService {
  constructor(private readonly db: TenantDatabase) {}

  /** Stage entries in ladder order. */
  stagesOf(ref: EscalationRef, loaders: RequestLoaders): Promise<StageEntry[]> {
    return loaders.get(ENTRIES, spec(async (refs) => {
      const rows = await this.db.run((manager) => manager.createQueryBuilder(StageEntryEntity, 's')
        .where(...belongsTo('s', refs))
        .orderBy('s.ladderOrder', 'ASC')
        .getMany());
      return groupByKey(refs, rows, keyOf, keyOfRow).map((group) => group.map(toStageEntry));
    })).load(ref);
  }

  /** Milestones by when they happened. */
  milestonesOf(ref: EscalationRef, loaders: RequestLoaders): Promise<Milestone[]> {
    return loaders.get(MILESTONES, spec(async (refs) => {
      const rows = await this.db.run((manager) => manager.createQueryBuilder(MilestoneEntity, 'm')
        .where(...belongsTo('m', refs))
        .orderBy('m.occurredAt', 'ASC')
        .addOrderBy('m.id', 'ASC')
        .getMany());
      return groupByKey(refs, rows, keyOf, keyOfRow).map((group) => group.map(toMilestone));
    })).load(ref);
  }

  /** Stored outcomes, by the ladder order of their stage, then rule code. */
  outcomesOf(ref: EscalationRef, loaders: RequestLoaders): Promise<TimescaleOutcome[]> {
    return loaders.get(OUTCOMES, spec(async (refs) => {
      const rows: Record<string, unknown>[] = await this.db.run((manager) => manager.query(timescaleOutcomesSql(IN_REFS), unnestParams(refs)));
      const outcomes = rows.map((row) => ({ ...toTimescaleOutcome(row), partnershipId: row['partnership_id'] as string, escalationId: row['escalation_id'] as string }));
      return groupByKey(refs, outcomes, keyOf, keyOfRow).map((group) => group.map(({ partnershipId: _p, escalationId: _e, ...outcome }) => outcome));
    })).load(ref);
  }

  /** Corrections, oldest first. */
  correctionsOf(ref: EscalationRef, loaders: RequestLoaders): Promise<EscalationCorrection[]> {
    return loaders.get(CORRECTIONS, spec(async (refs) => {
      const rows = await this.db.run((manager) => manager.createQueryBuilder(EscalationCorrectionEntity, 'c')
        .where(...belongsTo('c', refs))
        .orderBy('c.id', 'ASC')
        .getMany());
      return groupByKey(refs, rows, keyOf, keyOfRow).map((group) => group.map(toEscalationCorrection));
    })).load(ref);
  }

  /** Other escalations of the same partnership about the same child (same child key), by raise time. */
  relatedOf(ref: EscalationRef, loaders: RequestLoaders): Promise<Escalation[]> {
    return loaders.get(RELATED, spec(async (refs) => {
      const { pairs, related } = await this.db.run(async (manager) => {
        const pairs: { source_id: string; partnership_id: string; id: string }[] = await manager.query(
          `SELECT e.id::text AS source_id, r.partnership_id::text, r.id::text
           FROM escalation e
           JOIN escalation r ON r.partnership_id = e.partnership_id AND r.child_key = e.child_key AND r.id <> e.id
           WHERE (e.partnership_id, e.id) ${IN_REFS}`,
          unnestParams(refs),
        );
        const related = pairs.length === 0 ? [] : await manager.find(EscalationEntity, {
          where: pairs.map((pair) => ({ partnershipId: pair.partnership_id, id: pair.id })),
        });
        return { pairs, related };
      });
      const byKey = new Map(related.map((row) => [`${row.partnershipId}:${row.id}`, toEscalation(row)]));
      const rows = pairs.map((pair) => ({ partnershipId: pair.partnership_id, escalationId: pair.source_id, escalation: byKey.get(`${pair.partnership_id}:${pair.id}`)! }));
      return groupByKey(refs, rows, keyOf, keyOfRow).map((group) =>
        group.map((row) => row.escalation).sort((a, b) => a.raisedAt.getTime() - b.raisedAt.getTime() || Number(a.id) - Number(b.id)),
      );
    })).load(ref);
  }
}

/** A query-builder condition: the rows of `alias` that belong to one of `refs`. */
function belongsTo(alias: string, refs: readonly EscalationRef[]): [string, Record<string, string[]>] {
  return [
    `(${alias}.partnership_id, ${alias}.escalation_id) IN (SELECT * FROM unnest(CAST(:partnerships AS bigint[]), CAST(:ids AS bigint[])))`,
    { partnerships: refs.map((r) => r.partnershipId), ids: refs.map((r) => r.id) },
  ];
}

function spec<V>(batch: (refs: readonly EscalationRef[]) => Promise<V[]>): LoaderSpec<EscalationRef, V> {
  return { batch, cacheKey: keyOf };
}
