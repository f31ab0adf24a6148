import { Injectable, Logger } from '@nestjs/common';
import { SYSTEM_ACTOR, type Actor } from '../common/actor/actor.js';
import { Clock } from '../common/clock/clock.js';
import { TenantDatabase } from '../database/tenant-database.js';
import { TimescaleOutcomesService, type EscalationKey } from './timescale-outcomes.service.js';

const BATCH_SIZE = 500;

export interface RefreshSummary {
  readonly escalations: number;
  readonly batches: number;
  /** Batches that failed (logged) and were left as they were. */
  readonly failedBatches: number;
}

/**
 * Keeps stored timescale outcomes current as time passes without a write: a pending
 * clock turns overdue once its deadline passes. Only escalations whose outcomes can
 * change with time alone are recomputed: the open ones, and closed ones still holding a
 * pending or overdue outcome (follow-up rules anchored on the resolution). Runs as the
 * system actor of one partnership at a time (row-level security); each batch is one
 * transaction that skips escalations a write is holding (the write recomputes them).
 */
@Injectable()
export class OutcomeRefreshService {
  private readonly logger = new Logger(OutcomeRefreshService.name);

  constructor(
    private readonly db: TenantDatabase,
    private readonly outcomes: TimescaleOutcomesService,
    private readonly clock: Clock,
  ) {}

  async refreshLive(): Promise<RefreshSummary> {
    const now = this.clock.now();
    const partnerships: { id: string }[] = await this.db.runAs(SYSTEM_ACTOR, (manager) => manager.query('SELECT id::text FROM partnership ORDER BY id'));
    const total = { escalations: 0, batches: 0, failedBatches: 0 };
    for (const { id } of partnerships) {
      const summary = await this.refreshPartnership({ ...SYSTEM_ACTOR, partnershipId: id }, now);
      total.escalations += summary.escalations;
      total.batches += summary.batches;
      total.failedBatches += summary.failedBatches;
    }
    return total;
  }

  private async refreshPartnership(actor: Actor, now: Date): Promise<RefreshSummary> {
    let afterId = '0';
    let escalations = 0;
    let batches = 0;
    let failedBatches = 0;
    for (;;) {
      const keys = await this.db.runAs(actor, (manager) => manager.query(
        `SELECT e.partnership_id::text AS "partnershipId", e.id::text AS id
         FROM escalation e
         WHERE e.partnership_id = $1 AND e.id > $2
           AND (e.status = 'open' OR EXISTS (
                 SELECT 1 FROM timescale_outcome o
                 WHERE o.partnership_id = e.partnership_id AND o.escalation_id = e.id AND o.status IN ('pending', 'overdue')))
         ORDER BY e.id
         LIMIT ${BATCH_SIZE}`,
        [actor.partnershipId, afterId],
      )) as EscalationKey[];
      if (keys.length === 0) break;
      batches += 1;
      try {
        const done = await this.db.runAs(actor, (manager) => this.outcomes.recompute(manager, keys, now, { skipLocked: true }));
        escalations += done.length;
      } catch (error) {
        failedBatches += 1;
        this.logger.error(`Could not refresh the timescale outcomes of partnership ${actor.partnershipId}, escalations ${keys[0]!.id} to ${keys.at(-1)!.id}: ${String(error)}`);
      }
      afterId = keys.at(-1)!.id;
    }
    return { escalations, batches, failedBatches };
  }
}
