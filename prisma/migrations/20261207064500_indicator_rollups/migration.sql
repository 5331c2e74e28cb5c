-- Per-OPD rollups of the indicator facts and the facts version (issue 15, part 5).
--
-- indicator_rollup holds, per materialized year, the facts as DELTAS by the day they
-- start or stop being in force: a fact row in force on [valid_from, valid_to) adds its
-- counts at valid_from and removes them at valid_to (when that is inside the year). The
-- counts of a day D are then the sum of the rows with day <= D, per (OPD, education
-- level): a read whose size depends on the OPDs, levels and days with a change, never on
-- the number of employees. Rows whose deltas all cancel are deleted.
--
-- The columns are exactly what sql.ts/factCountsSql counts, except the SKP score: it
-- depends on the year's configured predicate scores, so the rollup keeps the nilai sum
-- and a count per predicate (p1..p5: the position in the PredikatSkp enum) and the
-- reader applies the scores.
--
-- Both follow every change of indicator_fact in the same statement (statement triggers
-- with transition tables), so they are exactly as current as the facts, in the writing
-- transaction. indicator_fact_version counts the changes per year: the API's cache of
-- answers is keyed by it, so a write that changes a fact changes the key at once.

CREATE TABLE "indicator_rollup" (
  "year" INTEGER NOT NULL,
  "day" DATE NOT NULL,
  "opd_id" INTEGER NOT NULL,
  "level" SMALLINT NOT NULL,
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
  PRIMARY KEY ("year", "day", "opd_id", "level")
);

CREATE TABLE "indicator_fact_version" (
  "year" INTEGER PRIMARY KEY,
  "version" BIGINT NOT NULL
);

-- The upsert of the deltas of `src` (a query yielding indicator_fact rows with a sign
-- column `s`: +1 added, -1 removed), then the removal of rows that cancelled out.
CREATE FUNCTION indicator_rollup_sql(src text) RETURNS text LANGUAGE sql IMMUTABLE AS $f$
SELECT format($q$
  WITH ch AS MATERIALIZED (
    SELECT c.year, e.day, c.opd_id, c.level, c.s * e.k AS w, c.status, c.eselon_holder, c.leadership,
      c.jft, c.functional, c.jp, c.workshops, c.skp_cents, c.skp_predikat
    FROM (%1$s) c
    CROSS JOIN LATERAL (VALUES (c.valid_from, 1), (c.valid_to, -1)) e(day, k)
    WHERE e.day < make_date(c.year + 1, 1, 1)
  ),
  up AS (
    INSERT INTO indicator_rollup AS r (year, day, opd_id, level, n, pns, cpns, pppk, a_den, a_num, b_den, b_num,
                                       c_num, d_num, nilai_n, nilai_cents, p1, p2, p3, p4, p5)
    SELECT year, day, opd_id, level,
      sum(w),
      COALESCE(sum(w) FILTER (WHERE status = 'PNS'), 0),
      COALESCE(sum(w) FILTER (WHERE status = 'CPNS'), 0),
      COALESCE(sum(w) FILTER (WHERE status = 'PPPK'), 0),
      COALESCE(sum(w) FILTER (WHERE eselon_holder), 0),
      COALESCE(sum(w) FILTER (WHERE eselon_holder AND leadership), 0),
      COALESCE(sum(w) FILTER (WHERE jft), 0),
      COALESCE(sum(w) FILTER (WHERE jft AND functional), 0),
      COALESCE(sum(w) FILTER (WHERE jp >= 20), 0),
      COALESCE(sum(w) FILTER (WHERE workshops > 0), 0),
      COALESCE(sum(w) FILTER (WHERE skp_cents IS NOT NULL), 0),
      COALESCE(sum(w * skp_cents::bigint) FILTER (WHERE skp_cents IS NOT NULL), 0),
      COALESCE(sum(w) FILTER (WHERE skp_cents IS NULL AND skp_predikat = 1), 0),
      COALESCE(sum(w) FILTER (WHERE skp_cents IS NULL AND skp_predikat = 2), 0),
      COALESCE(sum(w) FILTER (WHERE skp_cents IS NULL AND skp_predikat = 3), 0),
      COALESCE(sum(w) FILTER (WHERE skp_cents IS NULL AND skp_predikat = 4), 0),
      COALESCE(sum(w) FILTER (WHERE skp_cents IS NULL AND skp_predikat = 5), 0)
    FROM ch
    GROUP BY year, day, opd_id, level
    ORDER BY year, day, opd_id, level
    ON CONFLICT (year, day, opd_id, level) DO UPDATE SET
      n = r.n + EXCLUDED.n, pns = r.pns + EXCLUDED.pns, cpns = r.cpns + EXCLUDED.cpns, pppk = r.pppk + EXCLUDED.pppk,
      a_den = r.a_den + EXCLUDED.a_den, a_num = r.a_num + EXCLUDED.a_num, b_den = r.b_den + EXCLUDED.b_den,
      b_num = r.b_num + EXCLUDED.b_num, c_num = r.c_num + EXCLUDED.c_num, d_num = r.d_num + EXCLUDED.d_num,
      nilai_n = r.nilai_n + EXCLUDED.nilai_n, nilai_cents = r.nilai_cents + EXCLUDED.nilai_cents,
      p1 = r.p1 + EXCLUDED.p1, p2 = r.p2 + EXCLUDED.p2, p3 = r.p3 + EXCLUDED.p3, p4 = r.p4 + EXCLUDED.p4, p5 = r.p5 + EXCLUDED.p5
    RETURNING r.year, r.day, r.opd_id, r.level,
      (r.n, r.pns, r.cpns, r.pppk, r.a_den, r.a_num, r.b_den, r.b_num, r.c_num, r.d_num, r.nilai_n, r.nilai_cents,
       r.p1, r.p2, r.p3, r.p4, r.p5) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0) AS zero
  )
  SELECT array_agg(year) FILTER (WHERE zero), array_agg(day) FILTER (WHERE zero),
         array_agg(opd_id) FILTER (WHERE zero), array_agg(level) FILTER (WHERE zero),
         array_agg(DISTINCT year)
  FROM up
