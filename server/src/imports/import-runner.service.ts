import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Injectable, Logger, Optional } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../common/actor/actor.js';
import { ApiException } from '../common/errors/api-exception.js';
import { Clock } from '../common/clock/clock.js';
import { CommonErrorCode, CommonException } from '../common/errors/common-error-code.js';
import { TenantDatabase } from '../database/tenant-database.js';
import { ServerLifecycle } from '../lifecycle/server-lifecycle.js';
import { ChildKeyService } from '../escalations/child-key.js';
import { TimescaleOutcomesService } from '../escalations/timescale-outcomes.service.js';
import { checksumOf, UPLOAD_DIR } from './files/upload-store.js';
import { loadImportContext } from './import-context.js';
import { IMPORT_LIMITS } from './import-limits.js';
import { runPipeline, type PipelineResult } from './import-pipeline.js';
import { importSessions, type ImportProgressRow, type ImportSessionRecord } from './import-sessions.repository.js';
import { ImportWriter } from './import-writer.js';
import { ImportsErrorCode, ImportsException } from './imports.exception.js';

export type ImportRunKind = 'dry_run' | 'commit';

/** First key of the advisory lock that lets one commit at a time write a partnership's escalations; the second is the partnership id. */
const COMMIT_LOCK_CLASS = 74_200_002;

/** A commit that found problems: thrown inside its transaction so that everything it wrote rolls back. */
class ImportRejected extends Error {
  constructor(readonly result: PipelineResult) {
    super('The import has problems: nothing was written.');
  }
}

