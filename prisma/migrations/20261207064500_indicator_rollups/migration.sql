-- Per-OPD rollups of the indicator facts and the facts version (issue 15, part 5).
--
-- indicator_rollup holds, per materialized year, OPD and education level, the counts the
-- indicators read (sql.ts/factCountsSql) as a TIMELINE: one row per day on which they
-- change, each row holding the counts in force from that day on. The counts as of D are
-- then, for each (OPD, level), the latest row with day <= D: one index probe per key
-- listed in indicator_rollup_key, whatever the number of employees.
--
-- The SKP score depends on the year's configured predicate scores, so the rollup keeps the
-- nilai sum and a count per predicate (p1..p5: the position in the PredikatSkp enum) and
-- the reader applies the scores.
--
-- Both follow every change of indicator_fact in the same statement (statement triggers
-- with transition tables), so they are exactly as current as the facts, in the writing
-- transaction: a fact row in force on [valid_from, valid_to) adds its counts from
-- valid_from and removes them from valid_to; the rows of the touched (OPD, level) from the
-- earliest changed day on are rewritten with a running sum. indicator_fact_version counts
-- the changes per year: the API's cache of answers is keyed by it, so a write that changes
-- a fact changes the key at once.

CREATE TABLE "indicator_rollup" (
  "year" INTEGER NOT NULL,
  "opd_id" INTEGER NOT NULL,
  "level" SMALLINT NOT NULL,
  "day" DATE NOT NULL,
  "n" INTEGER NOT NULL,
  "pns" INTEGER NOT NULL,
  "cpns" INTEGER NOT NULL,
  "pppk" INTEGER NOT NULL,
  "a_den" INTEGER NOT NULL,
  "a_num" INTEGER NOT NULL,
  "b_den" INTEGER NOT NULL,
  "b_num" INTEGER NOT NULL,
  "c_num" INTEGER NOT NULL,
  "d_num" INTEGER NOT NULL,
  "nilai_n" INTEGER NOT NULL,
  "nilai_cents" BIGINT NOT NULL,
  "p1" INTEGER NOT NULL,
  "p2" INTEGER NOT NULL,
  "p3" INTEGER NOT NULL,
  "p4" INTEGER NOT NULL,
  "p5" INTEGER NOT NULL,
  PRIMARY KEY ("year", "opd_id", "level", "day")
);

-- The (year, OPD, level) keys with a timeline: what a read probes.
CREATE TABLE "indicator_rollup_key" (
  "year" INTEGER NOT NULL,
  "opd_id" INTEGER NOT NULL,
  "level" SMALLINT NOT NULL,
  PRIMARY KEY ("year", "opd_id", "level")
);

CREATE TABLE "indicator_fact_version" (
  "year" INTEGER PRIMARY KEY,
  "version" BIGINT NOT NULL
);

