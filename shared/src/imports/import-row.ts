import type { CategoryDefinition, StageDefinition } from '../domain/protocol.js';
import type { EscalationStatus, RaisedVia, StageExitReason, Tier, Urgency } from '../domain/vocabulary.js';
import { orderedLadder, type LifecycleErrorCode } from '../lifecycle/escalation-transitions.js';
import { validateJourney } from '../lifecycle/validate-journey.js';
import type { ImportField, ImportMapping } from './import-fields.js';
import { cellText, formatUkDateTime, parseYesNo, ValueLookups, type ImportAgency } from './import-values.js';
import { clockTimeMs, parseImportDate, type CellValue, type DateReading } from './parse-date.js';

export const IMPORT_PROBLEM_CODES = [
  'MISSING_VALUE',
  'UNKNOWN_AGENCY',
  'UNKNOWN_CATEGORY',
  'UNKNOWN_STAGE',
  'UNKNOWN_VALUE',
  'BAD_DATE',
  'DATE_OUTSIDE_CALENDAR',
  'STAGE_ORDER',
  'TOO_LONG',
  'DUPLICATE_REFERENCE',
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number] | LifecycleErrorCode;

/** One thing wrong with one row: where (row number in the file, column header), what and why. */
export interface ImportProblem {
  readonly row: number;
  /** The file's header of the column at fault; null when no column holds the field. */
  readonly column: string | null;
  readonly field: ImportField;
  readonly code: ImportProblemCode;
  readonly message: string;
  /** The cell as it was (cut to 200 characters); null for a blank or missing one. */
  readonly value: string | null;
}

export interface ImportedStageEntry {
  readonly stageCode: string;
  readonly tier: Tier;
  readonly ladderOrder: number;
  readonly enteredAt: Date;
  readonly exitedAt: Date | null;
  readonly exitReason: StageExitReason | null;
  readonly skippedStageCodes: readonly string[];
}

/** A row as it will be stored: the escalation's columns and its stage entries. */
export interface ImportedEscalation {
  readonly reference: string;
  readonly raisedAt: Date;
  readonly raisingAgencyId: string;
  readonly receivingAgencyId: string;
  readonly categoryCode: string;
  readonly urgency: Urgency;
  readonly raisedVia: RaisedVia;
  readonly raisingRole: string;
  readonly summary: string;
  /** As written in the file: the server keys it (HMAC) and never stores it. */
  readonly childReference: string | null;
  readonly status: EscalationStatus;
  readonly closedAt: Date | null;
  readonly outcome: string | null;
  readonly writtenConfirmationGiven: boolean | null;
  readonly feedbackGiven: boolean | null;
  readonly currentStageCode: string;
  readonly highestTier: Tier;
  readonly highestStageOrder: number;
  readonly resolvedTier: Tier | null;
  readonly entries: readonly ImportedStageEntry[];
}

export type RowReading = { readonly ok: true; readonly escalation: ImportedEscalation } | { readonly ok: false; readonly problems: readonly ImportProblem[] };

export interface ImportContext {
  readonly stages: readonly StageDefinition[];
  readonly skipAllowedFor: readonly Urgency[];
  readonly agencies: readonly ImportAgency[];
  readonly categories: readonly CategoryDefinition[];
  readonly now: Date;
  /** Raise times the working calendar can compute timescales for: [earliest, latest). */
  readonly calendar: { readonly earliest: Date; readonly latest: Date };
  readonly textLimits: { readonly reference: number; readonly childReference: number; readonly role: number; readonly summary: number; readonly outcome: number };
}

const EXIT_REASON: Readonly<Record<EscalationStatus, StageExitReason | null>> = { open: null, resolved: 'resolved', withdrawn: 'withdrawn', out_of_scope: 'withdrawn' };

/**
 * Reads rows of a file with `headers` as `mapping` says. Each row becomes an escalation
 * with its stage entries, checked against the protocol (validateJourney: stages out of
 * order, skips the urgency does not allow, times running backwards or in the future,
 * status against closing time) — or every problem the row has, by column.
 * Stage entries come from the stage-date columns; the first stage is entered when the
 * escalation was raised unless its own column says later.
 */
