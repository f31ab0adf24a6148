import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the analytics read (server/src/analytics), kept current on every write by
 * statement-level triggers, so that a bulk insert of thousands of rows costs one
 * maintenance pass, not thousands:
 *
 * - `analytics_escalation`: one narrow row per escalation with the dimensions every
 *   statistic filters and groups by, its Europe/London month of raising, and
 *   `entered_mask` (bit ladder_order − 1 set for each stage it has a stage entry for).
 * - `analytics_outcome`: one row per timescale outcome that counts (never
 *   `not_applicable`, never of an out-of-scope escalation), carrying its escalation's
 *   dimensions so that breach statistics need no join.
 * - `analytics_escalation_month` and `analytics_outcome_month`: counts per month of
 *   raising for a few fixed "grouping sets" (a bitmask of the dimensions kept; the
 *   others are NULL). The server picks the smallest set holding every dimension a query
 *   filters or groups by; months only partly inside a period are read from the row tables.
 *
 * Every change goes through `analytics_sync_escalations` / `analytics_sync_outcomes`,
 * which recompute the rows of the escalations touched, compare them with what is stored
 * and apply only the difference to the month counts. They are idempotent, so a statement
 * that writes an escalation and its stage entries together (the demo generator does) is
 * counted once whichever trigger fires first. `analytics_rebuild()` recomputes everything.
 *
 * The trigger functions are SECURITY DEFINER: whoever writes an escalation keeps the
 * analytics right without being granted the analytics tables. Analytics rows carry no
 * foreign keys (they are derived, like an index; an escalation's deletion must still be
 * seen to subtract it). A per-partnership advisory lock serialises maintenance, so two
 * writers never take fact-row locks in opposite orders.
 */