-- The statement that applies the changes `src` (a query yielding indicator_fact rows with
-- a sign column `s`: +1 added, -1 removed) to the timelines; it yields the touched years.
CREATE FUNCTION indicator_rollup_sql(src text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $f$
DECLARE
  cols text[] := ARRAY['n', 'pns', 'cpns', 'pppk', 'a_den', 'a_num', 'b_den', 'b_num', 'c_num', 'd_num', 'nilai_n',
                       'nilai_cents', 'p1', 'p2', 'p3', 'p4', 'p5'];
  -- each column's delta of one fact row (weight w = ±1)
  deltas text[] := ARRAY['sum(w)', 'sum(w) FILTER (WHERE status = ''PNS'')', 'sum(w) FILTER (WHERE status = ''CPNS'')',
    'sum(w) FILTER (WHERE status = ''PPPK'')', 'sum(w) FILTER (WHERE eselon_holder)', 'sum(w) FILTER (WHERE eselon_holder AND leadership)',
    'sum(w) FILTER (WHERE jft)', 'sum(w) FILTER (WHERE jft AND functional)', 'sum(w) FILTER (WHERE jp >= 20)',
    'sum(w) FILTER (WHERE workshops > 0)', 'sum(w) FILTER (WHERE skp_cents IS NOT NULL)',
    'sum(w * skp_cents::bigint) FILTER (WHERE skp_cents IS NOT NULL)',
    'sum(w) FILTER (WHERE skp_cents IS NULL AND skp_predikat = 1)', 'sum(w) FILTER (WHERE skp_cents IS NULL AND skp_predikat = 2)',
    'sum(w) FILTER (WHERE skp_cents IS NULL AND skp_predikat = 3)', 'sum(w) FILTER (WHERE skp_cents IS NULL AND skp_predikat = 4)',
    'sum(w) FILTER (WHERE skp_cents IS NULL AND skp_predikat = 5)'];
  list text := array_to_string(cols, ', ');
  agg text;
  base text;
  own text;
  cum text;
  sets text;
BEGIN
  SELECT string_agg(format('COALESCE(%s, 0) AS %I', d, c), ', ' ORDER BY i) INTO agg FROM unnest(deltas, cols) WITH ORDINALITY u(d, c, i);
  SELECT string_agg(format('COALESCE(b.%1$I, 0) AS %1$I', c), ', ') INTO base FROM unnest(cols) c;
  -- an existing row as a delta against the row before it (the first one against the base)
  SELECT string_agg(format('r.%1$I - COALESCE(lag(r.%1$I) OVER w, b.%1$I, 0) AS %1$I', c), ', ') INTO own FROM unnest(cols) c;
  SELECT string_agg(format('b.%1$I + sum(sum(x.%1$I)) OVER (PARTITION BY x.year, x.opd_id, x.level ORDER BY x.day)', c), ', ') INTO cum FROM unnest(cols) c;
  SELECT string_agg(format('%1$I = EXCLUDED.%1$I', c), ', ') INTO sets FROM unnest(cols) c;
  RETURN format($q$
    WITH d AS MATERIALIZED (
      SELECT year, opd_id, level, day, %2$s
      FROM (
        SELECT c.year, c.opd_id, c.level, e.day, c.s * e.k AS w, c.status, c.eselon_holder, c.leadership,
          c.jft, c.functional, c.jp, c.workshops, c.skp_cents, c.skp_predikat
        FROM (%1$s) c
        CROSS JOIN LATERAL (VALUES (c.valid_from, 1), (c.valid_to, -1)) e(day, k)
        WHERE e.day < make_date(c.year + 1, 1, 1)
      ) ch
      GROUP BY year, opd_id, level, day
    ),
    k AS MATERIALIZED (SELECT year, opd_id, level, min(day) AS m FROM d GROUP BY year, opd_id, level),
    -- the counts of each touched key just before its earliest change
    b AS MATERIALIZED (
      SELECT k.year, k.opd_id, k.level, k.m, %3$s
      FROM k LEFT JOIN LATERAL (
        SELECT * FROM indicator_rollup r WHERE r.year = k.year AND r.opd_id = k.opd_id AND r.level = k.level AND r.day < k.m
        ORDER BY r.day DESC LIMIT 1
      ) b ON true
    ),
    x AS (
      SELECT year, opd_id, level, day, %6$s FROM d
      UNION ALL
      SELECT r.year, r.opd_id, r.level, r.day, %4$s
      FROM indicator_rollup r JOIN b ON r.year = b.year AND r.opd_id = b.opd_id AND r.level = b.level AND r.day >= b.m
      WINDOW w AS (PARTITION BY r.year, r.opd_id, r.level ORDER BY r.day)
    ),
    keys AS (
      INSERT INTO indicator_rollup_key (year, opd_id, level) SELECT year, opd_id, level FROM k ORDER BY 1, 2, 3
      ON CONFLICT DO NOTHING
    ),
    up AS (
      INSERT INTO indicator_rollup AS r (year, opd_id, level, day, %6$s)
      SELECT x.year, x.opd_id, x.level, x.day, %5$s
      FROM x JOIN b ON b.year = x.year AND b.opd_id = x.opd_id AND b.level = x.level
      GROUP BY x.year, x.opd_id, x.level, x.day, %8$s
      ORDER BY 1, 2, 3, 4
      ON CONFLICT (year, opd_id, level, day) DO UPDATE SET %7$s
    )
    SELECT array_agg(DISTINCT year) FROM k
  $q$, src, agg, base, own, cum, list, sets,
    (SELECT string_agg(format('b.%I', c), ', ') FROM unnest(cols) c));
END $f$;

-- Follows a change of indicator_fact: the timelines, the version of each touched year.
-- One writer at a time (taken after the facts' own locks, so always in the same order):
-- the rewrites of two transactions never interleave.
CREATE FUNCTION indicator_rollup_follow() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  src text;
  ys int[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    src := 'SELECT 1 AS s, * FROM new_rows';
  ELSIF TG_OP = 'DELETE' THEN
    src := 'SELECT -1 AS s, * FROM old_rows';
  ELSE
    src := 'SELECT 1 AS s, * FROM new_rows UNION ALL SELECT -1 AS s, * FROM old_rows';
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('indicator_rollup'));
  EXECUTE indicator_rollup_sql(src) INTO ys;
  IF ys IS NULL THEN RETURN NULL; END IF;
  INSERT INTO indicator_fact_version AS v (year, version) SELECT y, 1 FROM unnest(ys) y ORDER BY y
    ON CONFLICT (year) DO UPDATE SET version = v.version + 1;
  RETURN NULL;
END $$;

CREATE TRIGGER indicator_rollup_ins AFTER INSERT ON "indicator_fact"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_rollup_follow();
CREATE TRIGGER indicator_rollup_upd AFTER UPDATE ON "indicator_fact"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_rollup_follow();
CREATE TRIGGER indicator_rollup_del AFTER DELETE ON "indicator_fact"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_rollup_follow();

-- Rebuilds the timelines of every materialized year from the facts (the migration fills
-- them so; an operator's repair). Bumps every version: cached answers are dropped.
CREATE FUNCTION rebuild_indicator_rollups() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  ys int[];
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('indicator_fact'));
  PERFORM pg_advisory_xact_lock(hashtext('indicator_rollup'));
  DELETE FROM indicator_rollup;
  DELETE FROM indicator_rollup_key;
  EXECUTE indicator_rollup_sql('SELECT 1 AS s, * FROM indicator_fact') INTO ys;
  INSERT INTO indicator_fact_version AS v (year, version) SELECT year, 1 FROM indicator_fact_year
    ON CONFLICT (year) DO UPDATE SET version = v.version + 1;
END $$;

-- The years already materialized.
SELECT rebuild_indicator_rollups();
