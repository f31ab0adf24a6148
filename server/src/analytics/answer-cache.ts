import { DATA_CHANGED_CHANNEL, SESSIONS_CHANGED_CHANNEL } from '@escalation-insights/database';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { DEFAULT_ANALYTICS_CACHE_SECONDS } from '../config/operations-config.js';
import { SERVER_CONFIG, type ServerConfig } from '../config/server-config.js';

/** Answers kept at once; the least recently used go first. */
const MAX_ENTRIES = 300;
const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 15_000;
const LISTENER_QUERY_TIMEOUT_MS = 2_000;
/** While data keeps changing, a superseded answer is worked out again at most this many times in the time it may be sent for. */
const REFRESHES_PER_STALE_TIME = 5;
/** Writers remembered at once (noteWrite), and the longest any is remembered for. */
const MAX_WRITERS = 10_000;
const LONGEST_SUPERSEDED_MS = 60_000;

/** See `AnswerCache.lookup`. */
export type Lookup<T> =
  | {
      readonly found: true;
      readonly value: Promise<T>;
      /** Whether a change has superseded it (its replacement is being worked out, or is to be: `refresh`). */
      readonly superseded: boolean;
      /** Set when the caller is to work out the replacement, without anyone waiting for it: keep it with this. */
      readonly refresh?: (value: Promise<T>) => void;
    }
  | { readonly found: false; keep(value: Promise<T>): void };

interface Entry {
  /** The data versions it was computed under (see `stampOf`). */
  readonly stamp: string;
  /** Its "now", and when it was stored (system clock: its computation had just begun), in milliseconds. */
  readonly now: number;
  readonly stored: number;
  readonly value: Promise<unknown>;
  /** Whether `value` has resolved. */
  ready: boolean;
  /** While this one is being worked out: the newest answer to the same question already worked out. */
  previous: Entry | null;
}

/**
 * Keeps analytics answers until the data behind them changes, so that fifty people
 * opening the same dashboard before a meeting cost one computation, not fifty.
 *
 * - **Knowing about changes.** Every write to a table the figures read NOTIFYs
 *   `escalation_insights_data_changed` at COMMIT with the writer's partnership, or with
 *   nothing when any partnership's figures may have changed (migration NotifyDataChanges).
 *   One connection LISTENs; each notification moves that partnership's version on, or
 *   every version.
 * - **Never serving what a committed write changed.** Before an answer is taken from the
 *   cache, a query on the listening connection makes PostgreSQL deliver every
 *   notification of a transaction that committed before it. An answer is stamped with the
 *   versions read before its computation took its snapshot, so a write committed while
 *   it ran leaves it stale, not wrong.
 * - **Sharing.** An answer is shared only by requests that row-level security shows the
 *   same rows (same partnership, role and national flag: `key`) with the same arguments
 *   and the same small-number suppression. Requests arriving while it is being computed
 *   wait for that computation instead of starting their own. Failures are not kept.
 * - **Time.** An answer states the "now" it was computed at; it is served for at most
 *   half of `answerCacheSeconds` after that at each of the two levels (the service's
 *   answer, and the GraphQL result made of it: answer-cache.plugin.ts), and never when
 *   the clock has gone back.
 * - **Without its connection** (database restarting, connection lost) nothing is served
 *   from the cache: every request computes its answer, and the connection is retried.
 *   `answerCacheSeconds` 0 turns the cache off.
 */
