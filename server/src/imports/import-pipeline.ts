import { checkMapping, createRowReader, ValueLookups, type ImportMapping, type ImportProblem, type ValueKind } from '@escalation-insights/shared';
import type { EntityManager } from 'typeorm';
import type { EscalationKey } from '../escalations/timescale-outcomes.service.js';
import type { ImportFileKind } from './files/file-kind.js';
import { openFileRows } from './files/file-rows.js';
import type { LoadedImportContext } from './import-context.js';
import { existingEscalations, importedFingerprint } from './import-existing.js';
import { IMPORT_LIMITS } from './import-limits.js';
import type { ImportCounts, ImportProgressRow, UnmatchedValue } from './import-sessions.repository.js';
import type { ImportWriter, PreparedEscalation } from './import-writer.js';
import { ImportsErrorCode, ImportsException } from './imports.exception.js';

export interface PipelineOptions {
  readonly manager: EntityManager;
  readonly file: { readonly path: string; readonly kind: ImportFileKind };
  /** The headers seen at upload: the file read now must have the same. */
  readonly expectedHeaders: readonly string[] | null;
  readonly mapping: ImportMapping;
  readonly context: LoadedImportContext;
  readonly keyOf: (childReference: string) => string;
  /** Null for a dry run: rows are checked against the database and counted, nothing is written. */
  readonly writer: ImportWriter | null;
  readonly onProgress: (progress: ImportProgressRow) => Promise<void>;
}

export interface PipelineResult {
  readonly progress: ImportProgressRow;
  readonly counts: ImportCounts;
  /** At most IMPORT_LIMITS.maxProblems, in file order; counts.problemCount has them all. */
  readonly problems: ImportProblem[];
  readonly unmatched: UnmatchedValue[];
  /** Escalations created or updated (a commit without problems only). */
  readonly written: EscalationKey[];
}

const UNMATCHED_KIND: Readonly<Partial<Record<string, ValueKind>>> = {
  raising_agency: 'agency', receiving_agency: 'agency', category: 'category', stage_reached: 'stage',
  urgency: 'urgency', raised_via: 'raised_via', status: 'status',
};

/**
 * One streaming pass over a file: each row is read and checked (shared's row reader),
 * references are checked for repeats, and every IMPORT_LIMITS.batchRows rows the batch
 * is compared with what is stored (new, changed or unchanged by the reference) and — in
 * a commit, while no problem has been found — written. The file is never held whole.
 */
export async function runPipeline(o: PipelineOptions): Promise<PipelineResult> {
  const { headers, rows } = await openFileRows(o.file.path, o.file.kind);
  if (o.expectedHeaders && headers.join('\u0000') !== o.expectedHeaders.join('\u0000')) {
    throw new ImportsException(ImportsErrorCode.FILE_CHANGED, 'The file\'s headers are not those it had when it was uploaded: upload it again.');
  }
  const mappingProblems = checkMapping(headers, o.mapping, o.context);
  if (mappingProblems.length > 0) {
    throw new ImportsException(ImportsErrorCode.INVALID_MAPPING, `The mapping cannot be used: ${mappingProblems.join(' ')}`, { problems: mappingProblems });
  }
  const read = createRowReader(headers, o.mapping, o.context);
  const lookups = new ValueLookups(o.context.agencies, o.context.categories, o.context.stages, o.mapping.values);
  const progress = { phase: 'reading', rowsRead: 0, rowsValidated: 0, rowsWritten: 0 };
  const counts = { toCreate: 0, toUpdate: 0, unchanged: 0, problemRows: 0, problemCount: 0 };
  const problems: ImportProblem[] = [];
  const unmatched = new Map<string, UnmatchedValue>();
  const firstRowOf = new Map<string, number>();
  const written: EscalationKey[] = [];
  let batch: PreparedEscalation[] = [];

  const note = (found: readonly ImportProblem[]) => {
    counts.problemRows += 1;
    counts.problemCount += found.length;
    for (const problem of found) {
      if (problems.length < IMPORT_LIMITS.maxProblems) problems.push(problem);
      const kind = UNMATCHED_KIND[problem.field];
      if (kind && problem.value !== null && problem.code.startsWith('UNKNOWN_')) noteUnmatched(unmatched, lookups, o.context, kind, problem.value);
    }
  };

  // A batch's writes run in the database while the next batch is read and checked here; each flush first waits
  // for the previous writes (so that their error, if any, is the one reported).
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    await writing;
    const existing = await existingEscalations(o.manager, o.context.partnershipId, batch.map((r) => r.reference));
    const creates: PreparedEscalation[] = [];
    const updates: (PreparedEscalation & { id: string })[] = [];
    for (const row of batch) {
      const stored = existing.get(row.reference);
      if (!stored) creates.push(row);
      else if (stored.fingerprint !== importedFingerprint(o.context.protocolId, row)) updates.push({ ...row, id: stored.id });
    }
    counts.toCreate += creates.length;
    counts.toUpdate += updates.length;
    counts.unchanged += batch.length - creates.length - updates.length;
    if (o.writer && counts.problemCount === 0) {
      const writer = o.writer;
      writing = (async () => {
        written.push(...(await writer.insert(creates)), ...(await writer.update(updates)));
      })();
      writing.catch(() => undefined); // awaited by the next flush; never left unhandled if the run stops first
      progress.rowsWritten += creates.length + updates.length;
    }
    batch = [];
    await o.onProgress({ ...progress });
  };

  for await (const source of rows) {
    progress.rowsRead += 1;
    const result = read(source.cells, source.row);
    progress.rowsValidated += 1;
    if (!result.ok) {
      note(result.problems);
      continue;
    }
    const { childReference, ...escalation } = result.escalation;
    const first = firstRowOf.get(escalation.reference);
    if (first !== undefined) {
      const column = o.mapping.columns.find((c) => c.field === 'reference')?.header ?? null;
      note([{ row: source.row, column, field: 'reference', code: 'DUPLICATE_REFERENCE', message: `Reference "${escalation.reference}" is also on row ${first}: each escalation once.`, value: escalation.reference }]);
      continue;
    }
    firstRowOf.set(escalation.reference, source.row);
    batch.push({ ...escalation, childKey: childReference === null ? null : o.keyOf(childReference) });
    if (batch.length >= IMPORT_LIMITS.batchRows) await flush();
  }
  await flush();
  await writing;
  if (progress.rowsRead === 0) throw new ImportsException(ImportsErrorCode.EMPTY_FILE, 'The file has a header row but no rows of escalations under it.');
  return { progress, counts, problems, unmatched: [...unmatched.values()].sort((a, b) => b.rows - a.rows), written };
}

function noteUnmatched(unmatched: Map<string, UnmatchedValue>, lookups: ValueLookups, context: LoadedImportContext, kind: ValueKind, value: string): void {
  const key = `${kind}:${value}`;
  const known = unmatched.get(key);
  if (known) {
    unmatched.set(key, { ...known, rows: known.rows + 1 });
    return;
  }
  let suggestion: string | null = null;
  let suggestionLabel: string | null = null;
  if (kind === 'agency') {
    const found = lookups.agency(value);
    suggestionLabel = found.ok ? null : found.suggestion;
    suggestion = context.agencies.find((a) => a.name === suggestionLabel)?.id ?? null;
  } else if (kind === 'category') {
    const found = lookups.category(value);
    suggestion = found.ok ? null : found.suggestion;
    suggestionLabel = context.categories.find((c) => c.code === suggestion)?.label ?? null;
  }
  unmatched.set(key, { kind, value, rows: 1, suggestion, suggestionLabel });
}
