import type { LearningActionStatus, StrategicLogStatus } from '@escalation-insights/shared';
import type pg from 'pg';
import type { PartnershipIds } from './bulk-writer.js';
import { LEARNING_TEMPLATES } from './learning-templates.js';
import type { PartnershipPlan } from './partnership-plan.js';
import type { Prng } from './prng.js';
import { casesAround, type ThemePair } from './theme-tracker.js';
import { DAY_MS } from './working-clock.js';

const date = (t: number): string => new Date(t).toISOString().slice(0, 10);
const lower = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * The log's entries by rank of theme: which quarter of the last year their cases come
 * from (0: the latest) and how far through open → under review → actioned → closed
 * they may have got since (less when too little time has passed).
 */
const ENTRIES: readonly { readonly quarter: number; readonly path: readonly StrategicLogStatus[] }[] = [
  { quarter: 0, path: ['open', 'under_review'] },
  { quarter: 2, path: ['open', 'under_review', 'actioned'] },
  { quarter: 3, path: ['open', 'under_review', 'actioned', 'closed'] },
  { quarter: 1, path: ['open'] },
];
/** Quarters the learning items' source escalations come from, by rank of theme. */
const LEARNING_QUARTERS = [1, 3, 0];
const STEP_DAYS = 35;

const RESPONSES: Readonly<Record<StrategicLogStatus, string>> = {
  open: '',
  under_review: 'The executive has asked the agencies involved for a joint analysis before its next meeting.',
  actioned: 'The executive agreed a joint audit of a sample of cases and a refresh of the relevant guidance.',
  closed: 'Audit completed and guidance reissued; the executive will watch the trend through the quarterly dashboard.',
};

