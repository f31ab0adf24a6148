import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * More analytics kept current on write (docs/analytics.md, "How it stays fast"), and a
 * bulk-load mode for writers of thousands of escalations at once (imports, the demo data).
 *
 * - `analytics_rule_month`: timescale outcomes counted per month of raising, rule (code,
 *   unit, stage, tier) and status, for a few grouping sets of urgency, raising and
 *   receiving agency and category (fact 'rule' in analytics_grouping_set; the server's
 *   cube planner holds the same masks). Breach statistics count from it.
 * - `analytics_duration_cell`: per month of raising, the sorted values of time taken
 *   (elapsed of met and breached outcomes) and of lateness (breached and overdue) of each
 *   breakdown of breach statistics — overall, rule, stage, tier, receiving agency, raising
 *   agency — in the unit they are reported in, with every PIVOT_SPACING-th value beside
 *   them. The server finds exact percentiles of a period from these without sorting the
 *   period's outcomes (analytics/duration-percentiles-sql.ts). Key columns a breakdown
 *   does not use hold '' or 0.
 *
 * - `analytics_theme_week`: per (category, receiving agency) pair and week (7-day blocks of
 *   UTC time from Monday 5 January 1970, `analytics_week()`), the in-scope escalations
 *   raised in it and the first and last instants. Theme signals settle whole weeks from it
 *   and read individual escalations only where a week's counts leave the answer open
 *   (analytics/theme-signals-sql.ts).
 *
 * - `analytics_closure_month`: closed (resolved or withdrawn) in-scope escalations counted
 *   per month of raising, highest tier, whether resolved, and the time to closure in days
 *   (fractional, as Kaplan–Meier takes it: analytics/kaplan-meier-sql.ts), so that a
 *   curve's steps are summed from them, and only the open escalations read one by one.
 *
 * The first two are maintained by `analytics_sync_outcomes`, the last two by
 * `analytics_sync_escalations` (both replaced here), from the difference each already
 * computes between the stored and the fresh rows: counts by adding it, cells and weeks whose
 * content changed by recomputing them from analytics_outcome / analytics_escalation.
 *
 * Bulk load: a transaction that sets `app.bulk_load` to 'on' (SET LOCAL) defers the
 * maintenance. The row triggers then only note the escalations a statement touched (in
 * `analytics_pending_sync`, keyed by transaction), and `analytics_flush_bulk_load()` syncs
 * exactly those escalations, set by set, 20,000 at a time. The writer may call it before
 * committing; a deferred constraint trigger calls it at COMMIT in any case, so the facts
 * can never be left behind by a transaction that forgot. Nothing else changes: reads in
 * that transaction see the facts as they were before it.
 *
 * Rule references of timescale outcomes: the foreign key to timescale_rule checked each
 * outcome row on its own (a lookup and a row lock per row: most of what writing an
 * import's 13 outcomes per escalation cost). It is replaced by the same rule checked once
 * per statement over the statement's rows (the rules referenced are locked FOR KEY SHARE,
 * as the key's check did), and on the rule side by a deferred check that a rule deleted
 * or re-keyed is referenced by no outcome at commit. The app never changes a rule's key;
 * an escalation's outcomes still go with it through their own foreign key.
 *
 * The new tables have row-level security enabled and forced: the app role reads them under
 * the record and aggregate policies of EnforcePartnershipIsolation; only the owner (whose
 * SECURITY DEFINER functions maintain them) writes.
 */
export class PreAggregateBreachesAndBulkLoads1764253000000 implements MigrationInterface {
  name = 'PreAggregateBreachesAndBulkLoads1764253000000';

  async up(q: QueryRunner): Promise<void> {
    await createTables(q);
    await checkRulesPerStatement(q);
    await createFunctions(q);
    await replaceTriggerFunctions(q);
    await protect(q);
    await q.query(`SELECT set_config('work_mem', '256MB', true)`);
    await q.query(`INSERT INTO analytics_rule_month (${RULE_FACT_COLUMNS}, outcomes) ${RULE_FACT_SELECT('analytics_outcome', 'count(*)')}`);
    await q.query(`SELECT analytics_build_duration_cells()`);
    await q.query(`INSERT INTO analytics_theme_week ${FRESH_THEME_WEEKS}`);
    await q.query(`INSERT INTO analytics_closure_month ${FRESH_CLOSURES}`);
    await q.query(`ANALYZE analytics_rule_month, analytics_duration_cell, analytics_theme_week, analytics_closure_month`);
  }

  async down(q: QueryRunner): Promise<void> {
    // CreateAnalyticsFacts' functions as they were, then away with what this migration added.
    await replaceTriggerFunctions(q, { bulk: false });
    await q.query(syncEscalationsSql({ weeks: false }));
    await q.query(previousSyncOutcomesSql());
    await q.query(rebuildSql({ aggregates: false }));
    await q.query(`DROP TRIGGER IF EXISTS analytics_bulk_load_flush ON analytics_bulk_load`);
    for (const [table, trigger] of RULE_CHECK_TRIGGERS) await q.query(`DROP TRIGGER IF EXISTS ${trigger} ON ${table}`);
    await q.query(`DROP FUNCTION IF EXISTS timescale_outcome_rules_exist()`);
    await q.query(`DROP FUNCTION IF EXISTS timescale_rule_unreferenced()`);
    await q.query(`ALTER TABLE timescale_outcome DROP CONSTRAINT IF EXISTS timescale_outcome_rule_fkey`);
    await q.query(`ALTER TABLE timescale_outcome ADD CONSTRAINT timescale_outcome_rule_fkey FOREIGN KEY (partnership_id, protocol_id, rule_code)
      REFERENCES timescale_rule (partnership_id, protocol_id, code)`);
    for (const fn of NEW_FUNCTIONS) await q.query(`DROP FUNCTION IF EXISTS ${fn}`);
    for (const table of ['analytics_bulk_load', 'analytics_pending_sync', 'analytics_closure_month', 'analytics_theme_week', 'analytics_duration_cell', 'analytics_rule_month']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS analytics_week(timestamptz)`);
    await q.query(`DROP TYPE IF EXISTS analytics_cell_month`);
    await q.query(`DROP INDEX IF EXISTS analytics_escalation_pair_idx`);
    await q.query(`DROP INDEX IF EXISTS analytics_escalation_open_idx`);
    await q.query(`DROP INDEX IF EXISTS analytics_outcome_taken_month_idx`);
    await q.query(`DROP INDEX IF EXISTS analytics_outcome_late_month_idx`);
    await q.query(`DELETE FROM analytics_grouping_set WHERE fact = 'rule'`);
    await q.query(`ALTER TABLE analytics_grouping_set DROP CONSTRAINT analytics_grouping_set_fact_known`);
    await q.query(`ALTER TABLE analytics_grouping_set ADD CONSTRAINT analytics_grouping_set_fact_known CHECK (fact IN ('escalation', 'outcome'))`);
  }
}

const APP_ROLE = 'escalation_insights_app';

/** Bits of the grouping-set masks (as in CreateAnalyticsFacts and the server's cube-source.ts). */
const DIM = { urgency: 2, raising: 128, receiving: 256, category: 512 } as const;
/** The agency of either role (breach statistics break down by one), both, or one with urgency and category (the filters). */
const RULE_SETS = [
  DIM.receiving, DIM.raising, DIM.raising | DIM.receiving, DIM.urgency | DIM.category | DIM.receiving, DIM.urgency | DIM.category | DIM.raising,
];

/** Every PIVOT_SPACING-th value of a cell is kept apart (the server's duration-percentiles-sql.ts uses the same). */
const PIVOT_SPACING = 32;

/** Kinds of duration cell: the breakdowns of breach statistics. */
const KIND = { overall: 1, rule: 2, stage: 3, tier: 4, receiving: 5, raising: 6 } as const;

const LONDON_MONTH = (column: string) => `date_trunc('month', ${column} AT TIME ZONE 'Europe/London')::date`;
const REPORT_UNIT = (o: string) => `CASE ${o}.limit_unit WHEN 'same_working_day' THEN 'working_days' ELSE ${o}.limit_unit END`;

async function createTables(q: QueryRunner): Promise<void> {
  await q.query(`ALTER TABLE analytics_grouping_set DROP CONSTRAINT analytics_grouping_set_fact_known`);
  await q.query(`ALTER TABLE analytics_grouping_set ADD CONSTRAINT analytics_grouping_set_fact_known CHECK (fact IN ('escalation', 'outcome', 'rule'))`);
  await q.query(`INSERT INTO analytics_grouping_set (fact, mask) SELECT 'rule', unnest($1::int[])`, [RULE_SETS]);

  await q.query(`
    CREATE TABLE analytics_rule_month (
      grouping_set integer NOT NULL,
      partnership_id bigint NOT NULL,
      raised_month date NOT NULL,
      rule_code text NOT NULL,
      limit_unit text NOT NULL,
      stage_code text NOT NULL,
      tier smallint NOT NULL,
      status text NOT NULL,
      urgency text,
      raising_agency_id bigint,
      receiving_agency_id bigint,
      category_code text,
      outcomes integer NOT NULL,
      CONSTRAINT analytics_rule_month_key UNIQUE NULLS NOT DISTINCT (grouping_set, partnership_id, raised_month, rule_code, limit_unit,
        stage_code, tier, status, urgency, raising_agency_id, receiving_agency_id, category_code)
    ) WITH (fillfactor = 80)`);

  await q.query(`
    CREATE TABLE analytics_duration_cell (
      partnership_id bigint NOT NULL,
      raised_month date NOT NULL,
      kind smallint NOT NULL CONSTRAINT analytics_duration_cell_kind_known CHECK (kind BETWEEN 1 AND 6),
      measure text NOT NULL CONSTRAINT analytics_duration_cell_measure_known CHECK (measure IN ('taken', 'late')),
      report_unit text NOT NULL,
      rule_code text NOT NULL,
      limit_unit text NOT NULL,
      stage_code text NOT NULL,
      tier smallint NOT NULL,
      agency_id bigint NOT NULL,
      n integer NOT NULL CONSTRAINT analytics_duration_cell_not_empty CHECK (n > 0),
      pivots double precision[] NOT NULL,
      vals double precision[] NOT NULL,
      CONSTRAINT analytics_duration_cell_pkey PRIMARY KEY (partnership_id, raised_month, kind, measure, report_unit, rule_code, limit_unit,
        stage_code, tier, agency_id)
    )`);
  // Read whole and often: stored out of line but uncompressed, so that reading one costs a copy, not a decompression.
  await q.query(`ALTER TABLE analytics_duration_cell ALTER COLUMN vals SET STORAGE EXTERNAL`);

  // Recomputing a month's cells reads its counted outcomes of one measure.
  await q.query(`CREATE INDEX analytics_outcome_taken_month_idx ON analytics_outcome (partnership_id, raised_month) WHERE status IN ('met', 'breached')`);
  await q.query(`CREATE INDEX analytics_outcome_late_month_idx ON analytics_outcome (partnership_id, raised_month) WHERE status IN ('breached', 'overdue')`);

  await q.query(`
    CREATE FUNCTION analytics_week(p_at timestamptz) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
      SELECT floor((extract(epoch FROM p_at) - ${WEEK_EPOCH}) / ${WEEK_SECONDS})::integer
    $fn$`);
  await q.query(`
    CREATE TABLE analytics_theme_week (
      partnership_id bigint NOT NULL,
      category_code text NOT NULL,
      receiving_agency_id bigint NOT NULL,
      week integer NOT NULL,
      escalations integer NOT NULL CONSTRAINT analytics_theme_week_not_empty CHECK (escalations > 0),
      first_raised_at timestamptz NOT NULL,
      last_raised_at timestamptz NOT NULL,
      CONSTRAINT analytics_theme_week_pkey PRIMARY KEY (partnership_id, category_code, receiving_agency_id, week)
    )`);
  // A pair's escalations in order of raising: a week's recount, and the theme signals' reads of single escalations.
  await q.query(`CREATE INDEX analytics_escalation_pair_idx ON analytics_escalation (partnership_id, category_code, receiving_agency_id, raised_at)`);

  await q.query(`
    CREATE TABLE analytics_closure_month (
      partnership_id bigint NOT NULL,
      raised_month date NOT NULL,
      highest_tier smallint NOT NULL,
      resolved boolean NOT NULL,
      days double precision NOT NULL,
      escalations integer NOT NULL,
      CONSTRAINT analytics_closure_month_key UNIQUE (partnership_id, raised_month, highest_tier, resolved, days)
    ) WITH (fillfactor = 80)`);
  // Kaplan–Meier reads the cohort's open escalations one by one (censored at now): few, through this index.
  await q.query(`CREATE INDEX analytics_escalation_open_idx ON analytics_escalation (partnership_id, raised_at) WHERE status = 'open'`);

  await q.query(`
    CREATE UNLOGGED TABLE analytics_pending_sync (
      txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
      partnership_id bigint NOT NULL,
      escalation_id bigint NOT NULL
    )`);
  await q.query(`CREATE INDEX analytics_pending_sync_txid_idx ON analytics_pending_sync (txid)`);
  await q.query(`
    CREATE UNLOGGED TABLE analytics_bulk_load (
      txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
      CONSTRAINT analytics_bulk_load_pkey PRIMARY KEY (txid)
    )`);
}

const RULE_CHECK_TRIGGERS: readonly [table: string, trigger: string][] = [
  ['timescale_outcome', 'timescale_outcome_rule_insert'], ['timescale_outcome', 'timescale_outcome_rule_update'],
  ['timescale_rule', 'timescale_rule_referenced'],
];

/** The rule reference of timescale outcomes, checked per statement instead of per row (see the class comment). */
async function checkRulesPerStatement(q: QueryRunner): Promise<void> {
  await q.query(`ALTER TABLE timescale_outcome DROP CONSTRAINT timescale_outcome_rule_fkey`);
  await q.query(`
    CREATE FUNCTION timescale_outcome_rules_exist() RETURNS trigger
    ${SECURITY} AS $fn$
    BEGIN
      PERFORM 1 FROM timescale_rule r
      JOIN (SELECT DISTINCT partnership_id, protocol_id, rule_code FROM new_rows) n
        ON r.partnership_id = n.partnership_id AND r.protocol_id = n.protocol_id AND r.code = n.rule_code
      ORDER BY r.partnership_id, r.protocol_id, r.code
      FOR KEY SHARE OF r;
      IF EXISTS (
        SELECT 1 FROM (SELECT DISTINCT partnership_id, protocol_id, rule_code FROM new_rows) n
        WHERE NOT EXISTS (SELECT 1 FROM timescale_rule r WHERE r.partnership_id = n.partnership_id AND r.protocol_id = n.protocol_id AND r.code = n.rule_code)
      ) THEN
        RAISE EXCEPTION 'insert or update on table "timescale_outcome" names a timescale rule its protocol does not have'
          USING ERRCODE = 'foreign_key_violation', TABLE = 'timescale_outcome', CONSTRAINT = 'timescale_outcome_rule_fkey';
      END IF;
      RETURN NULL;
    END $fn$`);
  await q.query(`CREATE TRIGGER timescale_outcome_rule_insert AFTER INSERT ON timescale_outcome
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION timescale_outcome_rules_exist()`);
  await q.query(`CREATE TRIGGER timescale_outcome_rule_update AFTER UPDATE ON timescale_outcome
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION timescale_outcome_rules_exist()`);
  await q.query(`
    CREATE FUNCTION timescale_rule_unreferenced() RETURNS trigger
    ${SECURITY} AS $fn$
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM timescale_rule r WHERE r.partnership_id = OLD.partnership_id AND r.protocol_id = OLD.protocol_id AND r.code = OLD.code)
         AND EXISTS (SELECT 1 FROM timescale_outcome o WHERE o.partnership_id = OLD.partnership_id AND o.protocol_id = OLD.protocol_id AND o.rule_code = OLD.code) THEN
        RAISE EXCEPTION 'timescale rule % of protocol % is still referenced by timescale outcomes', OLD.code, OLD.protocol_id
          USING ERRCODE = 'foreign_key_violation', TABLE = 'timescale_rule', CONSTRAINT = 'timescale_outcome_rule_fkey';
      END IF;
      RETURN NULL;
    END $fn$`);
  // Deferred to COMMIT: a partnership's deletion removes its outcomes and rules in whichever order its cascades take.
  await q.query(`CREATE CONSTRAINT TRIGGER timescale_rule_referenced AFTER DELETE OR UPDATE OF partnership_id, protocol_id, code ON timescale_rule
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION timescale_rule_unreferenced()`);
  for (const fn of ['timescale_outcome_rules_exist()', 'timescale_rule_unreferenced()']) await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
}

const RULE_FACT_COLUMNS = `grouping_set, partnership_id, raised_month, rule_code, limit_unit, stage_code, tier, status,
  urgency, raising_agency_id, receiving_agency_id, category_code`;

/** Projects outcome rows `d` onto every rule grouping set, summed by `count`. */
const RULE_FACT_SELECT = (rows: string, count: string) => `
  SELECT s.mask, d.partnership_id, d.raised_month, d.rule_code, d.limit_unit, d.stage_code, d.tier, d.status,
         CASE WHEN s.mask & ${DIM.urgency} <> 0 THEN d.urgency END,
         CASE WHEN s.mask & ${DIM.raising} <> 0 THEN d.raising_agency_id END,
         CASE WHEN s.mask & ${DIM.receiving} <> 0 THEN d.receiving_agency_id END,
         CASE WHEN s.mask & ${DIM.category} <> 0 THEN d.category_code END,
         ${count}
  FROM ${rows} d JOIN analytics_grouping_set s ON s.fact = 'rule'
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12`;

/**
 * The cells outcome row `o` puts a value in: one per measure it counts for (time taken when
 * met or breached, lateness when breached or overdue) and kind. Use with
 * `WHERE m.counted AND m.v IS NOT NULL`.
 */
const CONTRIBUTIONS = (o: string) => `
  CROSS JOIN LATERAL (VALUES ('taken', ${o}.elapsed, ${o}.status IN ('met', 'breached')),
                             ('late', ${o}.lateness, ${o}.status IN ('breached', 'overdue'))) AS m (measure, v, counted)
  CROSS JOIN LATERAL (VALUES
    (${KIND.overall}::smallint, ''::text, ''::text, ''::text, 0::smallint, 0::bigint),
    (${KIND.rule}::smallint, ${o}.rule_code, ${o}.limit_unit, ${o}.stage_code, ${o}.tier, 0::bigint),
    (${KIND.stage}::smallint, '', '', ${o}.stage_code, ${o}.tier, 0::bigint),
    (${KIND.tier}::smallint, '', '', '', ${o}.tier, 0::bigint),
    (${KIND.receiving}::smallint, '', '', '', 0::smallint, ${o}.receiving_agency_id),
    (${KIND.raising}::smallint, '', '', '', 0::smallint, ${o}.raising_agency_id)) AS k (kind, rule_code, limit_unit, stage_code, tier, agency_id)`;

const CELL_KEY = `partnership_id, raised_month, kind, measure, report_unit, rule_code, limit_unit, stage_code, tier, agency_id`;

/**
 * Cells as they should be, from outcome rows `rows` (alias o); `where` narrows the
 * contributions (e.g. to the cells being recomputed). Every column of analytics_duration_cell.
 */
const FRESH_CELLS = (rows: string, where: string) => `
  SELECT ${CELL_KEY}, c.n, ARRAY(SELECT p.v FROM unnest(c.vals) WITH ORDINALITY AS p (v, i) WHERE p.i % ${PIVOT_SPACING} = 0 ORDER BY p.i) AS pivots,
         c.vals
  FROM (
    -- Grouped by hashing, each cell's values then sorted on their own: no sort of every value by the cell's key.
    -- (OFFSET 0: each cell's sort is done once, not again for its pivots.)
    SELECT ${CELL_KEY}, g.n, ARRAY(SELECT x FROM unnest(g.unsorted) AS x ORDER BY x) AS vals
    FROM (
      SELECT o.partnership_id, o.raised_month, k.kind, m.measure, ${REPORT_UNIT('o')} AS report_unit, k.rule_code, k.limit_unit, k.stage_code,
             k.tier, k.agency_id, count(*)::int AS n, array_agg(m.v) AS unsorted
      FROM ${rows} o ${CONTRIBUTIONS('o')}
      WHERE m.counted AND m.v IS NOT NULL ${where}
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    ) g
    OFFSET 0
  ) c`;

/**
 * The months (with the measure) whose cells change between outcome rows v_old and v_new
 * (plpgsql variables), as analytics_cell_month: where some cell gains or loses a value.
 */
const CHANGED_MONTHS = `
  SELECT DISTINCT ROW(x.partnership_id, x.raised_month, x.measure)::analytics_cell_month AS key FROM (
    SELECT d.partnership_id, d.raised_month, m.measure, ${REPORT_UNIT('d')} AS report_unit, d.rule_code, d.limit_unit, d.stage_code, d.tier,
           d.receiving_agency_id, d.raising_agency_id, m.v
    FROM (SELECT r.*, 1 AS sign FROM unnest(v_new) r UNION ALL SELECT r.*, -1 FROM unnest(v_old) r) d
    CROSS JOIN LATERAL (VALUES ('taken', d.elapsed, d.status IN ('met', 'breached')),
                               ('late', d.lateness, d.status IN ('breached', 'overdue'))) AS m (measure, v, counted)
    WHERE m.counted AND m.v IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
    HAVING sum(d.sign) <> 0
  ) x`;

/**
 * Every cell of the months and measures in p_months as it should be, from their counted
 * outcomes of the measure (read through the partial indexes). Recomputing a month's cells
 * whole costs a few times what the changed ones alone would, but needs no join whose size
 * the planner could misjudge.
 */
const RECOMPUTED_CELLS = `
  WITH months AS (SELECT DISTINCT * FROM unnest(p_months)),
  measured AS (
    SELECT o.*, 'taken' AS branch FROM months t JOIN analytics_outcome o ON o.partnership_id = t.partnership_id AND o.raised_month = t.raised_month
    WHERE t.measure = 'taken' AND o.status IN ('met', 'breached')
    UNION ALL
    SELECT o.*, 'late' FROM months t JOIN analytics_outcome o ON o.partnership_id = t.partnership_id AND o.raised_month = t.raised_month
    WHERE t.measure = 'late' AND o.status IN ('breached', 'overdue')
  )
  ${FRESH_CELLS('measured', 'AND m.measure = o.branch')}`;

/** The outcome rows as they should be, for the escalations in relation `keys` (as CreateAnalyticsFacts has them). */
const FRESH_OUTCOMES = (keys: string) => `
  SELECT o.partnership_id, o.escalation_id, o.rule_code, o.protocol_id, o.stage_code, o.tier, o.limit_unit, o.status,
         o.deadline, o.elapsed, o.lateness, e.raised_at, ${LONDON_MONTH('e.raised_at')} AS raised_month,
         e.raising_agency_id, e.receiving_agency_id, e.category_code, e.urgency
  FROM ${keys} k
  JOIN escalation e ON e.partnership_id = k.partnership_id AND e.id = k.escalation_id
  JOIN timescale_outcome o ON o.partnership_id = e.partnership_id AND o.escalation_id = e.id
  WHERE o.status <> 'not_applicable' AND e.status <> 'out_of_scope'`;

const OUTCOME_FACT_COLUMNS = `grouping_set, partnership_id, raised_month, urgency, status, raising_agency_id, receiving_agency_id, category_code`;
const OUTCOME_FACT_SELECT = (rows: string, count: string) => `
  SELECT s.mask, d.partnership_id, d.raised_month,
         CASE WHEN s.mask & ${DIM.urgency} <> 0 THEN d.urgency END,
         CASE WHEN s.mask & 4 <> 0 THEN d.status END,
         CASE WHEN s.mask & ${DIM.raising} <> 0 THEN d.raising_agency_id END,
         CASE WHEN s.mask & ${DIM.receiving} <> 0 THEN d.receiving_agency_id END,
         CASE WHEN s.mask & ${DIM.category} <> 0 THEN d.category_code END,
         ${count}
  FROM ${rows} d JOIN analytics_grouping_set s ON s.fact = 'outcome'
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`;

const KEYS = `(SELECT DISTINCT k.partnership_id, k.escalation_id FROM unnest(p_partnership_ids, p_escalation_ids) AS k (partnership_id, escalation_id))`;
const ADVISORY_CLASS = 74_200_001;
const LOCK_PARTNERSHIPS = `
  PERFORM pg_advisory_xact_lock(${ADVISORY_CLASS}, (p.id % 2147483647)::integer)
  FROM (SELECT DISTINCT unnest(p_partnership_ids) AS id ORDER BY 1) p;`;
const DROP_EMPTY = (table: string, column: string) => `
  DELETE FROM ${table} WHERE ${column} = 0;
  IF EXISTS (SELECT 1 FROM ${table} WHERE ${column} < 0) THEN
    RAISE EXCEPTION '${table} holds a negative count: run SELECT analytics_rebuild()' USING ERRCODE = 'data_exception';
  END IF;`;
const SIGNED = `(SELECT r.*, 1 AS sign FROM unnest(v_new) r UNION ALL SELECT r.*, -1 FROM unnest(v_old) r)`;
const SECURITY = `LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp`;

/** Weeks are counted from Monday 5 January 1970, 00:00 UTC, in blocks of 7 × 24 hours. */
const WEEK_EPOCH = 345_600;
const WEEK_SECONDS = 604_800;

/** Every pair's weeks as they should be, from analytics_escalation. */
const FRESH_THEME_WEEKS = `
  SELECT partnership_id, category_code, receiving_agency_id, analytics_week(raised_at), count(*)::int, min(raised_at), max(raised_at)
  FROM analytics_escalation WHERE status <> 'out_of_scope'
  GROUP BY 1, 2, 3, 4`;

/** The weeks of the in-scope escalations among analytics_escalation rows v_old and v_new (plpgsql variables). */
const CHANGED_WEEKS = `
  SELECT DISTINCT r.partnership_id, r.category_code, r.receiving_agency_id, analytics_week(r.raised_at) AS week
  FROM (SELECT * FROM unnest(v_old) UNION ALL SELECT * FROM unnest(v_new)) r
  WHERE r.status <> 'out_of_scope'`;

/** Time to closure in days, exactly as Kaplan–Meier computes it (analytics/kaplan-meier-sql.ts). */
const CLOSURE_DAYS = (e: string) => `greatest(extract(epoch FROM ${e}.closed_at - ${e}.raised_at)::float8 / 86400, 0)`;

/** The closure counts as they should be, from analytics_escalation. */
const FRESH_CLOSURES = `
  SELECT e.partnership_id, e.raised_month, e.highest_tier, e.status = 'resolved', ${CLOSURE_DAYS('e')}, count(*)::int
  FROM analytics_escalation e WHERE e.status IN ('resolved', 'withdrawn')
  GROUP BY 1, 2, 3, 4, 5`;

/**
 * The difference between analytics_escalation rows v_old and v_new added to the closure
 * counts; counts that reach zero go (only the rows touched are looked at).
 */
const COUNT_CLOSURES = `
      WITH touched AS (
        INSERT INTO analytics_closure_month AS f (partnership_id, raised_month, highest_tier, resolved, days, escalations)
        SELECT d.partnership_id, d.raised_month, d.highest_tier, d.status = 'resolved', ${CLOSURE_DAYS('d')}, sum(d.sign)
        FROM ${SIGNED} d
        WHERE d.status IN ('resolved', 'withdrawn')
        GROUP BY 1, 2, 3, 4, 5 HAVING sum(d.sign) <> 0
        ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (partnership_id, raised_month, highest_tier, resolved, days) DO UPDATE SET escalations = f.escalations + EXCLUDED.escalations
        RETURNING f.*
      )
      SELECT array_agg(t) FILTER (WHERE t.escalations = 0), coalesce(bool_or(t.escalations < 0), false) INTO v_closed, v_negative FROM touched t;
      IF v_negative THEN
        RAISE EXCEPTION 'analytics_closure_month holds a negative count: run SELECT analytics_rebuild()' USING ERRCODE = 'data_exception';
      END IF;
      DELETE FROM analytics_closure_month f USING unnest(v_closed) z
      WHERE (f.partnership_id, f.raised_month, f.highest_tier, f.resolved, f.days) = (z.partnership_id, z.raised_month, z.highest_tier, z.resolved, z.days);
`;

/** Rows a sync or flush handles at once: bounds the arrays it holds in memory. */
const FLUSH_CHUNK = 20_000;

const NEW_FUNCTIONS = [
  'analytics_bulk_load_committing()', 'analytics_flush_bulk_load()', 'analytics_defer_sync(bigint[], bigint[])', 'analytics_bulk_load()',
  'analytics_sync_outcome_facts(bigint[], bigint[])', 'analytics_build_duration_cells()', 'analytics_refresh_duration_cells(analytics_cell_month[])',
];

async function createFunctions(q: QueryRunner): Promise<void> {
  await q.query(`
    CREATE TYPE analytics_cell_month AS (partnership_id bigint, raised_month date, measure text)`);
  await q.query(`
    CREATE FUNCTION analytics_refresh_duration_cells(p_months analytics_cell_month[]) RETURNS void
    ${SECURITY} SET plan_cache_mode = force_custom_plan SET enable_sort = off AS $fn$
    BEGIN
      IF coalesce(cardinality(p_months), 0) = 0 THEN RETURN; END IF;
      DELETE FROM analytics_duration_cell c USING (SELECT DISTINCT * FROM unnest(p_months)) t
      WHERE c.partnership_id = t.partnership_id AND c.raised_month = t.raised_month AND c.measure = t.measure;
      INSERT INTO analytics_duration_cell ${RECOMPUTED_CELLS};
    END $fn$`);

  // The sync of CreateAnalyticsFacts, now also recounting the theme weeks whose escalations changed.
  await q.query(syncEscalationsSql({ weeks: true }));

  // Every cell, a partnership's month at a time: many sorts that fit in memory rather than one that does not.
  await q.query(`
    CREATE FUNCTION analytics_build_duration_cells() RETURNS void
    ${SECURITY} AS $fn$
    DECLARE
      v_month record;
    BEGIN
      FOR v_month IN SELECT DISTINCT partnership_id, raised_month FROM analytics_outcome ORDER BY 1, 2 LOOP
        PERFORM analytics_refresh_duration_cells(ARRAY[ROW(v_month.partnership_id, v_month.raised_month, 'taken')::analytics_cell_month,
                                                       ROW(v_month.partnership_id, v_month.raised_month, 'late')::analytics_cell_month]);
      END LOOP;
    END $fn$`);

  // The sync of CreateAnalyticsFacts, now also keeping the rule counts; returns the months whose duration cells to recompute.
  await q.query(syncOutcomeFactsSql());
  await q.query(`
    CREATE OR REPLACE FUNCTION analytics_sync_outcomes(p_partnership_ids bigint[], p_escalation_ids bigint[]) RETURNS void
    ${SECURITY} AS $fn$
    BEGIN
      PERFORM analytics_refresh_duration_cells(analytics_sync_outcome_facts(p_partnership_ids, p_escalation_ids));
    END $fn$`);

  // The rebuild of CreateAnalyticsFacts, now also of the rule counts, duration cells and theme weeks.
  await q.query(rebuildSql({ aggregates: true }));

  await q.query(`
    CREATE FUNCTION analytics_bulk_load() RETURNS boolean LANGUAGE sql STABLE AS $fn$
      SELECT coalesce(current_setting('app.bulk_load', true), '') = 'on'
    $fn$`);

  await q.query(`
    CREATE FUNCTION analytics_defer_sync(p_partnership_ids bigint[], p_escalation_ids bigint[]) RETURNS void
    ${SECURITY} AS $fn$
    BEGIN
      INSERT INTO analytics_pending_sync (partnership_id, escalation_id) SELECT * FROM ${KEYS} k;
      INSERT INTO analytics_bulk_load DEFAULT VALUES ON CONFLICT DO NOTHING;
    END $fn$`);

  await q.query(`
    CREATE FUNCTION analytics_flush_bulk_load() RETURNS void
    ${SECURITY} AS $fn$
    DECLARE
      v_partnerships bigint[];
      v_escalations bigint[];
      v_from integer := 1;
      v_cells analytics_cell_month[] := '{}';
    BEGIN
      SELECT array_agg(k.partnership_id ORDER BY k.partnership_id, k.escalation_id), array_agg(k.escalation_id ORDER BY k.partnership_id, k.escalation_id)
      INTO v_partnerships, v_escalations
      FROM (SELECT DISTINCT partnership_id, escalation_id FROM analytics_pending_sync WHERE txid = pg_current_xact_id()) k;
      DELETE FROM analytics_pending_sync WHERE txid = pg_current_xact_id();
      DELETE FROM analytics_bulk_load WHERE txid = pg_current_xact_id();
      WHILE v_from <= coalesce(cardinality(v_partnerships), 0) LOOP
        PERFORM analytics_sync_escalations(v_partnerships[v_from : v_from + ${FLUSH_CHUNK - 1}], v_escalations[v_from : v_from + ${FLUSH_CHUNK - 1}]);
        v_cells := v_cells || analytics_sync_outcome_facts(v_partnerships[v_from : v_from + ${FLUSH_CHUNK - 1}], v_escalations[v_from : v_from + ${FLUSH_CHUNK - 1}]);
        v_from := v_from + ${FLUSH_CHUNK};
      END LOOP;
      -- Each month once, however many chunks changed it.
      PERFORM analytics_refresh_duration_cells(ARRAY(SELECT DISTINCT c FROM unnest(v_cells) c));
    END $fn$`);

  await q.query(`
    CREATE FUNCTION analytics_bulk_load_committing() RETURNS trigger
    ${SECURITY} AS $fn$
    BEGIN
      PERFORM analytics_flush_bulk_load();
      RETURN NULL;
    END $fn$`);
  await q.query(`
    CREATE CONSTRAINT TRIGGER analytics_bulk_load_flush AFTER INSERT ON analytics_bulk_load
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION analytics_bulk_load_committing()`);
}

/** The trigger functions of CreateAnalyticsFacts; with `bulk`, deferring to the flush in a bulk load. */
async function replaceTriggerFunctions(q: QueryRunner, options: { bulk: boolean } = { bulk: true }): Promise<void> {
  const changed = (name: string, column: string, sync: string) => q.query(`
    CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger
    ${SECURITY} AS $fn$
    DECLARE
      v_partnerships bigint[];
      v_escalations bigint[];
    BEGIN
      IF TG_OP = 'INSERT' THEN
        SELECT array_agg(partnership_id), array_agg(${column}) INTO v_partnerships, v_escalations FROM new_rows;
      ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(partnership_id), array_agg(${column}) INTO v_partnerships, v_escalations FROM old_rows;
      ELSE
        SELECT array_agg(partnership_id), array_agg(${column}) INTO v_partnerships, v_escalations
        FROM (SELECT partnership_id, ${column} FROM new_rows UNION SELECT partnership_id, ${column} FROM old_rows) r;
      END IF;
      IF v_partnerships IS NULL THEN
        RETURN NULL;
      ${options.bulk ? `ELSIF analytics_bulk_load() THEN
        PERFORM analytics_defer_sync(v_partnerships, v_escalations);` : ''}
      ELSE
        ${sync}
      END IF;
      RETURN NULL;
    END $fn$`);
  await changed('analytics_escalation_changed', 'id',
    'PERFORM analytics_sync_escalations(v_partnerships, v_escalations); PERFORM analytics_sync_outcomes(v_partnerships, v_escalations);');
  await changed('analytics_stage_entry_changed', 'escalation_id', 'PERFORM analytics_sync_escalations(v_partnerships, v_escalations);');
  await changed('analytics_timescale_outcome_changed', 'escalation_id', 'PERFORM analytics_sync_outcomes(v_partnerships, v_escalations);');
}

async function protect(q: QueryRunner): Promise<void> {
  const tables: readonly [table: string, read: string | null][] = [
    ['analytics_rule_month', 'app_reads_aggregates(partnership_id)'],
    ['analytics_duration_cell', 'app_reads_records(partnership_id)'],
    ['analytics_theme_week', 'app_reads_records(partnership_id)'],
    ['analytics_closure_month', 'app_reads_records(partnership_id)'],
    ['analytics_pending_sync', null],
  ];
  for (const [table, read] of tables) {
    await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    // The owner's SECURITY DEFINER functions keep the table; nobody else writes it.
    await q.query(`CREATE POLICY ${table}_maintained ON ${table} FOR ALL TO CURRENT_USER USING (true) WITH CHECK (true)`);
    if (read) {
      await q.query(`CREATE POLICY ${table}_read ON ${table} FOR SELECT USING (${read})`);
      await q.query(`GRANT SELECT ON ${table} TO ${APP_ROLE}`);
    }
  }
  // No partnership column: one row per bulk-loading transaction, touched by the owner's functions only.
  await q.query(`ALTER TABLE analytics_bulk_load ENABLE ROW LEVEL SECURITY`);
  await q.query(`ALTER TABLE analytics_bulk_load FORCE ROW LEVEL SECURITY`);
  await q.query(`CREATE POLICY analytics_bulk_load_maintained ON analytics_bulk_load FOR ALL TO CURRENT_USER USING (true) WITH CHECK (true)`);
  for (const fn of NEW_FUNCTIONS) await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
  await q.query(`GRANT EXECUTE ON FUNCTION analytics_bulk_load() TO ${APP_ROLE}`);
  await q.query(`GRANT EXECUTE ON FUNCTION analytics_week(timestamptz) TO ${APP_ROLE}`);
  await q.query(`GRANT EXECUTE ON FUNCTION analytics_flush_bulk_load() TO ${APP_ROLE}`);
}

// The escalation facts, as CreateAnalyticsFacts defines them, for the rebuild.
const DIM_ALL = {
  protocol: 1, urgency: 2, status: 4, highestTier: 8, highestStage: 16, resolvedTier: 32, entered: 64, raising: 128, receiving: 256, category: 512,
} as const;
const FRESH_ESCALATIONS = (keys: string) => `
  SELECT e.partnership_id, e.id AS escalation_id, e.protocol_id, e.raised_at, ${LONDON_MONTH('e.raised_at')} AS raised_month,
         e.raising_agency_id, e.receiving_agency_id, e.category_code, e.urgency, e.status, e.highest_tier,
         e.highest_stage_order, e.resolved_tier,
         coalesce((SELECT bit_or(1::bigint << (s.ladder_order - 1)) FROM stage_entry s
                   WHERE s.partnership_id = e.partnership_id AND s.escalation_id = e.id AND s.ladder_order BETWEEN 1 AND 62), 0) AS entered_mask,
         e.closed_at
  FROM ${keys} k JOIN escalation e ON e.partnership_id = k.partnership_id AND e.id = k.escalation_id`;
const ESCALATION_FACT_COLUMNS = `grouping_set, partnership_id, raised_month, protocol_id, urgency, status, highest_tier,
  highest_stage_order, resolved_tier, entered_mask, raising_agency_id, receiving_agency_id, category_code`;
const ESCALATION_FACT_SELECT = (rows: string, count: string) => `
  SELECT s.mask, d.partnership_id, d.raised_month,
         CASE WHEN s.mask & ${DIM_ALL.protocol} <> 0 THEN d.protocol_id END,
         CASE WHEN s.mask & ${DIM_ALL.urgency} <> 0 THEN d.urgency END,
         CASE WHEN s.mask & ${DIM_ALL.status} <> 0 THEN d.status END,
         CASE WHEN s.mask & ${DIM_ALL.highestTier} <> 0 THEN d.highest_tier END,
         CASE WHEN s.mask & ${DIM_ALL.highestStage} <> 0 THEN d.highest_stage_order END,
         CASE WHEN s.mask & ${DIM_ALL.resolvedTier} <> 0 THEN d.resolved_tier END,
         CASE WHEN s.mask & ${DIM_ALL.entered} <> 0 THEN d.entered_mask END,
         CASE WHEN s.mask & ${DIM_ALL.raising} <> 0 THEN d.raising_agency_id END,
         CASE WHEN s.mask & ${DIM_ALL.receiving} <> 0 THEN d.receiving_agency_id END,
         CASE WHEN s.mask & ${DIM_ALL.category} <> 0 THEN d.category_code END,
         ${count}
  FROM ${rows} d JOIN analytics_grouping_set s ON s.fact = 'escalation'
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13`;

/** analytics_sync_escalations: CreateAnalyticsFacts' own, and with `weeks` this migration's (which also keeps theme weeks and closure counts). */
function syncEscalationsSql(options: { weeks: boolean }): string {
  // With `weeks` (this migration's version) the closure counts are kept too.
  return `
    CREATE OR REPLACE FUNCTION analytics_sync_escalations(p_partnership_ids bigint[], p_escalation_ids bigint[]) RETURNS void
    ${SECURITY} SET plan_cache_mode = force_custom_plan AS $fn$
    DECLARE
      v_old analytics_escalation[];
      v_new analytics_escalation[];
      ${options.weeks ? 'v_closed analytics_closure_month[];\n      v_negative boolean;' : ''}
    BEGIN
      ${LOCK_PARTNERSHIPS}
      WITH k AS ${KEYS},
      stored AS (SELECT a.* FROM k JOIN analytics_escalation a ON a.partnership_id = k.partnership_id AND a.escalation_id = k.escalation_id)
      SELECT array_agg((c.*)::analytics_escalation) FILTER (WHERE c.escalation_id IS NOT NULL),
             array_agg((f.*)::analytics_escalation) FILTER (WHERE f.escalation_id IS NOT NULL)
      INTO v_old, v_new
      FROM stored c FULL JOIN (${FRESH_ESCALATIONS('k')}) f ON f.partnership_id = c.partnership_id AND f.escalation_id = c.escalation_id
      WHERE (c.*)::analytics_escalation IS DISTINCT FROM (f.*)::analytics_escalation;

      IF v_old IS NULL AND v_new IS NULL THEN RETURN; END IF;
      DELETE FROM analytics_escalation a USING unnest(v_old) o WHERE a.partnership_id = o.partnership_id AND a.escalation_id = o.escalation_id;
      INSERT INTO analytics_escalation SELECT * FROM unnest(v_new);
      INSERT INTO analytics_escalation_month AS f (${ESCALATION_FACT_COLUMNS}, escalations)
      ${ESCALATION_FACT_SELECT(SIGNED, 'sum(d.sign)')}
      HAVING sum(d.sign) <> 0
      ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13
      ON CONFLICT (${ESCALATION_FACT_COLUMNS}) DO UPDATE SET escalations = f.escalations + EXCLUDED.escalations;
      ${DROP_EMPTY('analytics_escalation_month', 'escalations')}

${options.weeks ? RECOUNT_WEEKS + COUNT_CLOSURES : ''}    END $fn$`;
}

/** Weeks an in-scope escalation entered, left or moved within, recounted whole (in analytics_sync_escalations). */
const RECOUNT_WEEKS = `
      -- Weeks an in-scope escalation entered, left or moved within: recounted whole.
      DELETE FROM analytics_theme_week w USING (${CHANGED_WEEKS}) c
      WHERE w.partnership_id = c.partnership_id AND w.category_code = c.category_code AND w.receiving_agency_id = c.receiving_agency_id AND w.week = c.week;
      INSERT INTO analytics_theme_week
      SELECT c.partnership_id, c.category_code, c.receiving_agency_id, c.week, x.n, x.first_at, x.last_at
      FROM (${CHANGED_WEEKS}) c
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS n, min(a.raised_at) AS first_at, max(a.raised_at) AS last_at
        FROM analytics_escalation a
        WHERE a.partnership_id = c.partnership_id AND a.category_code = c.category_code AND a.receiving_agency_id = c.receiving_agency_id
          AND a.raised_at >= to_timestamp(${WEEK_EPOCH} + c.week::float8 * ${WEEK_SECONDS})
          AND a.raised_at < to_timestamp(${WEEK_EPOCH} + (c.week + 1)::float8 * ${WEEK_SECONDS})
          AND a.status <> 'out_of_scope'
      ) x
      WHERE x.n > 0;
`;

/** analytics_sync_outcome_facts: the outcome facts and rule counts of the escalations given; returns the months whose cells changed. */
function syncOutcomeFactsSql(): string {
  return `
    CREATE FUNCTION analytics_sync_outcome_facts(p_partnership_ids bigint[], p_escalation_ids bigint[]) RETURNS analytics_cell_month[]
    ${SECURITY} SET plan_cache_mode = force_custom_plan AS $fn$
    DECLARE
      v_old analytics_outcome[];
      v_new analytics_outcome[];
      v_changed analytics_cell_month[];
      v_emptied analytics_rule_month[];
      v_negative boolean;
    BEGIN
      ${LOCK_PARTNERSHIPS}
      WITH k AS ${KEYS},
      stored AS (SELECT a.* FROM k JOIN analytics_outcome a ON a.partnership_id = k.partnership_id AND a.escalation_id = k.escalation_id)
      SELECT array_agg((c.*)::analytics_outcome) FILTER (WHERE c.escalation_id IS NOT NULL),
             array_agg((f.*)::analytics_outcome) FILTER (WHERE f.escalation_id IS NOT NULL)
      INTO v_old, v_new
      FROM stored c FULL JOIN (${FRESH_OUTCOMES('k')}) f
        ON f.partnership_id = c.partnership_id AND f.escalation_id = c.escalation_id AND f.rule_code = c.rule_code
      WHERE (c.*)::analytics_outcome IS DISTINCT FROM (f.*)::analytics_outcome;

      IF v_old IS NULL AND v_new IS NULL THEN RETURN '{}'; END IF;
      DELETE FROM analytics_outcome a USING unnest(v_old) o
      WHERE a.partnership_id = o.partnership_id AND a.escalation_id = o.escalation_id AND a.rule_code = o.rule_code;
      INSERT INTO analytics_outcome SELECT * FROM unnest(v_new);

      INSERT INTO analytics_outcome_month AS f (${OUTCOME_FACT_COLUMNS}, outcomes)
      ${OUTCOME_FACT_SELECT(SIGNED, 'sum(d.sign)')}
      HAVING sum(d.sign) <> 0
      ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
      ON CONFLICT (${OUTCOME_FACT_COLUMNS}) DO UPDATE SET outcomes = f.outcomes + EXCLUDED.outcomes;
      ${DROP_EMPTY('analytics_outcome_month', 'outcomes')}

      -- Counts that fell to zero go; only the rows touched are looked at (no index on the count, so updates stay HOT).
      WITH touched AS (
        INSERT INTO analytics_rule_month AS f (${RULE_FACT_COLUMNS}, outcomes)
        ${RULE_FACT_SELECT(SIGNED, 'sum(d.sign)')}
        HAVING sum(d.sign) <> 0
        ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
        ON CONFLICT (${RULE_FACT_COLUMNS}) DO UPDATE SET outcomes = f.outcomes + EXCLUDED.outcomes
        RETURNING f.*
      )
      SELECT array_agg(t) FILTER (WHERE t.outcomes = 0), coalesce(bool_or(t.outcomes < 0), false) INTO v_emptied, v_negative FROM touched t;
      IF v_negative THEN
        RAISE EXCEPTION 'analytics_rule_month holds a negative count: run SELECT analytics_rebuild()' USING ERRCODE = 'data_exception';
      END IF;
      DELETE FROM analytics_rule_month f USING unnest(v_emptied) z
      WHERE (f.grouping_set, f.partnership_id, f.raised_month, f.rule_code, f.limit_unit, f.stage_code, f.tier, f.status)
          = (z.grouping_set, z.partnership_id, z.raised_month, z.rule_code, z.limit_unit, z.stage_code, z.tier, z.status)
        AND f.urgency IS NOT DISTINCT FROM z.urgency AND f.raising_agency_id IS NOT DISTINCT FROM z.raising_agency_id
        AND f.receiving_agency_id IS NOT DISTINCT FROM z.receiving_agency_id AND f.category_code IS NOT DISTINCT FROM z.category_code;

      SELECT array_agg(x.key) INTO v_changed FROM (${CHANGED_MONTHS}) x;
      RETURN coalesce(v_changed, '{}');
    END $fn$`;
}

/** analytics_sync_outcomes as CreateAnalyticsFacts made it (for down). */
function previousSyncOutcomesSql(): string {
  return `
    CREATE OR REPLACE FUNCTION analytics_sync_outcomes(p_partnership_ids bigint[], p_escalation_ids bigint[]) RETURNS void
    ${SECURITY} AS $fn$
    DECLARE
      v_old analytics_outcome[];
      v_new analytics_outcome[];
    BEGIN
      ${LOCK_PARTNERSHIPS}
      WITH k AS ${KEYS},
      stored AS (SELECT a.* FROM k JOIN analytics_outcome a ON a.partnership_id = k.partnership_id AND a.escalation_id = k.escalation_id)
      SELECT array_agg((c.*)::analytics_outcome) FILTER (WHERE c.escalation_id IS NOT NULL),
             array_agg((f.*)::analytics_outcome) FILTER (WHERE f.escalation_id IS NOT NULL)
      INTO v_old, v_new
      FROM stored c FULL JOIN (${FRESH_OUTCOMES('k')}) f
        ON f.partnership_id = c.partnership_id AND f.escalation_id = c.escalation_id AND f.rule_code = c.rule_code
      WHERE (c.*)::analytics_outcome IS DISTINCT FROM (f.*)::analytics_outcome;

      IF v_old IS NULL AND v_new IS NULL THEN RETURN; END IF;
      DELETE FROM analytics_outcome a USING unnest(v_old) o
      WHERE a.partnership_id = o.partnership_id AND a.escalation_id = o.escalation_id AND a.rule_code = o.rule_code;
      INSERT INTO analytics_outcome SELECT * FROM unnest(v_new);

      INSERT INTO analytics_outcome_month AS f (${OUTCOME_FACT_COLUMNS}, outcomes)
      ${OUTCOME_FACT_SELECT(SIGNED, 'sum(d.sign)')}
      HAVING sum(d.sign) <> 0
      ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
      ON CONFLICT (${OUTCOME_FACT_COLUMNS}) DO UPDATE SET outcomes = f.outcomes + EXCLUDED.outcomes;
      ${DROP_EMPTY('analytics_outcome_month', 'outcomes')}

    END $fn$`;
}

/** analytics_rebuild: CreateAnalyticsFacts' own, and with `aggregates` this migration's. */
function rebuildSql(options: { aggregates: boolean }): string {
  const everyEscalation = `(SELECT partnership_id, id AS escalation_id FROM escalation)`;
  return `
    CREATE OR REPLACE FUNCTION analytics_rebuild() RETURNS void
    ${SECURITY} AS $fn$
    BEGIN
      PERFORM pg_advisory_xact_lock(${ADVISORY_CLASS}, id::integer) FROM (SELECT (id % 2147483647) AS id FROM partnership ORDER BY 1) p;
      ${options.aggregates ? `PERFORM set_config('work_mem', '256MB', true);` : ''}
      TRUNCATE analytics_escalation, analytics_outcome, analytics_escalation_month, analytics_outcome_month
               ${options.aggregates ? ', analytics_rule_month, analytics_duration_cell, analytics_theme_week, analytics_closure_month' : ''};
      INSERT INTO analytics_escalation ${FRESH_ESCALATIONS(everyEscalation)};
      INSERT INTO analytics_outcome ${FRESH_OUTCOMES(everyEscalation)};
      INSERT INTO analytics_escalation_month (${ESCALATION_FACT_COLUMNS}, escalations)
      ${ESCALATION_FACT_SELECT('analytics_escalation', 'count(*)')};
      INSERT INTO analytics_outcome_month (${OUTCOME_FACT_COLUMNS}, outcomes)
      ${OUTCOME_FACT_SELECT('analytics_outcome', 'count(*)')};
      ${options.aggregates ? `
      INSERT INTO analytics_rule_month (${RULE_FACT_COLUMNS}, outcomes) ${RULE_FACT_SELECT('analytics_outcome', 'count(*)')};
      PERFORM analytics_build_duration_cells();
      INSERT INTO analytics_theme_week ${FRESH_THEME_WEEKS};
      INSERT INTO analytics_closure_month ${FRESH_CLOSURES};
      ANALYZE analytics_rule_month, analytics_duration_cell, analytics_theme_week, analytics_closure_month;` : ''}
      ANALYZE analytics_escalation, analytics_outcome, analytics_escalation_month, analytics_outcome_month;
    END $fn$`;
}
