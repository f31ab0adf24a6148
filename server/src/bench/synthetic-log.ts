import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** Columns of the synthetic log: the headers the import suggests on its own (Dudley's ladder). */
export const SYNTHETIC_LOG_HEADERS = [
  'Ref', 'Date raised', 'Raising agency', 'Receiving agency', 'Category', 'Urgency', 'Raised via', 'Stage 2 date', 'Stage 3a date',
  'Status', 'Date closed', 'Child ref', 'Summary',
] as const;

export interface SyntheticLogOptions {
  readonly rows: number;
  /** Agency names of the partnership (at least two). */
  readonly agencies: readonly string[];
  /** Category codes of its protocol. */
  readonly categories: readonly string[];
  /** Reference prefix, so that two logs do not share references. Default "SYN". */
  readonly prefix?: string;
}

const DAY = 86_400_000;
const START = Date.UTC(2023, 0, 2, 9, 0); // a Monday, GMT
const pad = (n: number) => String(n).padStart(2, '0');
const ukDate = (ms: number) => {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
};

/**
 * One deterministic row of a Dudley-style log: five journeys in turn (resolved at stage 1,
 * at stage 2, open at 1, resolved at 3a, open at 2), dates spread over two years in UK
 * day-first format. The times are read as UK local time, which is what matters: every
 * row is valid whatever the clocks did.
 */
export function syntheticRow(i: number, o: SyntheticLogOptions): string[] {
  const raised = START + (i % 700) * DAY + (i % 8) * 3_600_000;
  const pattern = i % 5;
  const stage2 = pattern === 1 || pattern === 3 || pattern === 4 ? raised + DAY : null;
  const stage3 = pattern === 3 ? raised + 2 * DAY : null;
  const closed = pattern === 2 || pattern === 4 ? null : raised + (pattern + 3) * DAY;
  return [
    `${o.prefix ?? 'SYN'}-${String(i + 1).padStart(7, '0')}`,
    ukDate(raised),
    o.agencies[i % o.agencies.length]!,
    o.agencies[(i + 1) % o.agencies.length]!,
    o.categories[i % o.categories.length]!,
    ['Standard', 'Urgent', 'Standard', 'Immediate'][i % 4]!,
    ['Phone', 'Email', 'Meeting', 'In person'][i % 4]!,
    stage2 === null ? '' : ukDate(stage2),
    stage3 === null ? '' : ukDate(stage3),
    closed === null ? 'Open' : 'Resolved',
    closed === null ? '' : ukDate(closed),
    i % 3 === 0 ? `CASE-${String(i % 40_000).padStart(6, '0')}` : '',
    `Disagreement ${i + 1} about the plan, "as recorded", with a comma`,
  ];
}

function csvLine(cells: readonly string[]): string {
  return cells.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',');
}

/** Writes the synthetic log to `path` as CSV, streaming (a 100,000-row file is never held whole). */
export async function writeSyntheticLog(path: string, o: SyntheticLogOptions): Promise<void> {
  const out = createWriteStream(path);
  out.write(`${csvLine(SYNTHETIC_LOG_HEADERS)}\r\n`);
  for (let start = 0; start < o.rows; start += 1_000) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(start + 1_000, o.rows); i += 1) lines.push(csvLine(syntheticRow(i, o)));
    if (!out.write(`${lines.join('\r\n')}\r\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
