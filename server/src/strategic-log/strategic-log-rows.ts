import type { StrategicLogStatus } from '@escalation-insights/shared';
import { countFigure, SMALLEST_SHOWN } from '../analytics/suppression.js';
import type { StrategicLogEntry } from './models/strategic-log-entry.model.js';

/**
 * The columns of an entry as the API shows it, from `strategic_log_entry e`: the theme's
 * category label (as in the theme signals: the partnership's protocols may each label a
 * code; the first label alphabetically is shown), its agency's name, the linked count and
 * who added it (through app_user_names, as a user may read only their own app_user row).
 * `$today` is the placeholder of today's local date.
 */
export function entryColumns(today: string): string {
  return `e.id::text AS id, e.partnership_id::text AS partnership_id, e.title, e.description,
    e.theme_category_code, e.theme_receiving_agency_id::text AS theme_receiving_agency_id,
    (SELECT min(pc.label) FROM protocol_category pc WHERE pc.partnership_id = e.partnership_id AND pc.code = e.theme_category_code) AS category_label,
    (SELECT ag.name FROM agency ag WHERE ag.partnership_id = e.partnership_id AND ag.id = e.theme_receiving_agency_id) AS agency_name,
    e.added_on::text AS added_on, e.owner, e.executive_response, e.status, e.review_date::text AS review_date,
    e.completed_on::text AS completed_on, e.version,
    (e.status <> 'closed' AND e.review_date < ${today}) AS is_overdue,
    (SELECT n.display_name FROM app_user_names(ARRAY[e.created_by]) n) AS created_by_name,
    e.created_at, e.updated_at,
    (SELECT count(*)::int FROM strategic_log_escalation l WHERE l.partnership_id = e.partnership_id AND l.entry_id = e.id) AS linked_count`;
}

export interface EntryRow {
  id: string;
  partnership_id: string;
  title: string;
  description: string;
  theme_category_code: string | null;
  theme_receiving_agency_id: string | null;
  category_label: string | null;
  agency_name: string | null;
  added_on: string;
  owner: string;
  executive_response: string;
  status: StrategicLogStatus;
  review_date: string | null;
  completed_on: string | null;
  version: number;
  is_overdue: boolean;
  created_by_name: string | null;
  created_at: Date;
  updated_at: Date;
  linked_count: number;
}

/** An entry row as the API shows it; the linked count suppressed when `suppress` and it is 1 to 4. */
export function toLogEntry(row: EntryRow, suppress: boolean): StrategicLogEntry {
  const hasTheme = row.theme_category_code !== null || row.theme_receiving_agency_id !== null;
  return {
    id: row.id,
    partnershipId: row.partnership_id,
    title: row.title,
    description: row.description,
    theme: hasTheme
      ? {
          categoryCode: row.theme_category_code,
          categoryLabel: row.category_label ?? row.theme_category_code,
          receivingAgencyId: row.theme_receiving_agency_id,
          receivingAgencyName: row.agency_name,
        }
      : null,
    addedOn: row.added_on,
    owner: row.owner,
    executiveResponse: row.executive_response,
    status: row.status,
    reviewDate: row.review_date,
    isOverdue: row.is_overdue === true,
    completedOn: row.completed_on,
    version: row.version,
    createdBy: row.created_by_name,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    linkedEscalationCount: countFigure(row.linked_count, suppress && row.linked_count >= 1 && row.linked_count < SMALLEST_SHOWN),
  };
}
