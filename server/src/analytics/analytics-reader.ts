import { suppressesSmallNumbers } from '@escalation-insights/shared';
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock/clock.js';
import { currentActor } from '../database/actor-scope.js';
import { TenantDatabase } from '../database/tenant-database.js';
import type { SqlParams } from './cohort-sql.js';

/** Runs one SQL statement inside the answer's snapshot. */
export type SqlRunner = <R>(sql: string, params: SqlParams | readonly unknown[]) => Promise<R[]>;

export interface AnalyticsContext {
  readonly run: SqlRunner;
  /** What "now" is for this answer: open escalations are censored, and deadlines judged, at it. */
  readonly now: Date;
  /**
   * Whether small numbers are suppressed (DESIGN.md §4.5): for a role without
   * record-level access, or for an answer marked for publication.
   */
  readonly suppress: boolean;
}

/** One SQL statement of an answer, as run. */
export interface AnalyticsStatement {
  readonly sql: string;
  readonly params: readonly unknown[];
  /** Round trip from the server, in milliseconds. */
  readonly ms: number;
}

let statementObserver: ((statement: AnalyticsStatement) => void) | null = null;

/**
 * Hands every statement the analytics run to `observer` (null: stop). For benchmarks,
 * which run the same SQL again directly against PostgreSQL to set its cost beside the API's.
 */
export function observeAnalyticsStatements(observer: ((statement: AnalyticsStatement) => void) | null): void {
  statementObserver = observer;
}

/**
 * Every answer of the analytics API is read in one READ ONLY, REPEATABLE READ
 * transaction as the current actor (TenantDatabase: row-level security shows their
 * partnership only), so that its figures — a total and its breakdown, read by two
 * statements — come from the same snapshot and add up.
 */
@Injectable()
export class AnalyticsReader {
  constructor(
    private readonly db: TenantDatabase,
    private readonly clock: Clock,
  ) {}

  answer<T>(forPublication: boolean, work: (context: AnalyticsContext) => Promise<T>): Promise<T> {
    const suppress = suppressesSmallNumbers(currentActor()?.role ?? null, { forPublication });
    const now = this.clock.now();
    return this.db.run(async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      // Percentiles and Kaplan–Meier steps sort in memory rather than on disk.
      await manager.query(`SET LOCAL work_mem = '64MB'`);
      const run: SqlRunner = async <R>(sql: string, params: SqlParams | readonly unknown[]) => {
        const values = Array.isArray(params) ? [...params] : [...(params as SqlParams).values];
        const started = performance.now();
        const rows = (await manager.query(sql, values)) as R[];
        statementObserver?.({ sql, params: values, ms: performance.now() - started });
        return rows;
      };
      return work({ run, now, suppress });
    }, 'REPEATABLE READ');
  }
}
