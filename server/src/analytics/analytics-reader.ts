import { suppressesSmallNumbers, type UserRole } from '@escalation-insights/shared';
import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock/clock.js';
import { currentActor } from '../database/actor-scope.js';
import { actorSettings, TenantDatabase } from '../database/tenant-database.js';
import { AnswerCache } from './answer-cache.js';
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

/**
 * Roles that row-level security shows exactly the same rows of their partnership
 * (`app_reads_records`, migration EnforcePartnershipIsolation): what tells their answers
 * apart is small-number suppression alone, which is part of an answer's key. The user
 * never matters to an answer.
 */
const SAME_ROWS_AS: Readonly<Record<string, string>> = {
  business_unit: 'partnership staff',
  executive: 'partnership staff',
  improvement_group: 'partnership staff',
  scrutineer: 'partnership staff',
};

/**
 * Who may share an answer with `role`: the partnership roles row-level security shows the
 * same rows share by whether small numbers are suppressed for them; any other role keeps
 * its own answers.
 */
export function answerShareOf(role: string): string {
  const rows = SAME_ROWS_AS[role];
  return rows === undefined ? role : `${rows}, ${suppressesSmallNumbers(role as UserRole) ? 'small numbers suppressed' : 'exact counts'}`;
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
 * statements — come from the same snapshot and add up. Answers are kept until the data
 * behind them changes (AnswerCache).
 */
@Injectable()
export class AnalyticsReader {
  private readonly logger = new Logger(AnalyticsReader.name);

  constructor(
    private readonly db: TenantDatabase,
    private readonly clock: Clock,
    private readonly cache: AnswerCache,
  ) {}

  /**
   * The answer of the query `name` to `args` (every argument it has, as received: they
   * are part of what the answer is kept under).
   *
   * What is kept is the answer's reading — every statement it ran, with its rows — not
   * the answer itself: answers with small numbers suppressed and without read the same
   * rows (the former fewer of them), so one reading serves both, and each request shapes
   * its own answer from it (`replay`).
   */
  async answer<T>(name: string, args: object, forPublication: boolean, work: (context: AnalyticsContext) => Promise<T>): Promise<T> {
    const actor = currentActor();
    const suppress = suppressesSmallNumbers(actor?.role ?? null, { forPublication });
    const now = this.clock.now();
    if (!actor) return this.compute(now, suppress, work); // TenantDatabase.run refuses it, as it should
    const [partnershipId, role, , national] = actorSettings(actor);
    const key = JSON.stringify([name, args, partnershipId, SAME_ROWS_AS[role] ?? role, national]);
    let mine: Promise<{ value: T; reading: Reading }> | undefined;
    const reading = await this.cache.answer(key, partnershipId === '' ? null : partnershipId, now, () => {
      mine = this.read(now, work);
      return mine.then((done) => done.reading);
    });
    if (mine && !suppress) return (await mine).value;
    try {
      return await replay(reading, suppress, work);
    } catch (error) {
      if (!(error instanceof ReadingMismatch)) throw error;
      this.logger.warn(`${name}: its kept reading did not match the statements it asked for; reading afresh`);
      return this.compute(now, suppress, work);
    }
  }

  /**
   * The answer without suppression, worked out in the database, and the reading it was
   * made from: an answer without suppression reads everything a suppressed one does (and
   * the record-level lists besides, which row-level security lets every partnership role
   * read, and which a suppressed answer never shows).
   */
  private async read<T>(now: Date, work: (context: AnalyticsContext) => Promise<T>): Promise<{ value: T; reading: Reading }> {
    const statements = new Map<string, unknown[][]>();
    const value = await this.compute(now, false, work, (key, rows) => {
      const kept = statements.get(key);
      if (kept) kept.push(structuredClone(rows as unknown[]));
      else statements.set(key, [structuredClone(rows as unknown[])]);
    });
    return { value, reading: { now, statements } };
  }

  private compute<T>(
    now: Date,
    suppress: boolean,
    work: (context: AnalyticsContext) => Promise<T>,
    record?: (key: string, rows: readonly unknown[]) => void,
  ): Promise<T> {
    return this.db.run(async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      // Percentiles and Kaplan–Meier steps sort in memory rather than on disk.
      await manager.query(`SET LOCAL work_mem = '64MB'`);
      const run: SqlRunner = async <R>(sql: string, params: SqlParams | readonly unknown[]) => {
        const values = valuesOf(params);
        const started = performance.now();
        const rows = (await manager.query(sql, values)) as R[];
        statementObserver?.({ sql, params: values, ms: performance.now() - started });
        record?.(statementKey(sql, values), rows);
        return rows;
      };
      return work({ run, now, suppress });
    }, 'REPEATABLE READ');
  }
}

/**
 * The rows of every statement an answer ran (by SQL and parameters; a statement run twice
 * keeps both, in order), all from one snapshot, and the "now" it was worked out at.
 */
interface Reading {
  readonly now: Date;
  readonly statements: ReadonlyMap<string, readonly (readonly unknown[])[]>;
}

/** An answer asked for a statement its reading does not hold (not expected: see `read`). */
class ReadingMismatch extends Error {}

/**
 * Shapes an answer from a kept reading: `work` runs as it would against the database,
 * and each statement it asks for is answered with a copy of the rows kept for it. Any
 * subset of one snapshot's rows is itself consistent.
 */
async function replay<T>(reading: Reading, suppress: boolean, work: (context: AnalyticsContext) => Promise<T>): Promise<T> {
  const used = new Map<string, number>();
  const run: SqlRunner = async <R>(sql: string, params: SqlParams | readonly unknown[]) => {
    const key = statementKey(sql, valuesOf(params));
    const nth = used.get(key) ?? 0;
    const rows = reading.statements.get(key)?.[nth];
    if (!rows) throw new ReadingMismatch();
    used.set(key, nth + 1);
    return structuredClone(rows) as R[];
  };
  return work({ run, now: reading.now, suppress });
}

function valuesOf(params: SqlParams | readonly unknown[]): unknown[] {
  return Array.isArray(params) ? [...params] : [...(params as SqlParams).values];
}

function statementKey(sql: string, values: readonly unknown[]): string {
  return JSON.stringify([sql, values]);
}
