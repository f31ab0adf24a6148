import type { EntityManager } from 'typeorm';

export interface OpenLogEntry {
  readonly title: string;
  readonly addedOn: string;
  readonly owner: string;
  readonly status: string;
  readonly reviewDate: string | null;
  readonly executiveResponse: string;
  readonly linkedEscalations: number;
}

export interface OpenLearningAction {
  readonly item: string;
  readonly action: string;
  readonly owner: string;
  readonly dueOn: string | null;
  readonly status: string;
}

/** The strategic escalation log's entries still open or under review, oldest first. */
export async function openLogEntries(manager: EntityManager, partnershipId: string): Promise<OpenLogEntry[]> {
  return manager.query(
    `SELECT l.title, to_char(l.added_on, 'DD/MM/YYYY') AS "addedOn", l.owner, replace(l.status, '_', ' ') AS status,
            to_char(l.review_date, 'DD/MM/YYYY') AS "reviewDate", l.executive_response AS "executiveResponse",
            (SELECT count(*)::int FROM strategic_log_escalation s WHERE s.partnership_id = l.partnership_id AND s.entry_id = l.id) AS "linkedEscalations"
     FROM strategic_log_entry l
     WHERE l.partnership_id = $1 AND l.status IN ('open', 'under_review')
     ORDER BY l.added_on, l.id`,
    [partnershipId],
  );
}

/** Learning actions not yet done or cancelled, soonest due first. */
export async function openLearningActions(manager: EntityManager, partnershipId: string): Promise<OpenLearningAction[]> {
  return manager.query(
    `SELECT i.title AS item, a.description AS action, a.owner, to_char(a.due_on, 'DD/MM/YYYY') AS "dueOn", replace(a.status, '_', ' ') AS status
     FROM learning_action a
     JOIN learning_item i ON i.partnership_id = a.partnership_id AND i.id = a.learning_item_id
     WHERE a.partnership_id = $1 AND a.status IN ('not_started', 'in_progress')
     ORDER BY a.due_on NULLS LAST, a.id`,
    [partnershipId],
  );
}
