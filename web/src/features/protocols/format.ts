import {
  TIMESCALE_UNIT_LABELS,
  URGENCY_LABELS,
  type GqlTimescaleUnit,
  type GqlUrgency,
} from './labels';

const amountFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** A rule's time limit in words: "5 working days", "24 hours", "Same working day". */
export function describeLimit(unit: GqlTimescaleUnit, amount: number): string {
  if (unit === 'SAME_WORKING_DAY') {
    return 'Same working day';
  }
  const words = TIMESCALE_UNIT_LABELS[unit];
  return `${amountFormat.format(amount)} ${amount === 1 ? words.one : words.many}`;
}

/** "All urgencies", "Immediate only", "Immediate and urgent". */
export function describeUrgencies(urgencies: readonly GqlUrgency[] | null): string {
  if (!urgencies || urgencies.length === 0) {
    return 'All urgencies';
  }
  const labels = urgencies.map((urgency) => URGENCY_LABELS[urgency]);
  if (labels.length === 1) {
    return `${labels[0]} only`;
  }
  const last = labels.pop();
  return `${labels.join(', ')} and ${last?.toLowerCase()}`;
}

const NUMBERED_STAGE = /^\d+[a-z]?$/i;

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** How a stage code reads on its own: '3a' → "Stage 3a", 'next-tier' → "Next tier". */
export function stageLabel(code: string): string {
  return NUMBERED_STAGE.test(code) ? `Stage ${code}` : capitalise(code.replace(/[-_]/g, ' '));
}

/**
 * A stage's shortest recognisable name: "Stage 3a" when numbered (with a non-breaking
 * space, so that it never splits across lines), else its name.
 */
export function stageShortName(stage: { readonly code: string; readonly name: string }): string {
  return NUMBERED_STAGE.test(stage.code) ? `Stage\u00a0${stage.code}` : stage.name;
}

/**
 * A stage's full title. Numbered stages keep their number, as the protocol's readers
 * know them by it ("Stage 3a: Service or senior managers"); a stage with a named code
 * ('resolution', 'exceptional') is known by its name alone.
 */
export function stageTitle(stage: { readonly code: string; readonly name: string }): string {
  return NUMBERED_STAGE.test(stage.code) ? `Stage ${stage.code}: ${stage.name}` : stage.name;
}

/** An id safe for `id`/`href="#…"` built from a partnership's code. */
export function partnershipAnchor(code: string): string {
  return `partnership-${code.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}
