import type { StageDefinition } from '../domain/protocol.js';
import { IMPORT_FIELD_SYNONYMS, normaliseLabel, type ColumnMapping, type ImportField } from './import-fields.js';

/** Words that, beside a stage, say the column holds the date the stage was reached. */
const STAGE_DATE_WORDS = /\b(date|dated|entered|reached|escalated|started|on|raised|moved)\b/;

/**
 * The stage a header dates, if any: "Stage 2 date", "Date escalated to stage 3a",
 * "Stage 3 (a)", "Exceptional stage date". A bare "Stage 2" counts too (logs with one
 * column per stage put the date in it); "Stage" or "Stage reached" does not.
 */
export function stageOfHeader(header: string, stages: readonly StageDefinition[]): string | null {
  const label = normaliseLabel(header);
  const numbered = /\bstage ([0-9]+) ?([a-z])?\b/.exec(label);
  if (numbered) {
    const withLetter = `${numbered[1]}${numbered[2] ?? ''}`;
    const code = stages.find((s) => s.code === withLetter)?.code ?? stages.find((s) => s.code === numbered[1])?.code;
    const bare = label === numbered[0];
    if (code && (bare || STAGE_DATE_WORDS.test(label))) return code;
    return null;
  }
  if (!STAGE_DATE_WORDS.test(label)) return null;
  for (const stage of stages) {
    const words = normaliseLabel(stage.code.replace(/-/g, ' '));
    if (!/^[0-9]/.test(words) && new RegExp(`\\b${words}\\b`).test(label) && /\bstage\b/.test(label)) return stage.code;
  }
  return null;
}

/** How well a header names a field: 3 its exact spelling, 2 a known spelling within it, 0 none. */
function scoreHeader(label: string, field: Exclude<ImportField, 'stage_entered'>): number {
  let best = 0;
  for (const synonym of IMPORT_FIELD_SYNONYMS[field]) {
    if (label === synonym) return 3;
    if (synonym.length >= 4 && new RegExp(`(^| )${synonym}( |$)`).test(label)) best = Math.max(best, 2);
  }
  return best;
}

/**
 * Suggested columns for a file's headers, by name: a header dating a protocol stage maps
 * to that stage, the others to the field whose spellings they match best. Each field
 * (but stage dates) and each header is used once; ties go to the earlier header.
 * A mapping saved for the partnership comes first for the headers it knows.
 */
export function suggestMapping(headers: readonly string[], stages: readonly StageDefinition[], saved: readonly ColumnMapping[] = []): ColumnMapping[] {
  const taken = new Set<string>();
  const chosen = new Map<number, ColumnMapping>();
  const usedFields = new Set<ImportField>();
  const usedStages = new Set<string>();
  const stageCodes = new Set(stages.map((s) => s.code));

  headers.forEach((header, index) => {
    const known = saved.find((column) => column.header === header);
    if (!known) return;
    if (known.field === 'stage_entered' ? !known.stageCode || !stageCodes.has(known.stageCode) || usedStages.has(known.stageCode) : usedFields.has(known.field)) return;
    chosen.set(index, known);
    taken.add(header);
    if (known.field === 'stage_entered') usedStages.add(known.stageCode!);
    else usedFields.add(known.field);
  });

  headers.forEach((header, index) => {
    if (chosen.has(index) || taken.has(header)) return;
    const stageCode = stageOfHeader(header, stages);
    if (stageCode && !usedStages.has(stageCode)) {
      chosen.set(index, { header, field: 'stage_entered', stageCode });
      usedStages.add(stageCode);
      taken.add(header);
    }
  });

  const candidates: { index: number; field: Exclude<ImportField, 'stage_entered'>; score: number }[] = [];
  headers.forEach((header, index) => {
    if (chosen.has(index)) return;
    const label = normaliseLabel(header);
    for (const field of Object.keys(IMPORT_FIELD_SYNONYMS) as Exclude<ImportField, 'stage_entered'>[]) {
      const score = scoreHeader(label, field);
      if (score > 0) candidates.push({ index, field, score });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.index - b.index);
  for (const { index, field } of candidates) {
    const header = headers[index]!;
    if (chosen.has(index) || usedFields.has(field) || taken.has(header)) continue;
    chosen.set(index, { header, field, stageCode: null });
    usedFields.add(field);
    taken.add(header);
  }
  return [...chosen.entries()].sort(([a], [b]) => a - b).map(([, column]) => column);
}

/** Letter pairs of a label, for a similarity that forgives small spelling differences. */
function bigrams(label: string): string[] {
  const compact = label.replace(/ /g, '');
  return Array.from({ length: Math.max(compact.length - 1, 0) }, (_, i) => compact.slice(i, i + 2));
}

/** Sørensen–Dice similarity of two labels' letter pairs, 0–1. */
export function labelSimilarity(a: string, b: string): number {
  const [x, y] = [bigrams(normaliseLabel(a)), bigrams(normaliseLabel(b))];
  if (x.length === 0 || y.length === 0) return normaliseLabel(a) === normaliseLabel(b) ? 1 : 0;
  const counts = new Map<string, number>();
  for (const pair of x) counts.set(pair, (counts.get(pair) ?? 0) + 1);
  let shared = 0;
  for (const pair of y) {
    const left = counts.get(pair) ?? 0;
    if (left > 0) {
      shared += 1;
      counts.set(pair, left - 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

/** The candidate most like `value` (at least `threshold` similar, or one label containing the other), or null. */
export function closestLabel<T extends { readonly label: string }>(value: string, candidates: readonly T[], threshold = 0.5): T | null {
  const wanted = normaliseLabel(value);
  let best: { candidate: T; score: number } | null = null;
  for (const candidate of candidates) {
    const label = normaliseLabel(candidate.label);
    const contains = wanted.length >= 3 && (label.includes(wanted) || wanted.includes(label));
    const score = Math.max(labelSimilarity(wanted, label), contains ? threshold : 0);
    if (score >= threshold && (!best || score > best.score)) best = { candidate, score };
  }
  return best?.candidate ?? null;
}