/** Writes a few strategic log entries (with links and status history) for the strongest themes. */
export async function writeStrategicLog(client: pg.ClientBase, plan: PartnershipPlan, ids: PartnershipIds, themes: readonly ThemePair[], asOf: number, rng: Prng): Promise<number> {
  let written = 0;
  for (const [k, theme] of themes.entries()) {
    const entry = ENTRIES[k % ENTRIES.length]!;
    const cases = casesAround(theme, entry.quarter, 3);
    if (cases.length < 3) continue;
    const category = plan.template.categories[theme.category]!;
    const agency = plan.agencies[theme.agency]!;
    const addedAt = Math.min(asOf - DAY_MS, cases[cases.length - 1]!.raisedAt + rng.int(5, 20) * DAY_MS);
    const steps = entry.path.filter((_, i) => addedAt + i * STEP_DAYS * DAY_MS < asOf);
    const status = steps[steps.length - 1]!;
    const inserted = await client.query<{ id: string }>(
      `INSERT INTO strategic_log_entry (partnership_id, title, description, theme_category_code, theme_receiving_agency_id, added_on,
         owner, executive_response, status, review_date, completed_on, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [ids.partnershipId, `Recurring disagreements with ${agency.name}: ${lower(category.label)}`,
        `${theme.count} escalations in the last twelve months were about ${lower(category.label)} with ${agency.name}. ` +
          'The business unit flagged the pattern as a candidate theme for the executive.',
        category.code, ids.agencyIds[theme.agency], date(addedAt), rng.pick(['Partnership business manager', 'Chair of the practice improvement group', `Safeguarding lead, ${agency.name}`]),
        RESPONSES[status], status, date(addedAt + 90 * DAY_MS), status === 'closed' ? date(addedAt + (steps.length - 1) * STEP_DAYS * DAY_MS) : null,
        new Date(addedAt).toISOString(), new Date(addedAt + (steps.length - 1) * STEP_DAYS * DAY_MS).toISOString()],
    );
    const entryId = inserted.rows[0]!.id;
    await client.query(
      `INSERT INTO strategic_log_escalation (partnership_id, entry_id, escalation_id, linked_at)
       SELECT $1, $2, unnest($3::bigint[]), $4`,
      [ids.partnershipId, entryId, cases.map((c) => c.escalationId), new Date(addedAt).toISOString()],
    );
    await client.query(
      `INSERT INTO strategic_log_status_change (partnership_id, entry_id, from_status, to_status, note, changed_at)
       SELECT $1, $2, u.* FROM unnest($3::text[], $4::text[], $5::text[], $6::timestamptz[]) AS u`,
      [ids.partnershipId, entryId, steps.map((_, i) => (i === 0 ? null : steps[i - 1])), steps, steps.map((s) => RESPONSES[s] || 'Added to the log.'),
        steps.map((_, i) => new Date(addedAt + i * STEP_DAYS * DAY_MS).toISOString())],
    );
    written++;
  }
  return written;
}

/** Writes learning items with actions, each citing escalations of a strong theme. */
export async function writeLearning(client: pg.ClientBase, plan: PartnershipPlan, ids: PartnershipIds, themes: readonly ThemePair[], asOf: number, rng: Prng): Promise<number> {
  const scottish = plan.template.jurisdiction === 'scotland';
  const group = scottish ? 'CPC Practice Improvement Working Group' : 'Practice Improvement Working Group';
  let written = 0;
  for (const [k, theme] of themes.slice(0, 3).entries()) {
    const sources = casesAround(theme, LEARNING_QUARTERS[k]!, 2).slice(-4);
    if (sources.length < 2) continue;
    const lesson = LEARNING_TEMPLATES[(plan.index + k) % LEARNING_TEMPLATES.length]!;
    const category = plan.template.categories[theme.category]!;
    const opened = Math.min(asOf - 30 * DAY_MS, sources[sources.length - 1]!.raisedAt + 21 * DAY_MS);
    const actions = lesson.actions.map((a, i) => {
      const due = opened + (45 + 45 * i) * DAY_MS;
      const status: LearningActionStatus = due < asOf ? (rng.chance(0.8) ? 'done' : 'in_progress') : rng.chance(0.5) ? 'in_progress' : 'not_started';
      return { ...a, due, status, completed: status === 'done' ? Math.min(asOf, due - rng.int(0, 20) * DAY_MS) : null };
    });
    const allDone = actions.every((a) => a.status === 'done');
    const item = await client.query<{ id: string }>(
      `INSERT INTO learning_item (partnership_id, title, gap_kind, description, referred_to_group, status, background, why_it_matters,
         findings, what_to_do, questions, completed_on, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING id`,
      [ids.partnershipId, lesson.title, lesson.gapKind, `${lesson.description} Raised by escalations about ${lower(category.label)}.`, group,
        allDone ? 'completed' : 'in_progress', lesson.background, lesson.whyItMatters, lesson.findings, lesson.whatToDo, [...lesson.questions],
        allDone ? date(Math.max(...actions.map((a) => a.completed ?? 0))) : null, new Date(opened).toISOString()],
    );
    const itemId = item.rows[0]!.id;
    await client.query(
      `INSERT INTO learning_item_escalation (partnership_id, learning_item_id, escalation_id) SELECT $1, $2, unnest($3::bigint[])`,
      [ids.partnershipId, itemId, sources.map((s) => s.escalationId)],
    );
    await client.query(
      `INSERT INTO learning_action (partnership_id, learning_item_id, description, owner, due_on, status, evidence_of_impact, completed_on, created_at, updated_at)
       SELECT $1, $2, u.*, $9, $9 FROM unnest($3::text[], $4::text[], $5::date[], $6::text[], $7::text[], $8::date[]) AS u`,
      [ids.partnershipId, itemId, actions.map((a) => a.description), actions.map((a) => a.owner), actions.map((a) => date(a.due)),
        actions.map((a) => a.status), actions.map((a) => (a.status === 'done' ? a.evidence : '')),
        actions.map((a) => (a.completed === null ? null : date(a.completed))), new Date(opened).toISOString()],
    );
    written++;
  }
  return written;
}
