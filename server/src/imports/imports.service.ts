import { rm } from 'node:fs/promises';
import { Injectable } from '@nestjs/common';
import { cellText, checkMapping, suggestMapping, type ImportMapping, type ImportProblem } from '@escalation-insights/shared';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor/actor.js';
import { Clock } from '../common/clock/clock.js';
import { TenantDatabase } from '../database/tenant-database.js';
import { PartnershipsException } from '../partnerships/partnerships.exception.js';
import { detectFileKind } from './files/file-kind.js';
import { openFileRows } from './files/file-rows.js';
import type { StoredFile } from './files/upload-store.js';
import { loadImportContext } from './import-context.js';
import { IMPORT_LIMITS } from './import-limits.js';
import { ImportRunner, type ImportRunKind } from './import-runner.service.js';
import { importSessions, type ImportSessionRecord, type ImportStatus } from './import-sessions.repository.js';
import { ImportsErrorCode, ImportsException } from './imports.exception.js';

/** What a mapping step starts from: columns by name (or as last time), and last time's date reading and value mappings. */
export interface SuggestedMapping extends Omit<ImportMapping, 'dateOrder'> {
  /** Null until someone states it: dates are never read in a guessed order. */
  readonly dateOrder: ImportMapping['dateOrder'] | null;
}

/** A run left in a running state this long by a process that is no longer running it was interrupted. */
const STALE_AFTER_MS = 2 * 60_000;
const RERUNNABLE: readonly ImportStatus[] = ['uploaded', 'validated', 'invalid', 'failed'];

