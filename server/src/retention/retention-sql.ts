/**
 * The statements of the retention job. What counts as record-level detail — free text and
 * the child key — is cleared; what the statistics read is never touched: dates, stages,
 * tiers, agencies, category, urgency, status, timescale outcomes and the analytics facts
 * (an update that changes none of their inputs leaves the facts as they were).
 *
 * Parameters throughout: $1 partnership id, $2 escalation ids (bigint[]).
 */

/** Keys of a correction's before/after values that hold record-level detail. */
export const PERSONAL_CORRECTION_KEYS = ['summary', 'childKey', 'outcome', 'participants', 'notes'] as const;

/** What a correction's reason becomes: the reason why is gone, the fact that something was corrected stays. */
export const REMOVED_REASON = 'Removed when the retention period ended.';

const PERSONAL_KEYS = `ARRAY[${PERSONAL_CORRECTION_KEYS.map((k) => `'${k}'`).join(', ')}]::text[]`;

/** Whether a correction's jsonb value still holds a personal field with a value. */
const holdsDetail = (column: string) =>
  `(jsonb_typeof(${column}) = 'object' AND EXISTS (SELECT 1 FROM jsonb_each(${column}) j WHERE j.key = ANY(${PERSONAL_KEYS}) AND j.value <> 'null'::jsonb))`;

/** The value with its personal fields set to null (keys kept: which fields were corrected is not personal). */
const redacted = (column: string) => `CASE WHEN jsonb_typeof(${column}) = 'object' THEN (
    SELECT jsonb_object_agg(j.key, CASE WHEN j.key = ANY(${PERSONAL_KEYS}) THEN 'null'::jsonb ELSE j.value END) FROM jsonb_each(${column}) j
  ) ELSE ${column} END`;

const ENTRY_HAS_DETAIL = `(s.notes <> '' OR cardinality(s.participants) > 0)`;
const CORRECTION_HAS_DETAIL = `(c.reason <> '${REMOVED_REASON}' OR ${holdsDetail('c.before')} OR ${holdsDetail('c.after')})`;

/**
 * Escalations of partnership $1 closed before $2 (an instant) that still hold any
 * record-level detail, oldest first; `lock`ed against concurrent edits when they are to be
 * cleared. An escalation cleared before and given new detail since (an import, a
 * correction) is due again.
 */
export const dueEscalations = (lock: boolean) => `
  SELECT e.id::text AS id, e.reference
  FROM escalation e
  WHERE e.partnership_id = $1 AND e.closed_at < $2
    AND (e.summary <> '' OR e.child_key IS NOT NULL OR e.outcome IS NOT NULL
      OR EXISTS (SELECT 1 FROM stage_entry s WHERE s.partnership_id = e.partnership_id AND s.escalation_id = e.id AND ${ENTRY_HAS_DETAIL})
      OR EXISTS (SELECT 1 FROM milestone m WHERE m.partnership_id = e.partnership_id AND m.escalation_id = e.id AND m.notes <> '')
      OR EXISTS (SELECT 1 FROM escalation_correction c WHERE c.partnership_id = e.partnership_id AND c.escalation_id = e.id AND ${CORRECTION_HAS_DETAIL}))
  ORDER BY e.closed_at, e.id${lock ? '\n  FOR UPDATE OF e' : ''}`;

/** How many rows of each kind hold detail, for escalations $2. */
export const DETAIL_COUNTS = `
  SELECT
    (SELECT count(*) FROM stage_entry s WHERE s.partnership_id = $1 AND s.escalation_id = ANY($2::bigint[]) AND ${ENTRY_HAS_DETAIL})::int AS "stageEntries",
    (SELECT count(*) FROM milestone m WHERE m.partnership_id = $1 AND m.escalation_id = ANY($2::bigint[]) AND m.notes <> '')::int AS milestones,
    (SELECT count(*) FROM escalation_correction c WHERE c.partnership_id = $1 AND c.escalation_id = ANY($2::bigint[]) AND ${CORRECTION_HAS_DETAIL})::int AS corrections`;

/** $3: the job's instant. */
export const CLEAR_ESCALATIONS = `
  WITH changed AS (
    UPDATE escalation SET summary = '', child_key = NULL, outcome = NULL, retention_applied_at = $3,
                          version = version + 1, updated_at = $3
    WHERE partnership_id = $1 AND id = ANY($2::bigint[])
    RETURNING 1)
  SELECT count(*)::int AS n FROM changed`;

export const CLEAR_STAGE_ENTRIES = `
  WITH changed AS (
    UPDATE stage_entry s SET notes = '', participants = '{}'
    WHERE s.partnership_id = $1 AND s.escalation_id = ANY($2::bigint[]) AND ${ENTRY_HAS_DETAIL}
    RETURNING 1)
  SELECT count(*)::int AS n FROM changed`;

export const CLEAR_MILESTONES = `
  WITH changed AS (
    UPDATE milestone m SET notes = ''
    WHERE m.partnership_id = $1 AND m.escalation_id = ANY($2::bigint[]) AND m.notes <> ''
    RETURNING 1)
  SELECT count(*)::int AS n FROM changed`;

export const CLEAR_CORRECTIONS = `
  WITH changed AS (
    UPDATE escalation_correction c SET reason = '${REMOVED_REASON}', before = ${redacted('c.before')}, after = ${redacted('c.after')}
    WHERE c.partnership_id = $1 AND c.escalation_id = ANY($2::bigint[]) AND ${CORRECTION_HAS_DETAIL}
    RETURNING 1)
  SELECT count(*)::int AS n FROM changed`;

/**
 * Uploads of partnership $1 made before $2 (an instant): the first rows of the file kept
 * to show the mapping, and the cell values quoted in their problems, are the file's own
 * record-level detail. Counts the uploads; with $3 true, clears them.
 */
export const IMPORT_SAMPLES = `
  WITH due AS (
    SELECT s.id FROM import_session s
    WHERE s.partnership_id = $1 AND s.created_at < $2
      AND (s.sample_rows <> '[]'::jsonb
        OR EXISTS (SELECT 1 FROM import_problem p WHERE p.partnership_id = s.partnership_id AND p.session_id = s.id AND p.cell_value IS NOT NULL))),
  sessions AS (
    UPDATE import_session s SET sample_rows = '[]'::jsonb FROM due WHERE $3 AND s.partnership_id = $1 AND s.id = due.id RETURNING 1),
  problems AS (
    UPDATE import_problem p SET cell_value = NULL FROM due WHERE $3 AND p.partnership_id = $1 AND p.session_id = due.id AND p.cell_value IS NOT NULL RETURNING 1)
  SELECT (SELECT count(*) FROM due)::int AS n, (SELECT count(*) FROM sessions) + (SELECT count(*) FROM problems) AS changed`;