export function createRowReader(headers: readonly string[], mapping: ImportMapping, context: ImportContext): (cells: readonly CellValue[], row: number) => RowReading {
  const lookups = new ValueLookups(context.agencies, context.categories, context.stages, mapping.values);
  const ladder = orderedLadder(context.stages);
  const reading: DateReading = { dateOrder: mapping.dateOrder, excelSerialDates: mapping.excelSerialDates, dateOnlyMs: clockTimeMs(mapping.dateOnlyTime) ?? 0 };
  const columnOf = new Map<string, { index: number; header: string }>();
  for (const column of mapping.columns) {
    const index = headers.indexOf(column.header);
    if (index >= 0) columnOf.set(column.field === 'stage_entered' ? `stage:${column.stageCode}` : column.field, { index, header: column.header });
  }

  return (cells, row) => {
    const problems: ImportProblem[] = [];
    const cell = (field: string): CellValue => {
      const column = columnOf.get(field);
      return column ? (cells[column.index] ?? null) : null;
    };
    const header = (field: string): string | null => columnOf.get(field)?.header ?? null;
    const reported = new Set<string>();
    const problem = (field: ImportField, code: ImportProblemCode, message: string, key: string = field): void => {
      // An implicit first stage shares the raised column: its journey problems are the raise time's.
      if (reported.has(`${key}|${code}`)) return;
      reported.add(`${key}|${code}`);
      const text = cellText(cell(key));
      problems.push({ row, column: header(key), field, code, message, value: text === '' ? null : text.slice(0, 200) });
    };
    const text = (field: ImportField, limit?: number): string => {
      const value = cellText(cell(field));
      if (limit !== undefined && value.length > limit) problem(field, 'TOO_LONG', `${field} is ${value.length} characters long; at most ${limit} are kept.`);
      return value;
    };
    const required = (field: ImportField, what: string, limit?: number): string => {
      const value = text(field, limit);
      if (value === '') problem(field, 'MISSING_VALUE', `Missing ${what}.`);
      return value;
    };
    const date = (field: ImportField, key: string = field): Date | null => {
      const parsed = parseImportDate(cell(key), reading);
      if (!parsed.ok) problem(field, 'BAD_DATE', parsed.reason, key);
      return parsed.ok ? parsed.value : null;
    };
    const lookup = <T>(field: ImportField, what: string, code: ImportProblemCode, found: (text: string) => { ok: true; value: T } | { ok: false; suggestion: string | null }): T | null => {
      const value = text(field);
      if (value === '') return null;
      const result = found(value);
      if (!result.ok) problem(field, code, `Unknown ${what} "${value}"${result.suggestion ? ` (did you mean "${result.suggestion}"?)` : ''}: map it in the mapping step.`);
      return result.ok ? result.value : null;
    };

    const reference = required('reference', 'escalation reference', context.textLimits.reference);
    const raisedText = cellText(cell('raised_at'));
    const raisedAt = date('raised_at');
    if (raisedText === '') problem('raised_at', 'MISSING_VALUE', 'Missing raised date.');
    if (raisedAt && (raisedAt < context.calendar.earliest || raisedAt >= context.calendar.latest)) {
      problem('raised_at', 'DATE_OUTSIDE_CALENDAR', `Raised ${formatUkDateTime(raisedAt)}, outside the years timescales can be worked out for.`);
    }
    if (text('raising_agency') === '') problem('raising_agency', 'MISSING_VALUE', 'Missing raising agency.');
    const raisingAgencyId = lookup('raising_agency', 'agency', 'UNKNOWN_AGENCY', (v) => lookups.agency(v));
    if (text('receiving_agency') === '') problem('receiving_agency', 'MISSING_VALUE', 'Missing receiving agency.');
    const receivingAgencyId = lookup('receiving_agency', 'agency', 'UNKNOWN_AGENCY', (v) => lookups.agency(v));
    if (text('category') === '') problem('category', 'MISSING_VALUE', 'Missing category.');
    const categoryCode = lookup('category', 'category', 'UNKNOWN_CATEGORY', (v) => lookups.category(v));
    const urgency = lookup('urgency', 'urgency', 'UNKNOWN_VALUE', (v) => lookups.urgency(v)) ?? (text('urgency') === '' ? mapping.defaultUrgency : null);
    if (urgency === null && text('urgency') === '') problem('urgency', 'MISSING_VALUE', 'Missing urgency (and the mapping gives no default).');
    const raisedVia = lookup('raised_via', 'way of raising', 'UNKNOWN_VALUE', (v) => lookups.raisedVia(v)) ?? (text('raised_via') === '' ? mapping.defaultRaisedVia : null);
    if (raisedVia === null && text('raised_via') === '') problem('raised_via', 'MISSING_VALUE', 'Missing how the escalation was raised (and the mapping gives no default).');
    const closedAt = date('closed_at');
    const statusText = text('status');
    const status = statusText === '' ? (closedAt ? 'resolved' : 'open') : lookup('status', 'status', 'UNKNOWN_VALUE', (v) => lookups.status(v));
    const flag = (field: 'written_confirmation_given' | 'feedback_given'): boolean | null => {
      const value = parseYesNo(text(field));
      if (value === undefined) problem(field, 'UNKNOWN_VALUE', `"${text(field)}" is not yes or no.`);
      return value ?? null;
    };
    const writtenConfirmationGiven = flag('written_confirmation_given');
    const feedbackGiven = flag('feedback_given');
    const childReference = text('child_reference', context.textLimits.childReference);
    const raisingRole = text('raising_role', context.textLimits.role);
    const summary = text('summary', context.textLimits.summary);
    const outcome = text('outcome', context.textLimits.outcome);

    // The journey: a date per stage, the first stage at the raise time unless dated.
    const dated = new Map<string, Date>();
    for (const stage of ladder) {
      const at = date('stage_entered', `stage:${stage.code}`);
      if (at) dated.set(stage.code, at);
    }
    const reached = lookup('stage_reached', 'stage', 'UNKNOWN_STAGE', (v) => lookups.stage(v));
    if (raisedAt && !dated.has(ladder[0]!.code)) dated.set(ladder[0]!.code, raisedAt);
    if (reached !== null) {
      const reachedOrder = ladder.findIndex((s) => s.code === reached);
      for (const stage of ladder.slice(reachedOrder + 1)) {
        if (header(`stage:${stage.code}`) && cellText(cell(`stage:${stage.code}`)) !== '') {
          problem('stage_entered', 'STAGE_ORDER', `Stage ${stage.code} has a date, but the stage reached is ${reached}.`, `stage:${stage.code}`);
        }
      }
      if (!dated.has(reached)) problem('stage_reached', 'MISSING_VALUE', `The stage reached is ${reached}, but there is no date for stage ${reached}.`);
    }
    let previous: { code: string; at: Date } | null = null;
    for (const stage of ladder) {
      const at = dated.get(stage.code);
      if (!at) continue;
      if (previous && at < previous.at) {
        problem('stage_entered', 'STAGE_ORDER', `Stage ${stage.code} (${formatUkDateTime(at)}) is dated before stage ${previous.code} (${formatUkDateTime(previous.at)}).`, `stage:${stage.code}`);
      }
      previous = { code: stage.code, at };
    }

    if (problems.length > 0 || !raisedAt || !raisingAgencyId || !receivingAgencyId || !categoryCode || !urgency || !raisedVia || !status) {
      return { ok: false, problems };
    }

    const steps = ladder.filter((s) => dated.has(s.code));
    const entries: ImportedStageEntry[] = steps.map((stage, i) => {
      const next = steps[i + 1];
      const before = i === 0 ? -1 : ladder.indexOf(steps[i - 1]!);
      return {
        stageCode: stage.code,
        tier: stage.tier,
        ladderOrder: stage.order,
        enteredAt: dated.get(stage.code)!,
        exitedAt: next ? dated.get(next.code)! : closedAt,
        exitReason: next ? 'escalated' : closedAt ? EXIT_REASON[status] : null,
        skippedStageCodes: ladder.slice(before + 1, ladder.indexOf(stage)).map((s) => s.code),
      };
    });
    const journeyProblems = validateJourney(context.stages, context.skipAllowedFor, { urgency, status, raisedAt, closedAt, entries }, context.now);
    for (const violation of journeyProblems) {
      const entry = /^entries\[(\d+)\]\.(\w+)$/.exec(violation.field);
      if (entry) {
        const index = Number(entry[1]);
        const stage = entries[index]!;
        if (entry[2] === 'exitedAt') {
          // Exits are the next stage's date or the closing date, each checked on its own column; only closing before the last stage is left.
          if (index === entries.length - 1 && violation.code === 'TIME_BEFORE_PREVIOUS_EVENT') {
            problem('closed_at', violation.code, `Closed ${formatUkDateTime(closedAt!)}, before stage ${stage.stageCode} was entered (${formatUkDateTime(stage.enteredAt)}).`);
          }
          continue;
        }
        const key = header(`stage:${stage.stageCode}`) ? `stage:${stage.stageCode}` : 'raised_at';
        problem(key === 'raised_at' ? 'raised_at' : 'stage_entered', violation.code, violation.message, key);
      } else {
        const field: ImportField = violation.field === 'raisedAt' ? 'raised_at' : violation.field === 'status' ? (header('status') ? 'status' : 'closed_at') : 'closed_at';
        problem(field, violation.code, violation.code === 'ESCALATION_CLOSED' && !header('status') ? `${violation.message} (status taken from the closing date)` : violation.message);
      }
    }
    if (problems.length > 0) return { ok: false, problems };

    const last = entries[entries.length - 1]!;
    return {
      ok: true,
      escalation: {
        reference,
        raisedAt,
        raisingAgencyId,
        receivingAgencyId,
        categoryCode,
        urgency,
        raisedVia,
        raisingRole,
        summary,
        childReference: childReference === '' ? null : childReference,
        status,
        closedAt,
        outcome: outcome === '' ? null : outcome,
        writtenConfirmationGiven,
        feedbackGiven,
        currentStageCode: last.stageCode,
        highestTier: Math.max(...entries.map((e) => e.tier)) as Tier,
        highestStageOrder: last.ladderOrder,
        resolvedTier: status === 'resolved' ? last.tier : null,
        entries,
      },
    };
  };
}