/**
 * Runs dry runs and commits of claimed import sessions. A dry run reads the file once,
 * checks every row and counts what would be created, updated or left alone. A commit
 * does the same in ONE transaction of the actor (row-level security applies), writing
 * as it goes, then recomputes the timescale outcomes of what it wrote in bulk, appends
 * one audit event with the file's checksum and marks the session committed — all of it
 * or, on any problem or failure, none of it. Progress is written beside it by short
 * transactions of their own, for the web app and the command line to watch.
 */
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger(ImportRunner.name);
  private readonly running = new Set<string>();

  constructor(
    private readonly db: TenantDatabase,
    private readonly clock: Clock,
    private readonly childKeys: ChildKeyService,
    private readonly outcomes: TimescaleOutcomesService,
    private readonly audit: AuditService,
    @Optional() private readonly lifecycle?: ServerLifecycle,
  ) {}

  isRunning(partnershipId: string, id: string): boolean {
    return this.running.has(`${partnershipId}:${id}`);
  }

  /**
   * Runs in the background (the API's way); errors end up on the session, never thrown.
   * A shutdown waits for the run; if its grace period runs out first, the run's
   * transaction is ended, so everything it wrote rolls back, and the session says why.
   */
  start(kind: ImportRunKind, actor: Actor, session: ImportSessionRecord): void {
    const shutdown = new AbortController();
    const done = this.run(kind, actor, session, undefined, shutdown.signal)
      .catch((error: unknown) => this.logger.error(`Import ${session.id} could not record its failure: ${String(error)}`));
    this.lifecycle?.track(`import ${session.id} (${kind.replace('_', ' ')})`, done, () => shutdown.abort());
  }

  /** Runs to the end (the command line's way); `onProgress` hears each batch; `stop` ends it, rolled back. */
  async run(kind: ImportRunKind, actor: Actor, session: ImportSessionRecord, onProgress?: (progress: ImportProgressRow) => void, stop?: AbortSignal): Promise<void> {
    const key = `${session.partnershipId}:${session.id}`;
    this.running.add(key);
    try {
      if (kind === 'dry_run') await this.dryRun(actor, session, onProgress, stop);
      else {
        await this.commit(actor, session, onProgress, stop);
        // An upload holds personal data: once it is in, the copy goes (a command line's own file stays).
        if (path.dirname(session.storedFile) === UPLOAD_DIR) await rm(session.storedFile, { force: true });
      }
    } catch (error) {
      if (error instanceof ImportRejected) await this.reject(actor, session, error.result);
      else if (stop?.aborted) await this.fail(actor, session, new CommonException(CommonErrorCode.SERVICE_UNAVAILABLE, 'The server shut down before the import finished.'));
      else await this.fail(actor, session, error);
    } finally {
      this.running.delete(key);
    }
  }

  private async dryRun(actor: Actor, session: ImportSessionRecord, onProgress?: (progress: ImportProgressRow) => void, stop?: AbortSignal): Promise<void> {
    await this.db.runAs(actor, async (manager) => {
      const context = await loadImportContext(manager, session.partnershipId, this.clock.now());
      const result = await runPipeline({
        manager, file: { path: session.storedFile, kind: session.fileKind }, expectedHeaders: session.headers, mapping: session.mapping!,
        context, keyOf: (reference) => this.childKeys.keyOf(reference), writer: null, onProgress: this.progressWriter(actor, session, onProgress),
      });
      await importSessions.replaceProblems(manager, session.partnershipId, session.id, result.problems);
      await importSessions.finish(manager, session.partnershipId, session.id, {
        status: result.counts.problemCount > 0 ? 'invalid' : 'validated', progress: { ...result.progress, phase: 'done' },
        counts: result.counts, unmatched: result.unmatched, error: null, committed: false,
      });
    }, 'READ COMMITTED', stop);
  }

  private async commit(actor: Actor, session: ImportSessionRecord, onProgress?: (progress: ImportProgressRow) => void, stop?: AbortSignal): Promise<void> {
    const report = this.progressWriter(actor, session, onProgress);
    await this.db.runAs(actor, async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1, $2)', [COMMIT_LOCK_CLASS, Number(BigInt(session.partnershipId) % 2147483647n)]);
      // The analytics facts of everything written are brought up to date once, set by set, at the end (migration 1764253000000).
      await manager.query(`SET LOCAL app.bulk_load = 'on'`);
      if ((await checksumOf(session.storedFile)) !== session.fileChecksum) {
        throw new ImportsException(ImportsErrorCode.FILE_CHANGED, 'The stored file no longer matches the checksum taken at upload: upload it again.');
      }
      const now = this.clock.now();
      const context = await loadImportContext(manager, session.partnershipId, now);
      const result = await runPipeline({
        manager, file: { path: session.storedFile, kind: session.fileKind }, expectedHeaders: session.headers, mapping: session.mapping!,
        context, keyOf: (reference) => this.childKeys.keyOf(reference), onProgress: report,
        writer: new ImportWriter(manager, session.partnershipId, context.protocolId, actor.userId, now),
      });
      if (result.counts.problemCount > 0) throw new ImportRejected(result);

      const progress = { ...result.progress, phase: 'timescales' };
      await this.outcomes.recomputeWritten(manager, result.written, now, IMPORT_LIMITS.batchRows, () => report(progress));
      await manager.query('SELECT analytics_flush_bulk_load()');
      await this.audit.append(manager, actor, {
        partnershipId: session.partnershipId,
        action: 'escalations.imported',
        entityType: 'import_session',
        entityId: session.id,
        changes: {
          before: {},
          after: {
            fileName: session.fileName, fileChecksum: session.fileChecksum, fileSize: session.fileSize, protocolId: context.protocolId,
            rows: result.progress.rowsRead, created: result.counts.toCreate, updated: result.counts.toUpdate, unchanged: result.counts.unchanged,
          },
        },
      });
      await importSessions.replaceProblems(manager, session.partnershipId, session.id, []);
      await importSessions.finish(manager, session.partnershipId, session.id, {
        status: 'committed', progress: { ...result.progress, phase: 'done' }, counts: result.counts, unmatched: [], error: null, committed: true,
      });
    }, 'READ COMMITTED', stop);
  }

  /**
   * Writes progress in a transaction of its own, so that others see it while the run's
   * transaction is still open. (A copy of the actor: TenantDatabase joins a run of the
   * same actor object to its open transaction, and this must not join.)
   */
  private progressWriter(actor: Actor, session: ImportSessionRecord, listener?: (progress: ImportProgressRow) => void): (progress: ImportProgressRow) => Promise<void> {
    const beside: Actor = { ...actor };
    return async (progress) => {
      listener?.(progress);
      await this.db.runAs(beside, (manager) => importSessions.progress(manager, session.partnershipId, session.id, progress));
    };
  }

  private async reject(actor: Actor, session: ImportSessionRecord, result: PipelineResult): Promise<void> {
    await this.db.runAs({ ...actor }, async (manager) => {
      await importSessions.replaceProblems(manager, session.partnershipId, session.id, result.problems);
      await importSessions.finish(manager, session.partnershipId, session.id, {
        status: 'invalid', progress: { ...result.progress, rowsWritten: 0, phase: 'done' }, counts: result.counts, unmatched: result.unmatched,
        error: `${result.counts.problemRows.toLocaleString('en-GB')} rows have problems: nothing was written.`, committed: false,
      });
    });
  }

  private async fail(actor: Actor, session: ImportSessionRecord, error: unknown): Promise<void> {
    const known = error instanceof ApiException;
    if (!known) this.logger.error(`Import ${session.id} of partnership ${session.partnershipId} failed`, error instanceof Error ? error.stack : String(error));
    const reason = known ? error.message : `The import stopped (${error instanceof Error ? error.message : String(error)}).`;
    await this.db.runAs({ ...actor }, async (manager) => {
      await importSessions.finish(manager, session.partnershipId, session.id, {
        status: 'failed', progress: { phase: 'done', rowsRead: 0, rowsValidated: 0, rowsWritten: 0 }, counts: null, unmatched: [],
        error: `${reason} Nothing was written.`, committed: false,
      });
    });
  }
}
