import type { ImportMapping, ImportProblem, ValueKind } from '@escalation-insights/shared';
import type { EntityManager } from 'typeorm';
import type { ImportFileKind } from './files/file-kind.js';

export const IMPORT_STATUSES = ['uploaded', 'validating', 'validated', 'invalid', 'committing', 'committed', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** A value of the file that matched nothing of ours, how many rows have it, and our nearest value (`to` of a value mapping) with its name. */
export interface UnmatchedValue {
  readonly kind: ValueKind;
  readonly value: string;
  readonly rows: number;
  readonly suggestion: string | null;
  readonly suggestionLabel: string | null;
}

export interface ImportCounts {
  readonly toCreate: number;
  readonly toUpdate: number;
  readonly unchanged: number;
  readonly problemRows: number;
  readonly problemCount: number;
}

export interface ImportProgressRow {
  readonly phase: string;
  readonly rowsRead: number;
  readonly rowsValidated: number;
  readonly rowsWritten: number;
}

export interface ImportSessionRecord extends ImportProgressRow {
  readonly partnershipId: string;
  readonly id: string;
  readonly fileName: string;
  readonly fileKind: ImportFileKind;
  readonly fileSize: number;
  readonly fileChecksum: string;
  readonly storedFile: string;
  readonly headers: string[];
  readonly sampleRows: string[][];
  readonly mapping: ImportMapping | null;
  readonly status: ImportStatus;
  readonly counts: ImportCounts | null;
  readonly unmatchedValues: UnmatchedValue[];
  readonly error: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly committedAt: Date | null;
}

export interface NewImportSession {
  readonly partnershipId: string;
  readonly fileName: string;
  readonly fileKind: ImportFileKind;
  readonly fileSize: number;
  readonly fileChecksum: string;
  readonly storedFile: string;
  readonly headers: readonly string[];
  readonly sampleRows: readonly (readonly string[])[];
  readonly createdBy: string | null;
}

const SELECT = `SELECT partnership_id::text, id::text, file_name, file_kind, file_size::float8 AS file_size, file_checksum, stored_file, headers,
  sample_rows, mapping, status, phase, rows_read, rows_validated, rows_written, to_create, to_update, unchanged, problem_rows,
  problem_count, unmatched_values, error, created_at, updated_at, committed_at FROM import_session`;

function toRecord(r: Record<string, unknown>): ImportSessionRecord {
  const count = (column: string) => r[column] as number;
  return {
    partnershipId: r['partnership_id'] as string,
    id: r['id'] as string,
    fileName: r['file_name'] as string,
    fileKind: r['file_kind'] as ImportFileKind,
    fileSize: r['file_size'] as number,
    fileChecksum: r['file_checksum'] as string,
    storedFile: r['stored_file'] as string,
    headers: r['headers'] as string[],
    sampleRows: r['sample_rows'] as string[][],
    mapping: (r['mapping'] as ImportMapping | null) ?? null,
    status: r['status'] as ImportStatus,
    phase: r['phase'] as string,
    rowsRead: count('rows_read'),
    rowsValidated: count('rows_validated'),
    rowsWritten: count('rows_written'),
    counts: r['to_create'] === null ? null : {
      toCreate: count('to_create'), toUpdate: count('to_update'), unchanged: count('unchanged'),
      problemRows: count('problem_rows'), problemCount: count('problem_count'),
    },
    unmatchedValues: r['unmatched_values'] as UnmatchedValue[],
    error: (r['error'] as string | null) ?? null,
    createdAt: r['created_at'] as Date,
    updatedAt: r['updated_at'] as Date,
    committedAt: (r['committed_at'] as Date | null) ?? null,
  };
}

/** The SQL of import sessions, their problems and saved mappings; every function works in the caller's transaction. */
export const importSessions = {
  async insert(manager: EntityManager, s: NewImportSession): Promise<string> {
    const [{ id }] = (await manager.query(
      `INSERT INTO import_session (partnership_id, file_name, file_kind, file_size, file_checksum, stored_file, headers, sample_rows, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id::text AS id`,
      [s.partnershipId, s.fileName, s.fileKind, s.fileSize, s.fileChecksum, s.storedFile, s.headers, JSON.stringify(s.sampleRows), s.createdBy],
    )) as [{ id: string }];
    return id;
  },

  async get(manager: EntityManager, partnershipId: string, id: string): Promise<ImportSessionRecord | null> {
    const rows: Record<string, unknown>[] = await manager.query(`${SELECT} WHERE partnership_id = $1 AND id = $2`, [partnershipId, id]);
    return rows[0] ? toRecord(rows[0]) : null;
  },

  /** Moves the session from one of `from` to `to` (and clears the last run's results); false when it was in another state. */
  async claim(manager: EntityManager, partnershipId: string, id: string, from: readonly ImportStatus[], to: ImportStatus, mapping?: ImportMapping): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `UPDATE import_session SET status = $4, phase = '', rows_read = 0, rows_validated = 0, rows_written = 0, error = NULL,
         mapping = coalesce($5::jsonb, mapping), updated_at = now()
       WHERE partnership_id = $1 AND id = $2 AND status = ANY($3::text[]) RETURNING id`,
      [partnershipId, id, from, to, mapping ? JSON.stringify(mapping) : null],
    );
    return rows.length > 0;
  },

  async progress(manager: EntityManager, partnershipId: string, id: string, p: ImportProgressRow): Promise<void> {
    await manager.query(
      `UPDATE import_session SET phase = $3, rows_read = $4, rows_validated = $5, rows_written = $6, updated_at = now()
       WHERE partnership_id = $1 AND id = $2`,
      [partnershipId, id, p.phase, p.rowsRead, p.rowsValidated, p.rowsWritten],
    );
  },

  async finish(
    manager: EntityManager,
    partnershipId: string,
    id: string,
    result: { status: ImportStatus; progress: ImportProgressRow; counts: ImportCounts | null; unmatched: readonly UnmatchedValue[]; error: string | null; committed: boolean },
  ): Promise<void> {
    const c = result.counts;
    await manager.query(
      `UPDATE import_session SET status = $3, phase = $4, rows_read = $5, rows_validated = $6, rows_written = $7, to_create = $8, to_update = $9,
         unchanged = $10, problem_rows = $11, problem_count = $12, unmatched_values = $13, error = $14, updated_at = now(),
         committed_at = CASE WHEN $15 THEN now() ELSE committed_at END
       WHERE partnership_id = $1 AND id = $2`,
      [
        partnershipId, id, result.status, result.progress.phase, result.progress.rowsRead, result.progress.rowsValidated, result.progress.rowsWritten,
        c?.toCreate ?? null, c?.toUpdate ?? null, c?.unchanged ?? null, c?.problemRows ?? null, c?.problemCount ?? null,
        JSON.stringify(result.unmatched), result.error, result.committed,
      ],
    );
  },

  /** Replaces the session's stored problems, in batches. */
  async replaceProblems(manager: EntityManager, partnershipId: string, sessionId: string, problems: readonly ImportProblem[]): Promise<void> {
    await manager.query('DELETE FROM import_problem WHERE partnership_id = $1 AND session_id = $2', [partnershipId, sessionId]);
    for (let start = 0; start < problems.length; start += 5_000) {
      const chunk = problems.slice(start, start + 5_000);
      await manager.query(
        `INSERT INTO import_problem (partnership_id, session_id, ordinal, row_number, column_header, field, code, message, cell_value)
         SELECT $1, $2, u.* FROM unnest($3::int[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[]) AS u`,
        [
          partnershipId, sessionId, chunk.map((_, i) => start + i + 1), chunk.map((p) => p.row), chunk.map((p) => p.column),
          chunk.map((p) => p.field), chunk.map((p) => p.code), chunk.map((p) => p.message), chunk.map((p) => p.value),
        ],
      );
    }
  },

  async problems(manager: EntityManager, partnershipId: string, sessionId: string, limit: number, offset: number): Promise<ImportProblem[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT row_number, column_header, field, code, message, cell_value FROM import_problem
       WHERE partnership_id = $1 AND session_id = $2 ORDER BY ordinal LIMIT $3 OFFSET $4`,
      [partnershipId, sessionId, limit, offset],
    );
    return rows.map((r) => ({
      row: r['row_number'] as number,
      column: (r['column_header'] as string | null) ?? null,
      field: r['field'] as ImportProblem['field'],
      code: r['code'] as ImportProblem['code'],
      message: r['message'] as string,
      value: (r['cell_value'] as string | null) ?? null,
    }));
  },

  async savedMapping(manager: EntityManager, partnershipId: string): Promise<ImportMapping | null> {
    const rows: { mapping: ImportMapping }[] = await manager.query('SELECT mapping FROM import_mapping WHERE partnership_id = $1', [partnershipId]);
    return rows[0]?.mapping ?? null;
  },

  async saveMapping(manager: EntityManager, partnershipId: string, mapping: ImportMapping, userId: string | null): Promise<void> {
    await manager.query(
      `INSERT INTO import_mapping (partnership_id, mapping, updated_by) VALUES ($1, $2, $3)
       ON CONFLICT (partnership_id) DO UPDATE SET mapping = EXCLUDED.mapping, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [partnershipId, JSON.stringify(mapping), userId],
    );
  },
};
