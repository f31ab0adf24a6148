import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ServerLifecycle } from '../lifecycle/server-lifecycle.js';
import type { Health } from './models/health.model.js';

/** Why the server is not ready, most pressing first. */
export type NotReadyReason = 'shutting_down' | 'database_unreachable' | 'migrations_pending';

export interface Readiness {
  readonly ready: boolean;
  /** Set when not ready. */
  readonly reason?: NotReadyReason;
  readonly database: boolean;
  /** Migrations the code knows that the database has not applied; null when the database cannot be asked. */
  readonly pendingMigrations: string[] | null;
}

@Injectable()
export class HealthService {
  private readonly logger = new Logger(HealthService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lifecycle: ServerLifecycle,
  ) {}

  /** "ok" when the database answers, "degraded" when it does not. */
  async check(): Promise<Health> {
    const database = await this.databaseReachable();
    return { status: database ? 'ok' : 'degraded', database };
  }

  /** Whether a trivial query succeeds. */
  async databaseReachable(): Promise<boolean> {
    try {
      await this.dataSource.query('SELECT 1');
      return true;
    } catch (error) {
      this.logger.warn(`Database check failed: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }

  /**
   * Ready to serve: not shutting down, the database answers, and every migration the code
   * knows has been applied. Says which of those failed, never how (no error text).
   */
  async readiness(): Promise<Readiness> {
    const readiness = await this.databaseReadiness();
    return this.lifecycle.draining ? { ...readiness, ready: false, reason: 'shutting_down' } : readiness;
  }

  private async databaseReadiness(): Promise<Readiness> {
    try {
      const pending = await this.pendingMigrations();
      if (pending.length > 0) return { ready: false, reason: 'migrations_pending', database: true, pendingMigrations: pending };
      return { ready: true, database: true, pendingMigrations: [] };
    } catch (error) {
      this.logger.warn(`Readiness check failed: ${error instanceof Error ? error.message : String(error)}`);
      return { ready: false, reason: 'database_unreachable', database: false, pendingMigrations: null };
    }
  }

  /** Reads TypeORM's `migrations` table without creating it (a probe must not write). */
  private async pendingMigrations(): Promise<string[]> {
    const known = this.dataSource.migrations.map((migration) => migration.name ?? migration.constructor.name);
    const [table] = await this.dataSource.query<{ present: boolean }[]>(
      `SELECT to_regclass('migrations') IS NOT NULL AS present`,
    );
    if (!table?.present) return known;
    const applied = await this.dataSource.query<{ name: string }[]>('SELECT name FROM migrations');
    const appliedNames = new Set(applied.map((row) => row.name));
    return known.filter((name) => !appliedNames.has(name));
  }
}