/** Import sessions: upload, mapping, and starting dry runs and commits (ImportRunner runs them). */
@Injectable()
export class ImportsService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly clock: Clock,
    private readonly runner: ImportRunner,
  ) {}

  /**
   * Opens a session for a stored upload: what the file is, its headers and first rows.
   * An uploaded file (`owned`) is deleted if it is refused; a file of the command line's never is.
   * @throws ImportsException UNSUPPORTED_FILE_TYPE, EMPTY_FILE, CELL_TOO_LARGE, UNREADABLE_FILE; PartnershipsException PARTNERSHIP_NOT_FOUND
   */
  async open(actor: Actor, partnershipId: string, fileName: string, stored: StoredFile, owned = true): Promise<ImportSessionRecord> {
    try {
      const fileKind = await detectFileKind(stored.path);
      const { headers, rows } = await openFileRows(stored.path, fileKind);
      const sampleRows: string[][] = [];
      for await (const row of rows) {
        sampleRows.push(headers.map((_, i) => cellText(row.cells[i])));
        if (sampleRows.length >= IMPORT_LIMITS.sampleRows) break;
      }
      if (sampleRows.length === 0) throw new ImportsException(ImportsErrorCode.EMPTY_FILE, 'The file has a header row but no rows of escalations under it.');
      return await this.db.runAs(actor, async (manager) => {
        await requirePartnership(manager, partnershipId);
        const id = await importSessions.insert(manager, {
          partnershipId, fileName: fileName.trim() || 'upload', fileKind, fileSize: stored.size, fileChecksum: stored.checksum,
          storedFile: stored.path, headers, sampleRows, createdBy: actor.userId,
        });
        return (await importSessions.get(manager, partnershipId, id))!;
      });
    } catch (error) {
      if (owned) await rm(stored.path, { force: true });
      throw error;
    }
  }

  /** @throws ImportsException IMPORT_NOT_FOUND */
  get(partnershipId: string, id: string, actor?: Actor): Promise<ImportSessionRecord> {
    const work = async (manager: EntityManager) => {
      const session = await this.require(manager, partnershipId, id);
      if ((session.status === 'validating' || session.status === 'committing') && !this.runner.isRunning(partnershipId, id)
        && this.clock.now().getTime() - session.updatedAt.getTime() > STALE_AFTER_MS) {
        await importSessions.finish(manager, partnershipId, id, {
          status: 'failed', progress: session, counts: null, unmatched: [], committed: false,
          error: 'The import was interrupted (the process running it stopped). Nothing was written.',
        });
        return (await importSessions.get(manager, partnershipId, id))!;
      }
      return session;
    };
    return actor ? this.db.runAs(actor, work) : this.db.run(work);
  }

  /** The mapping to offer for a session: last time's for this partnership where its headers fit, else suggestions by name. */
  async suggestedMapping(session: ImportSessionRecord): Promise<SuggestedMapping> {
    return this.db.run(async (manager) => {
      const context = await loadImportContext(manager, session.partnershipId, this.clock.now());
      const saved = await importSessions.savedMapping(manager, session.partnershipId);
      return {
        columns: suggestMapping(session.headers, context.stages, saved?.columns ?? []),
        dateOrder: saved?.dateOrder ?? null,
        excelSerialDates: saved?.excelSerialDates ?? true,
        dateOnlyTime: saved?.dateOnlyTime ?? '09:00',
        defaultUrgency: saved?.defaultUrgency ?? null,
        defaultRaisedVia: saved?.defaultRaisedVia ?? null,
        values: saved?.values ?? [],
      };
    });
  }

  /**
   * Checks a mapping against the session's headers and the partnership's protocol, keeps
   * it on the session (whose last results it clears) and as the partnership's mapping for next time.
   * @throws ImportsException INVALID_MAPPING, IMPORT_BUSY, IMPORT_NOT_FOUND
   */
  async setMapping(actor: Actor, partnershipId: string, id: string, mapping: ImportMapping): Promise<ImportSessionRecord> {
    return this.db.runAs(actor, async (manager) => {
      const session = await this.require(manager, partnershipId, id);
      const context = await loadImportContext(manager, partnershipId, this.clock.now());
      const problems = checkMapping(session.headers, mapping, context);
      if (problems.length > 0) throw new ImportsException(ImportsErrorCode.INVALID_MAPPING, `The mapping cannot be used: ${problems.join(' ')}`, { problems });
      if (!(await importSessions.claim(manager, partnershipId, id, RERUNNABLE, 'uploaded', mapping))) throw busy(session);
      await importSessions.replaceProblems(manager, partnershipId, id, []);
      await importSessions.saveMapping(manager, partnershipId, mapping, actor.userId);
      return (await importSessions.get(manager, partnershipId, id))!;
    });
  }

  /**
   * Starts a dry run or a commit. With `wait` (the command line) it runs to the end here;
   * otherwise it runs in the background and the session shows its progress.
   * @throws ImportsException INVALID_MAPPING (none chosen yet), IMPORT_BUSY, IMPORT_NOT_FOUND
   */
  async start(kind: ImportRunKind, actor: Actor, partnershipId: string, id: string, wait?: { onProgress?: Parameters<ImportRunner['run']>[3] }): Promise<ImportSessionRecord> {
    const claimed = await this.db.runAs(actor, async (manager) => {
      const session = await this.require(manager, partnershipId, id);
      if (!session.mapping) throw new ImportsException(ImportsErrorCode.INVALID_MAPPING, 'Choose the mapping (columns and date order) first.', { problems: [] });
      if (!(await importSessions.claim(manager, partnershipId, id, RERUNNABLE, kind === 'dry_run' ? 'validating' : 'committing'))) throw busy(session);
      return (await importSessions.get(manager, partnershipId, id))!;
    });
    if (wait) await this.runner.run(kind, actor, claimed, wait.onProgress);
    else this.runner.start(kind, actor, claimed);
    return wait ? this.get(partnershipId, id, actor) : claimed;
  }

  async problems(partnershipId: string, id: string, limit: number, offset: number): Promise<ImportProblem[]> {
    return this.db.run(async (manager) => {
      await this.require(manager, partnershipId, id);
      return importSessions.problems(manager, partnershipId, id, limit, offset);
    });
  }

  private async require(manager: EntityManager, partnershipId: string, id: string): Promise<ImportSessionRecord> {
    const session = await importSessions.get(manager, partnershipId, id);
    if (!session) throw ImportsException.notFound(partnershipId, id);
    return session;
  }
}

function busy(session: ImportSessionRecord): ImportsException {
  const why = session.status === 'committed' ? 'it has been committed: upload the file again to import it again' : `it is ${session.status.replace('_', ' ')}`;
  return new ImportsException(ImportsErrorCode.IMPORT_BUSY, `Import ${session.id} cannot take this step now: ${why}.`, { status: session.status });
}

async function requirePartnership(manager: EntityManager, partnershipId: string): Promise<void> {
  const found: unknown[] = await manager.query('SELECT 1 FROM partnership WHERE id = $1', [partnershipId]);
  if (found.length === 0) throw PartnershipsException.notFound(partnershipId);
}