@Injectable()
export class AnswerCache implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AnswerCache.name);
  private readonly ttlMs: number;
  private readonly entries = new Map<string, Entry>();
  /** Moves on when everything may have changed; `any` on every change; per partnership on theirs. */
  private epoch = 0;
  private any = 0;
  private readonly versions = new Map<string, number>();
  /** Moves on whenever a session may have ended or an account changed (SESSIONS_CHANGED_CHANNEL). */
  private sessionsVersion = 0;
  /** When each user last wrote (noteWrite). */
  private readonly writers = new Map<string, number>();
  private client: pg.Client | null = null;
  private asking: Promise<void> | null = null;
  private askNext: Promise<void> | null = null;
  private stopped = false;
  private retryMs = FIRST_RETRY_MS;
  private retry: NodeJS.Timeout | null = null;

  constructor(@Inject(SERVER_CONFIG) private readonly config: ServerConfig) {
    // Half each to the two levels an answer can be kept at (a whole GraphQL result, and the service's answer it was
    // made from): so the "now" of what anyone receives is never older than the configured time.
    this.ttlMs = ((config.answerCacheSeconds ?? DEFAULT_ANALYTICS_CACHE_SECONDS) * 1000) / 2;
  }

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  /** Whether answers are served from the cache now (enabled and listening). */
  get serving(): boolean {
    return this.enabled && this.client !== null;
  }

  /**
   * The answer for `key` — from the cache when still right, otherwise from `compute`
   * (which must take its snapshot after being called). `partnership`: the one row-level
   * security confines the asker to, or null when they may read several.
   */
  async answer<T>(key: string, partnership: string | null, now: Date, compute: () => Promise<T>): Promise<T> {
    const lookup = await this.lookup<T>(key, partnership, now);
    if (lookup === null) return compute();
    if (lookup.found) return lookup.value;
    const value = compute();
    lookup.keep(value);
    return value;
  }

  /**
   * What is kept under `key`, if still right; otherwise a `keep` for an answer worked out
   * from now on (call it before the answer's snapshot is taken, or as soon as it is known
   * — it is stamped with the data versions of this moment). Null when nothing can be kept.
   */
  async lookup<T>(key: string, partnership: string | null, now: Date, options: { supersededUpToMs?: number } = {}): Promise<Lookup<T> | null> {
    if (!(await this.heardEverything())) return null;
    const stamp = this.stampOf(partnership);
    const at = now.getTime();
    const found = this.entries.get(key);
    const upTo = Math.min(options.supersededUpToMs ?? 0, this.ttlMs);
    if (found && found.stamp === stamp && this.timely(found, at, this.ttlMs)) {
      this.entries.delete(key);
      this.entries.set(key, found);
      const previous = found.ready ? null : found.previous;
      if (previous && upTo > 0 && this.timely(previous, at, upTo)) return { found: true, value: previous.value as Promise<T>, superseded: true };
      return { found: true, value: found.value as Promise<T>, superseded: false };
    }
    const epoch = this.epoch;
    const standIn = found ? (found.ready ? found : found.previous) : null;
    const keep = (value: Promise<T>) => {
      if (this.epoch !== epoch) return; // everything was dropped meanwhile
      this.store(key, { stamp, now: at, stored: Date.now(), value, ready: false, previous: standIn });
    };
    if (standIn && upTo > 0 && this.timely(standIn, at, upTo)) {
      // Superseded but recent: sent as it is. Its replacement is worked out with nobody waiting: once at a time, and (while
      // the data keeps changing) no more often than a fifth of the time answers may lag, so that a stream of writes does
      // not have every question worked out again after each.
      const underWay = found !== undefined && !found.ready;
      const due = Date.now() - standIn.stored >= upTo / REFRESHES_PER_STALE_TIME;
      return { found: true, value: standIn.value as Promise<T>, superseded: true, ...(underWay || !due ? {} : { refresh: keep }) };
    }
    return { found: false, keep };
  }

  /** Whether `entry` is young enough to serve at `at` (the clock's now): its "now", and when it was worked out, within `ms`. */
  private timely(entry: Entry, at: number, ms: number): boolean {
    return at >= entry.now && at - entry.now <= ms && Date.now() - entry.stored <= ms;
  }

  /**
   * Notes that `userId` has just written: for the next `ms` milliseconds, the answers
   * they are sent are never ones their write superseded (`wroteWithin`).
   */
  noteWrite(userId: string): void {
    const at = Date.now();
    if (this.writers.size >= MAX_WRITERS) {
      for (const [id, when] of this.writers) if (at - when > LONGEST_SUPERSEDED_MS) this.writers.delete(id);
      if (this.writers.size >= MAX_WRITERS) this.writers.clear();
    }
    this.writers.set(userId, at);
  }

  /** Whether `userId` wrote in the last `ms` milliseconds. */
  wroteWithin(userId: string, ms: number): boolean {
    const when = this.writers.get(userId);
    return when !== undefined && Date.now() - when <= ms;
  }

  /**
   * A token that stays the same for as long as no session or account has changed: after
   * every such change committed before this call has been heard. Null when nothing is
   * heard (the cache is off, or its connection is away): then nothing may be assumed.
   * SessionsService keeps the sessions it looked up for as long as it stays the same.
   */
  async sessionsUnchangedSince(): Promise<string | null> {
    return (await this.heardEverything()) ? `${this.epoch}/${this.sessionsVersion}` : null;
  }

  /**
   * Whether every notification of a transaction committed before this call has been
   * heard (heardUpTo), on a connection still listening now; false when the cache is off
   * or not listening, when nothing may be assumed.
   */
  private async heardEverything(): Promise<boolean> {
    const client = this.client;
    if (!this.enabled || client === null) return false;
    try {
      await this.heardUpTo(client);
    } catch {
      return false;
    }
    return this.client === client;
  }

  /**
   * Resolves once the listening connection has answered a query sent after this call:
   * PostgreSQL has by then delivered every notification of a transaction committed before
   * it. Requests arriving while one such query is out share the next one.
   */
  private heardUpTo(client: pg.Client): Promise<void> {
    if (this.asking === null) {
      const asking = client.query('SELECT 1').then(() => undefined);
      this.asking = asking;
      void asking.catch(() => undefined).finally(() => {
        if (this.asking === asking) this.asking = null;
      });
      return asking;
    }
    this.askNext ??= this.asking.catch(() => undefined).then(() => {
      this.askNext = null;
      return this.heardUpTo(client);
    });
    return this.askNext;
  }

  private store(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    entry.value.then(
      () => {
        entry.ready = true;
        entry.previous = null;
        // A newer computation of the same question still running stands in with this one from now on.
        const current = this.entries.get(key);
        if (current && current !== entry && !current.ready && (current.previous === null || current.previous.stored < entry.stored)) current.previous = entry;
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
  }

  /** How many answers are kept (for tests and benchmarks). */
  get size(): number {
    return this.entries.size;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.enabled) await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.forget();
    await client?.end().catch(() => undefined);
  }

  private stampOf(partnership: string | null): string {
    return `${this.epoch}/${partnership === null ? `*${this.any}` : `${partnership}:${this.versions.get(partnership) ?? 0}`}`;
  }

  private changed(payload: string): void {
    this.any += 1;
    if (payload === '') this.epoch += 1;
    else this.versions.set(payload, (this.versions.get(payload) ?? 0) + 1);
  }

  /** Drops every answer: after this, nothing computed before can match a stamp. */
  private forget(): void {
    this.client = null;
    this.epoch += 1;
    this.entries.clear();
  }

  private async listen(): Promise<void> {
    this.retry = null;
    if (this.stopped) return;
    const client = new pg.Client({
      connectionString: this.config.appDatabaseUrl,
      connectionTimeoutMillis: this.config.databaseConnectTimeoutMs ?? 5_000,
      query_timeout: LISTENER_QUERY_TIMEOUT_MS,
      application_name: 'escalation-insights answer cache',
    });
    const lost = () => {
      if (this.client !== client) return;
      this.logger.warn('Lost the connection that hears about changed data: answers are computed afresh until it is back');
      this.forget();
      client.end().catch(() => undefined);
      this.scheduleRetry();
    };
    client.on('notification', (message) => {
      if (message.channel === SESSIONS_CHANGED_CHANNEL) this.sessionsVersion += 1;
      else this.changed(message.payload ?? '');
    });
    client.on('error', lost);
    client.on('end', lost);
    try {
      await client.connect();
      await client.query(`LISTEN ${DATA_CHANGED_CHANNEL}; LISTEN ${SESSIONS_CHANGED_CHANNEL}`);
    } catch (error) {
      client.end().catch(() => undefined);
      this.logger.warn(`Could not listen for changed data (${(error as Error).message}): answers are computed afresh for now`);
      this.scheduleRetry();
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.forget(); // whatever changed while nobody listened
    this.client = client;
    this.retryMs = FIRST_RETRY_MS;
  }

  private scheduleRetry(): void {
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => void this.listen(), this.retryMs);
    this.retry.unref();
    this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
  }
}
