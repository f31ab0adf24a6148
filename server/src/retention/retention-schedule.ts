/** When the server runs the retention job by itself. */
export interface RetentionSchedule {
  /** After start-up, so that a server restarted every day still runs it. */
  readonly firstRunAfterMs: number;
  readonly everyMs: number;
}

/** Ten minutes after start-up, then daily. */
export const DEFAULT_RETENTION_SCHEDULE: RetentionSchedule = { firstRunAfterMs: 10 * 60_000, everyMs: 24 * 60 * 60_000 };