export class CreateAnalyticsFacts1764200000000 implements MigrationInterface {
  name = 'CreateAnalyticsFacts1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await createTables(q);
    await createSyncFunctions(q);
    await createTriggers(q);
    await q.query(`SELECT analytics_rebuild()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, name] of TRIGGERS) await q.query(`DROP TRIGGER IF EXISTS ${name} ON ${table}`);
    for (const fn of FUNCTIONS) await q.query(`DROP FUNCTION IF EXISTS ${fn}`);
    for (const table of ['analytics_outcome_month', 'analytics_escalation_month', 'analytics_outcome', 'analytics_escalation', 'analytics_grouping_set']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}

/** Bits of the grouping-set masks; the server's cube planner (analytics/cube-source.ts) uses the same. */
const DIM = {
  protocol: 1, urgency: 2, status: 4, highestTier: 8, highestStage: 16, resolvedTier: 32, entered: 64,
  raising: 128, receiving: 256, category: 512,
} as const;
const OUTCOME_DIMS = DIM.protocol | DIM.urgency | DIM.status | DIM.highestTier | DIM.highestStage | DIM.resolvedTier | DIM.entered;
const REACH = DIM.urgency | DIM.status | DIM.highestTier | DIM.resolvedTier;
const ESCALATION_SETS = [
  OUTCOME_DIMS,
  REACH | DIM.raising,
  REACH | DIM.receiving,
  REACH | DIM.category,
  DIM.urgency | DIM.status | DIM.raising | DIM.receiving,
  DIM.urgency | DIM.status | DIM.category | DIM.receiving,
];
const BASE = DIM.urgency | DIM.status;
const OUTCOME_SETS = [BASE, BASE | DIM.raising, BASE | DIM.receiving, BASE | DIM.category];

const LONDON_MONTH = (column: string) => `date_trunc('month', ${column} AT TIME ZONE 'Europe/London')::date`;

async function createTables(q: QueryRunner): Promise<void> {
  await q.query(`
    CREATE TABLE analytics_grouping_set (
      fact text NOT NULL CONSTRAINT analytics_grouping_set_fact_known CHECK (fact IN ('escalation', 'outcome')),
      mask integer NOT NULL,
      CONSTRAINT analytics_grouping_set_pkey PRIMARY KEY (fact, mask)
    )`);
  await q.query(
    `INSERT INTO analytics_grouping_set (fact, mask) SELECT 'escalation', unnest($1::int[]) UNION ALL SELECT 'outcome', unnest($2::int[])`,
    [ESCALATION_SETS, OUTCOME_SETS],
  );

  await q.query(`
    CREATE TABLE analytics_escalation (
      partnership_id bigint NOT NULL,
      escalation_id bigint NOT NULL,
      protocol_id bigint NOT NULL,
      raised_at timestamptz NOT NULL,
      raised_month date NOT NULL,
      raising_agency_id bigint NOT NULL,
      receiving_agency_id bigint NOT NULL,
      category_code text NOT NULL,
      urgency text NOT NULL,
      status text NOT NULL,
      highest_tier smallint NOT NULL,
      highest_stage_order integer NOT NULL,
      resolved_tier smallint,
      entered_mask bigint NOT NULL,
      closed_at timestamptz,
      CONSTRAINT analytics_escalation_pkey PRIMARY KEY (partnership_id, escalation_id)
    )`);
  await q.query(`CREATE INDEX analytics_escalation_raised_idx ON analytics_escalation (partnership_id, raised_at)`);

  await q.query(`
    CREATE TABLE analytics_outcome (
      partnership_id bigint NOT NULL,
      escalation_id bigint NOT NULL,
      rule_code text NOT NULL,
      protocol_id bigint NOT NULL,
      stage_code text NOT NULL,
      tier smallint NOT NULL,
      limit_unit text NOT NULL,
      status text NOT NULL CONSTRAINT analytics_outcome_status_counted CHECK (status IN ('met', 'breached', 'overdue', 'pending')),
      deadline timestamptz,
      elapsed double precision,
      lateness double precision,
      raised_at timestamptz NOT NULL,
      raised_month date NOT NULL,
      raising_agency_id bigint NOT NULL,
      receiving_agency_id bigint NOT NULL,
      category_code text NOT NULL,
      urgency text NOT NULL,
      CONSTRAINT analytics_outcome_pkey PRIMARY KEY (partnership_id, escalation_id, rule_code)
    )`);
  await q.query(`CREATE INDEX analytics_outcome_raised_idx ON analytics_outcome (partnership_id, raised_at)`);
  await q.query(`CREATE INDEX analytics_outcome_live_idx ON analytics_outcome (partnership_id, deadline) WHERE status IN ('pending', 'overdue')`);

  await q.query(`
    CREATE TABLE analytics_escalation_month (
      grouping_set integer NOT NULL,
      partnership_id bigint NOT NULL,
      raised_month date NOT NULL,
      protocol_id bigint,
      urgency text,
      status text,
      highest_tier smallint,
      highest_stage_order integer,
      resolved_tier smallint,
      entered_mask bigint,
      raising_agency_id bigint,
      receiving_agency_id bigint,
      category_code text,
      escalations integer NOT NULL,
      CONSTRAINT analytics_escalation_month_key UNIQUE NULLS NOT DISTINCT (grouping_set, partnership_id, raised_month, protocol_id,
        urgency, status, highest_tier, highest_stage_order, resolved_tier, entered_mask, raising_agency_id, receiving_agency_id, category_code)
    )`);
  // No CHECK (escalations >= 0): PostgreSQL checks an upsert's proposed row before finding the conflict,
  // so a negative delta could not be applied. The sync functions check for negatives through this index.
  await q.query(`CREATE INDEX analytics_escalation_month_empty_idx ON analytics_escalation_month (partnership_id) WHERE escalations <= 0`);

  await q.query(`
    CREATE TABLE analytics_outcome_month (
      grouping_set integer NOT NULL,
      partnership_id bigint NOT NULL,
      raised_month date NOT NULL,
      urgency text,
      status text,
      raising_agency_id bigint,
      receiving_agency_id bigint,
      category_code text,
      outcomes integer NOT NULL,
      CONSTRAINT analytics_outcome_month_key UNIQUE NULLS NOT DISTINCT (grouping_set, partnership_id, raised_month,
        urgency, status, raising_agency_id, receiving_agency_id, category_code)
    )`);
  await q.query(`CREATE INDEX analytics_outcome_month_empty_idx ON analytics_outcome_month (partnership_id) WHERE outcomes <= 0`);
}

/** The escalation rows as they should be, for the escalations in relation `keys` (partnership_id, escalation_id). */
const FRESH_ESCALATIONS = (keys: string) => `
  SELECT e.partnership_id, e.id AS escalation_id, e.protocol_id, e.raised_at, ${LONDON_MONTH('e.raised_at')} AS raised_month,
         e.raising_agency_id, e.receiving_agency_id, e.category_code, e.urgency, e.status, e.highest_tier,
         e.highest_stage_order, e.resolved_tier,
         coalesce((SELECT bit_or(1::bigint << (s.ladder_order - 1)) FROM stage_entry s
                   WHERE s.partnership_id = e.partnership_id AND s.escalation_id = e.id AND s.ladder_order BETWEEN 1 AND 62), 0) AS entered_mask,
         e.closed_at
  FROM ${keys} k JOIN escalation e ON e.partnership_id = k.partnership_id AND e.id = k.escalation_id`;

/** The outcome rows as they should be, for the escalations in relation `keys`. */
const FRESH_OUTCOMES = (keys: string) => `
  SELECT o.partnership_id, o.escalation_id, o.rule_code, o.protocol_id, o.stage_code, o.tier, o.limit_unit, o.status,
         o.deadline, o.elapsed, o.lateness, e.raised_at, ${LONDON_MONTH('e.raised_at')} AS raised_month,
         e.raising_agency_id, e.receiving_agency_id, e.category_code, e.urgency
  FROM ${keys} k
  JOIN escalation e ON e.partnership_id = k.partnership_id AND e.id = k.escalation_id
  JOIN timescale_outcome o ON o.partnership_id = e.partnership_id AND o.escalation_id = e.id
  WHERE o.status <> 'not_applicable' AND e.status <> 'out_of_scope'`;

const ESCALATION_FACT_COLUMNS = `grouping_set, partnership_id, raised_month, protocol_id, urgency, status, highest_tier,
  highest_stage_order, resolved_tier, entered_mask, raising_agency_id, receiving_agency_id, category_code`;

/** Projects rows `d` (with a `sign`) onto every escalation grouping set `s`, summed. */
const ESCALATION_FACT_SELECT = (rows: string, count: string) => `
  SELECT s.mask, d.partnership_id, d.raised_month,
         CASE WHEN s.mask & ${DIM.protocol} <> 0 THEN d.protocol_id END,
         CASE WHEN s.mask & ${DIM.urgency} <> 0 THEN d.urgency END,
         CASE WHEN s.mask & ${DIM.status} <> 0 THEN d.status END,
         CASE WHEN s.mask & ${DIM.highestTier} <> 0 THEN d.highest_tier END,
         CASE WHEN s.mask & ${DIM.highestStage} <> 0 THEN d.highest_stage_order END,
         CASE WHEN s.mask & ${DIM.resolvedTier} <> 0 THEN d.resolved_tier END,
         CASE WHEN s.mask & ${DIM.entered} <> 0 THEN d.entered_mask END,
         CASE WHEN s.mask & ${DIM.raising} <> 0 THEN d.raising_agency_id END,
         CASE WHEN s.mask & ${DIM.receiving} <> 0 THEN d.receiving_agency_id END,
         CASE WHEN s.mask & ${DIM.category} <> 0 THEN d.category_code END,
         ${count}
  FROM ${rows} d JOIN analytics_grouping_set s ON s.fact = 'escalation'
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13`;

const OUTCOME_FACT_COLUMNS = `grouping_set, partnership_id, raised_month, urgency, status, raising_agency_id, receiving_agency_id, category_code`;

const OUTCOME_FACT_SELECT = (rows: string, count: string) => `
  SELECT s.mask, d.partnership_id, d.raised_month,
         CASE WHEN s.mask & ${DIM.urgency} <> 0 THEN d.urgency END,
         CASE WHEN s.mask & ${DIM.status} <> 0 THEN d.status END,
         CASE WHEN s.mask & ${DIM.raising} <> 0 THEN d.raising_agency_id END,
         CASE WHEN s.mask & ${DIM.receiving} <> 0 THEN d.receiving_agency_id END,
         CASE WHEN s.mask & ${DIM.category} <> 0 THEN d.category_code END,
         ${count}
  FROM ${rows} d JOIN analytics_grouping_set s ON s.fact = 'outcome'
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`;

const KEYS = `(SELECT DISTINCT k.partnership_id, k.escalation_id FROM unnest(p_partnership_ids, p_escalation_ids) AS k (partnership_id, escalation_id))`;

/** First key of the advisory locks that serialise fact maintenance; the second is the partnership id. */
const ADVISORY_CLASS = 74_200_001;

/** Takes the maintenance lock of every partnership in p_partnership_ids, in id order. */
const LOCK_PARTNERSHIPS = `
  PERFORM pg_advisory_xact_lock(${ADVISORY_CLASS}, (p.id % 2147483647)::integer)
  FROM (SELECT DISTINCT unnest(p_partnership_ids) AS id ORDER BY 1) p;`;

/** Deletes counts that fell to zero; a negative count means the facts lost step with the rows: refuse the write. */
const DROP_EMPTY = (table: string, column: string) => `
  DELETE FROM ${table} WHERE ${column} = 0;
  IF EXISTS (SELECT 1 FROM ${table} WHERE ${column} < 0) THEN
    RAISE EXCEPTION '${table} holds a negative count: run SELECT analytics_rebuild()' USING ERRCODE = 'data_exception';
  END IF;`;

/**
 * A sync function: the stored rows of the escalations given (`key` columns identify a row)
 * are compared with their fresh version by a FULL JOIN (always a hash or merge join,
 * whatever the planner guesses about the arrays' sizes); rows that differ are replaced,
 * and their difference (+1 new, −1 old) is added to the month counts.
 */
function syncFunction(options: {
  name: string; table: string; fresh: string; key: readonly string[];
  fact: string; factColumns: string; factSelect: (rows: string, count: string) => string; countColumn: string; groupColumns: number;
}): string {
  const { table, key } = options;
  const on = (a: string, b: string) => key.map((c) => `${a}.${c} = ${b}.${c}`).join(' AND ');
  const orderBy = Array.from({ length: options.groupColumns }, (_, i) => i + 1).join(', ');
  return `
    CREATE FUNCTION ${options.name}(p_partnership_ids bigint[], p_escalation_ids bigint[]) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
    DECLARE
      v_old ${table}[];
      v_new ${table}[];
    BEGIN
      ${LOCK_PARTNERSHIPS}
      WITH k AS ${KEYS},
      stored AS (SELECT a.* FROM k JOIN ${table} a ON a.partnership_id = k.partnership_id AND a.escalation_id = k.escalation_id)
      SELECT array_agg((c.*)::${table}) FILTER (WHERE c.escalation_id IS NOT NULL),
             array_agg((f.*)::${table}) FILTER (WHERE f.escalation_id IS NOT NULL)
      INTO v_old, v_new
      FROM stored c FULL JOIN (${options.fresh}) f ON ${on('f', 'c')}
      WHERE (c.*)::${table} IS DISTINCT FROM (f.*)::${table};

      IF v_old IS NULL AND v_new IS NULL THEN RETURN; END IF;
      DELETE FROM ${table} a USING unnest(v_old) o WHERE ${on('a', 'o')};
      INSERT INTO ${table} SELECT * FROM unnest(v_new);
      INSERT INTO ${options.fact} AS f (${options.factColumns}, ${options.countColumn})
      ${options.factSelect(`(SELECT r.*, 1 AS sign FROM unnest(v_new) r UNION ALL SELECT r.*, -1 FROM unnest(v_old) r)`, 'sum(d.sign)')}
      HAVING sum(d.sign) <> 0
      ORDER BY ${orderBy}
      ON CONFLICT (${options.factColumns}) DO UPDATE SET ${options.countColumn} = f.${options.countColumn} + EXCLUDED.${options.countColumn};
      ${DROP_EMPTY(options.fact, options.countColumn)}
    END $fn$`;
}

async function createSyncFunctions(q: QueryRunner): Promise<void> {
  await q.query(syncFunction({
    name: 'analytics_sync_escalations', table: 'analytics_escalation', fresh: FRESH_ESCALATIONS('k'),
    key: ['partnership_id', 'escalation_id'], fact: 'analytics_escalation_month', factColumns: ESCALATION_FACT_COLUMNS,
    factSelect: ESCALATION_FACT_SELECT, countColumn: 'escalations', groupColumns: 13,
  }));
  await q.query(syncFunction({
    name: 'analytics_sync_outcomes', table: 'analytics_outcome', fresh: FRESH_OUTCOMES('k'),
    key: ['partnership_id', 'escalation_id', 'rule_code'], fact: 'analytics_outcome_month', factColumns: OUTCOME_FACT_COLUMNS,
    factSelect: OUTCOME_FACT_SELECT, countColumn: 'outcomes', groupColumns: 8,
  }));

  const everyEscalation = `(SELECT partnership_id, id AS escalation_id FROM escalation)`;
  await q.query(`
    CREATE FUNCTION analytics_rebuild() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
    BEGIN
      PERFORM pg_advisory_xact_lock(${ADVISORY_CLASS}, id::integer) FROM (SELECT (id % 2147483647) AS id FROM partnership ORDER BY 1) p;
      TRUNCATE analytics_escalation, analytics_outcome, analytics_escalation_month, analytics_outcome_month;
      INSERT INTO analytics_escalation ${FRESH_ESCALATIONS(everyEscalation)};
      INSERT INTO analytics_outcome ${FRESH_OUTCOMES(everyEscalation)};
      INSERT INTO analytics_escalation_month (${ESCALATION_FACT_COLUMNS}, escalations)
      ${ESCALATION_FACT_SELECT('analytics_escalation', 'count(*)')};
      INSERT INTO analytics_outcome_month (${OUTCOME_FACT_COLUMNS}, outcomes)
      ${OUTCOME_FACT_SELECT('analytics_outcome', 'count(*)')};
      ANALYZE analytics_escalation, analytics_outcome, analytics_escalation_month, analytics_outcome_month;
    END $fn$`);

  // One trigger function per table: it gathers the escalations a statement touched from its transition table.
  const changed = (name: string, column: string, sync: string) => q.query(`
    CREATE FUNCTION ${name}() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
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
      IF v_partnerships IS NOT NULL THEN
        ${sync}
      END IF;
      RETURN NULL;
    END $fn$`);
  await changed('analytics_escalation_changed', 'id',
    'PERFORM analytics_sync_escalations(v_partnerships, v_escalations); PERFORM analytics_sync_outcomes(v_partnerships, v_escalations);');
  await changed('analytics_stage_entry_changed', 'escalation_id', 'PERFORM analytics_sync_escalations(v_partnerships, v_escalations);');
  await changed('analytics_timescale_outcome_changed', 'escalation_id', 'PERFORM analytics_sync_outcomes(v_partnerships, v_escalations);');
  await q.query(`
    CREATE FUNCTION analytics_escalation_truncated() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
    BEGIN
      PERFORM analytics_rebuild();
      RETURN NULL;
    END $fn$`);
}

const WATCHED: readonly [table: string, fn: string][] = [
  ['escalation', 'analytics_escalation_changed'],
  ['stage_entry', 'analytics_stage_entry_changed'],
  ['timescale_outcome', 'analytics_timescale_outcome_changed'],
];

const TRIGGERS: readonly [table: string, name: string][] = [
  ...WATCHED.flatMap(([table]) => ['insert', 'update', 'delete'].map((op): [string, string] => [table, `${table}_analytics_${op}`])),
  ['escalation', 'escalation_analytics_truncate'],
];

const FUNCTIONS = [
  'analytics_escalation_truncated()', 'analytics_timescale_outcome_changed()', 'analytics_stage_entry_changed()',
  'analytics_escalation_changed()', 'analytics_rebuild()', 'analytics_sync_outcomes(bigint[], bigint[])',
  'analytics_sync_escalations(bigint[], bigint[])',
];

async function createTriggers(q: QueryRunner): Promise<void> {
  for (const [table, fn] of WATCHED) {
    await q.query(`CREATE TRIGGER ${table}_analytics_insert AFTER INSERT ON ${table}
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
    await q.query(`CREATE TRIGGER ${table}_analytics_update AFTER UPDATE ON ${table}
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
    await q.query(`CREATE TRIGGER ${table}_analytics_delete AFTER DELETE ON ${table}
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
  }
  await q.query(`CREATE TRIGGER escalation_analytics_truncate AFTER TRUNCATE ON escalation
    FOR EACH STATEMENT EXECUTE FUNCTION analytics_escalation_truncated()`);
}
