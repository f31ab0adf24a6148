import { localParts } from '../calendar/local-time.js';
import type { CategoryDefinition, StageDefinition } from '../domain/protocol.js';
import { ESCALATION_STATUSES, RAISED_VIA, URGENCIES, type EscalationStatus, type RaisedVia, type Urgency } from '../domain/vocabulary.js';
import { normaliseLabel, type ValueKind, type ValueMapping } from './import-fields.js';
import { closestLabel } from './suggest-mapping.js';
import type { CellValue } from './parse-date.js';

/**
 * Turning a file's spellings into our vocabularies: the mapping's value mappings first,
 * then our own names and common synonyms. Pure lookups, built once per file.
 */

export interface ImportAgency {
  readonly id: string;
  readonly name: string;
}

export type Lookup<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly suggestion: string | null };

const SYNONYMS = {
  urgency: {
    immediate: ['immediate', 'immediate risk', 'risk of significant harm', 'emergency', 'same day', 'high', 'critical'],
    urgent: ['urgent', 'within 24 hours', '24 hours', '24hrs', 'medium'],
    standard: ['standard', 'routine', 'normal', 'low', 'non urgent'],
  } satisfies Record<Urgency, string[]>,
  raised_via: {
    in_person: ['in person', 'face to face', 'f2f', 'in person conversation'],
    phone: ['phone', 'telephone', 'call', 'phone call', 'tel'],
    video: ['video', 'video call', 'teams', 'teams call', 'zoom'],
    meeting: ['meeting', 'at a meeting', 'professionals meeting', 'strategy meeting'],
    email: ['email', 'e mail', 'by email'],
    letter: ['letter', 'post', 'written letter'],
  } satisfies Record<RaisedVia, string[]>,
  status: {
    open: ['open', 'ongoing', 'active', 'in progress', 'live', 'current'],
    resolved: ['resolved', 'closed', 'closed resolved', 'complete', 'completed', 'agreed', 'concluded'],
    withdrawn: ['withdrawn', 'closed withdrawn', 'dropped'],
    out_of_scope: ['out of scope', 'not in scope', 'not an escalation', 'n a'],
  } satisfies Record<EscalationStatus, string[]>,
};

const TRUE_WORDS = new Set(['yes', 'y', 'true', '1', 'done', 'given', 'sent']);
const FALSE_WORDS = new Set(['no', 'n', 'false', '0', 'not given', 'not sent']);

/** A cell as text: trimmed; numbers as written ("1234", "12.5"). */
export function cellText(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) return '';
  return typeof cell === 'number' ? String(cell) : cell.trim();
}

/** Turns cells into the vocabulary values of one partnership's protocol. */
export class ValueLookups {
  private readonly mapped = new Map<string, string>();
  private readonly agencies = new Map<string, string>();
  private readonly categories = new Map<string, string>();
  private readonly stages = new Map<string, string>();

  constructor(
    private readonly agencyList: readonly ImportAgency[],
    private readonly categoryList: readonly CategoryDefinition[],
    private readonly stageList: readonly StageDefinition[],
    values: readonly ValueMapping[],
  ) {
    for (const value of values) this.mapped.set(key(value.kind, value.from), value.to);
    for (const agency of agencyList) this.agencies.set(normaliseLabel(agency.name), agency.id);
    for (const category of categoryList) {
      this.categories.set(normaliseLabel(category.code), category.code);
      this.categories.set(normaliseLabel(category.label), category.code);
    }
    for (const stage of stageList) {
      const code = normaliseLabel(stage.code);
      for (const spelling of [code, `stage ${code}`, code.replace(/^(\d+)([a-z])$/, '$1 $2'), `stage ${code.replace(/^(\d+)([a-z])$/, '$1 $2')}`, normaliseLabel(stage.name)]) {
        this.stages.set(spelling, stage.code);
      }
    }
  }

  agency(text: string): Lookup<string> {
    return this.find('agency', text, this.agencies, () => closestLabel(text, this.agencyList.map((a) => ({ label: a.name })))?.label ?? null);
  }

  category(text: string): Lookup<string> {
    return this.find('category', text, this.categories, () => closestLabel(text, this.categoryList)?.code ?? null);
  }

  stage(text: string): Lookup<string> {
    return this.find('stage', text, this.stages, () => null);
  }

  urgency(text: string): Lookup<Urgency> {
    return this.vocabulary('urgency', text, URGENCIES, SYNONYMS.urgency);
  }

  raisedVia(text: string): Lookup<RaisedVia> {
    return this.vocabulary('raised_via', text, RAISED_VIA, SYNONYMS.raised_via);
  }

  status(text: string): Lookup<EscalationStatus> {
    return this.vocabulary('status', text, ESCALATION_STATUSES, SYNONYMS.status);
  }

  private find(kind: ValueKind, text: string, own: ReadonlyMap<string, string>, suggest: () => string | null): Lookup<string> {
    const found = this.mapped.get(key(kind, text)) ?? own.get(normaliseLabel(text));
    return found !== undefined ? { ok: true, value: found } : { ok: false, suggestion: suggest() };
  }

  private vocabulary<T extends string>(kind: ValueKind, text: string, values: readonly T[], synonyms: Record<T, readonly string[]>): Lookup<T> {
    const mapped = this.mapped.get(key(kind, text));
    if (mapped !== undefined && (values as readonly string[]).includes(mapped)) return { ok: true, value: mapped as T };
    const label = normaliseLabel(text);
    for (const value of values) {
      if (normaliseLabel(value) === label || synonyms[value].includes(label)) return { ok: true, value };
    }
    return { ok: false, suggestion: null };
  }
}

function key(kind: ValueKind, text: string): string {
  return `${kind}:${normaliseLabel(text)}`;
}

/** yes/no, y/n, true/false, 1/0; blank is null; anything else undefined. */
export function parseYesNo(text: string): boolean | null | undefined {
  const label = normaliseLabel(text);
  if (label === '') return null;
  if (TRUE_WORDS.has(label)) return true;
  if (FALSE_WORDS.has(label)) return false;
  return undefined;
}

/** `24/02/2025 14:30` (UK local time), for messages. */
export function formatUkDateTime(at: Date): string {
  const { day, msOfDay } = localParts(at);
  const date = new Date(day * 86_400_000);
  const dd = String(date.getUTCDate()).padStart(2, '0');
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
  const minutes = Math.floor(msOfDay / 60_000);
  return `${dd}/${mm}/${date.getUTCFullYear()} ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