$q$, src)
$f$;

-- Follows a change of indicator_fact: deltas into the rollups, rows that cancelled out
-- removed, the version of each touched year bumped. One writer at a time (taken after
-- the facts' own locks, so always in the same order): the upserts of two transactions
-- never interleave.
CREATE FUNCTION indicator_rollup_follow() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  src text;
  zy int[];
  zd date[];
  zo int[];
  zl smallint[];
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
  EXECUTE indicator_rollup_sql(src) INTO zy, zd, zo, zl, ys;
  IF ys IS NULL THEN RETURN NULL; END IF;
  IF zy IS NOT NULL THEN
    DELETE FROM indicator_rollup r USING unnest(zy, zd, zo, zl) z(year, day, opd_id, level)
    WHERE r.year = z.year AND r.day = z.day AND r.opd_id = z.opd_id AND r.level = z.level
      AND (r.n, r.pns, r.cpns, r.pppk, r.a_den, r.a_num, r.b_den, r.b_num, r.c_num, r.d_num, r.nilai_n, r.nilai_cents,
           r.p1, r.p2, r.p3, r.p4, r.p5) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  END IF;
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

-- Rebuilds the rollups of every materialized year from the facts (the migration fills
-- them so; an operator's repair). Bumps every version: cached answers are dropped.
CREATE FUNCTION rebuild_indicator_rollups() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  zy int[]; zd date[]; zo int[]; zl smallint[]; ys int[];
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('indicator_fact'));
  PERFORM pg_advisory_xact_lock(hashtext('indicator_rollup'));
  DELETE FROM indicator_rollup;
  EXECUTE indicator_rollup_sql('SELECT 1 AS s, * FROM indicator_fact') INTO zy, zd, zo, zl, ys;
  DELETE FROM indicator_rollup r
  WHERE (r.n, r.pns, r.cpns, r.pppk, r.a_den, r.a_num, r.b_den, r.b_num, r.c_num, r.d_num, r.nilai_n, r.nilai_cents,
         r.p1, r.p2, r.p3, r.p4, r.p5) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  INSERT INTO indicator_fact_version AS v (year, version) SELECT year, 1 FROM indicator_fact_year
    ON CONFLICT (year) DO UPDATE SET version = v.version + 1;
END $$;

-- The years already materialized.
SELECT rebuild_indicator_rollups();
