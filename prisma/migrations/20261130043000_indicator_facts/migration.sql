-- Indicator facts: for each materialized year, one row per employee and span of
-- that year in which they are ASN aktif, with every fact the indicators read as of
-- a day in the span (unit, position, education, trainings, JP and workshops of the
-- year so far, SKP of the year). The live indicators for a materialized year are then
-- one range scan (server/src/modules/indicators/sql.ts, factCountsSql); other years
-- are computed from the histories directly (factsCte), with the same rules.
--
-- The facts are derived data, kept exact in the writing transaction itself: statement
-- triggers on the source tables note the employees touched (indicator_fact_dirty) and
-- a deferred constraint trigger recomputes them once, at commit, under per-employee
-- advisory locks, so two transactions touching one employee recompute one after the
-- other and the later one sees both changes (under READ COMMITTED, the isolation every
-- writer of this application uses: each statement of the recompute takes a fresh
-- snapshot after the lock). While no year is materialized, the recompute at commit
-- finds nothing to do.

CREATE TABLE "indicator_fact" (
  "year" INTEGER NOT NULL,
  "employee_id" INTEGER NOT NULL REFERENCES "employee"("id") ON DELETE CASCADE,
  "valid_from" DATE NOT NULL,
  "valid_to" DATE NOT NULL,
  "status" "StatusKepegawaian" NOT NULL,
  -- unit on the day (riwayat_jabatan in force, else the employee row)
  "opd_id" INTEGER NOT NULL,
  -- rank of the highest education in ref_pendidikan ordered by urutan (1 = lowest; 0 = code not listed)
  "level" SMALLINT NOT NULL,
  -- structural position with an eselon / functional position (JFT)
  "eselon_holder" BOOLEAN NOT NULL,
  "jft" BOOLEAN NOT NULL,
  -- a leadership / functional training completed on or before the day
  "leadership" BOOLEAN NOT NULL,
  "functional" BOOLEAN NOT NULL,
  -- JP and workshops of the trainings completed from 1 January of the year up to the day
  "jp" INTEGER NOT NULL,
  "workshops" INTEGER NOT NULL,
  -- SKP of the year: nilai × 100, and the predicate as its position in the PredikatSkp enum
  -- (the query maps it to the year's configured score)
  "skp_cents" INTEGER,
  "skp_predikat" SMALLINT,
  PRIMARY KEY ("year", "employee_id", "valid_from")
) PARTITION BY LIST ("year");

CREATE TABLE "indicator_fact_year" (
  "year" INTEGER PRIMARY KEY,
  "built_at" TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Recomputes the facts of the employees `ids` (NULL = all) for `years` (NULL = every materialized year).
CREATE FUNCTION refresh_indicator_facts(ids int[], years int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF years IS NULL THEN years := ARRAY(SELECT year FROM indicator_fact_year); END IF;
  IF ids IS NULL THEN
    ids := ARRAY(SELECT id FROM employee ORDER BY id);
    DELETE FROM indicator_fact f WHERE f.year = ANY(years);
  ELSE
    ids := ARRAY(SELECT DISTINCT x FROM unnest(ids) x WHERE x IS NOT NULL ORDER BY 1);
    DELETE FROM indicator_fact f USING unnest(ids) x(id) WHERE f.employee_id = x.id AND f.year = ANY(years);
  END IF;
  IF cardinality(ids) = 0 OR cardinality(years) = 0 THEN RETURN; END IF;
  INSERT INTO indicator_fact (year, employee_id, valid_from, valid_to, status, opd_id, level, eselon_holder, jft,
                              leadership, functional, jp, workshops, skp_cents, skp_predikat)
  WITH ranks AS (
    SELECT kode, row_number() OVER (ORDER BY urutan)::smallint AS rank FROM ref_pendidikan
  ),
  y AS (
    SELECT v AS year, make_date(v, 1, 1) AS y0, make_date(v + 1, 1, 1) AS y1 FROM unnest(years) v
  ),
  e AS (
    SELECT e.id, e.status_kepegawaian AS status,
      CASE WHEN e.status_kepegawaian = 'PPPK' THEN e.tmt_pppk ELSE e.tmt_cpns END AS appointed,
      e.tmt_berhenti AS left_on, e.opd_id, e.jenis_jabatan, e.eselon, e.pendidikan_terakhir
    FROM employee e JOIN unnest(ids) x(id) ON x.id = e.id
    WHERE e.status_kepegawaian IN ('PNS', 'CPNS', 'PPPK')
  ),
  ey AS (
    SELECT e.id, y.year, y.y0, y.y1 FROM e JOIN y
      ON COALESCE(e.appointed, y.y0) < y.y1 AND (e.left_on IS NULL OR e.left_on > y.y0)
  ),
  bp AS (
    SELECT id, year, y0 AS b FROM ey
    UNION SELECT ey.id, ey.year, j.tmt_jabatan FROM ey JOIN riwayat_jabatan j ON j.employee_id = ey.id
      AND j.tmt_jabatan > ey.y0 AND j.tmt_jabatan < ey.y1
    UNION SELECT ey.id, ey.year, COALESCE(p.tanggal_ijazah, make_date(p.tahun_lulus, 12, 31)) FROM ey JOIN riwayat_pendidikan p ON p.employee_id = ey.id
      AND COALESCE(p.tanggal_ijazah, make_date(p.tahun_lulus, 12, 31)) > ey.y0 AND COALESCE(p.tanggal_ijazah, make_date(p.tahun_lulus, 12, 31)) < ey.y1
    UNION SELECT ey.id, ey.year, k.tanggal_selesai FROM ey JOIN riwayat_diklat k ON k.employee_id = ey.id
      AND k.tanggal_selesai > ey.y0 AND k.tanggal_selesai < ey.y1
    UNION SELECT ey.id, ey.year, e.appointed FROM ey JOIN e ON e.id = ey.id WHERE e.appointed > ey.y0 AND e.appointed < ey.y1
    UNION SELECT ey.id, ey.year, e.left_on FROM ey JOIN e ON e.id = ey.id WHERE e.left_on > ey.y0 AND e.left_on < ey.y1
  ),
  sp AS (
    SELECT bp.id, bp.year, bp.b AS f, COALESCE(lead(bp.b) OVER (PARTITION BY bp.id, bp.year ORDER BY bp.b), make_date(bp.year + 1, 1, 1)) AS t
    FROM bp
  )
  SELECT sp.year, sp.id, sp.f, sp.t, e.status,
    COALESCE(j.opd_id, e.opd_id),
    COALESCE(rk.rank, 0),
    CASE WHEN j.employee_id IS NULL THEN e.jenis_jabatan = 'STRUKTURAL' AND NULLIF(e.eselon, '') IS NOT NULL
         ELSE j.jenis_jabatan = 'STRUKTURAL' AND NULLIF(j.eselon, '') IS NOT NULL END,
    CASE WHEN j.employee_id IS NULL THEN e.jenis_jabatan ELSE j.jenis_jabatan END = 'FUNGSIONAL',
    EXISTS (SELECT 1 FROM riwayat_diklat k WHERE k.employee_id = sp.id AND k.jenis = 'KEPEMIMPINAN' AND k.tanggal_selesai <= sp.f),
    EXISTS (SELECT 1 FROM riwayat_diklat k WHERE k.employee_id = sp.id AND k.jenis = 'FUNGSIONAL' AND k.tanggal_selesai <= sp.f),
    COALESCE(yr.jp, 0), COALESCE(yr.workshops, 0),
    round(s.nilai * 100)::int, array_position(enum_range(NULL::"PredikatSkp"), s.predikat)::smallint
  FROM sp
  JOIN e ON e.id = sp.id
  LEFT JOIN LATERAL (
    SELECT rj.employee_id, rj.opd_id, rj.jenis_jabatan, rj.eselon FROM riwayat_jabatan rj
    WHERE rj.employee_id = sp.id AND rj.tmt_jabatan <= sp.f ORDER BY rj.tmt_jabatan DESC LIMIT 1
  ) j ON true
  LEFT JOIN LATERAL (
    SELECT p.jenjang FROM riwayat_pendidikan p LEFT JOIN ref_pendidikan r ON r.kode = p.jenjang
    CROSS JOIN LATERAL (SELECT COALESCE(p.tanggal_ijazah, make_date(p.tahun_lulus, 12, 31)) AS done) c
    WHERE p.employee_id = sp.id
    ORDER BY (c.done IS NULL OR c.done <= sp.f) DESC,
      CASE WHEN c.done IS NULL OR c.done <= sp.f THEN r.urutan END DESC NULLS LAST,
      c.done ASC, r.urutan DESC NULLS LAST
    LIMIT 1
  ) edu ON true
  LEFT JOIN LATERAL (
    SELECT sum(k.jp)::int AS jp, count(*) FILTER (WHERE k.jenis = 'WORKSHOP')::int AS workshops FROM riwayat_diklat k
    WHERE k.employee_id = sp.id AND k.tanggal_selesai >= make_date(sp.year, 1, 1) AND k.tanggal_selesai <= sp.f
  ) yr ON true
  LEFT JOIN ranks rk ON rk.kode = COALESCE(edu.jenjang, e.pendidikan_terakhir)
  LEFT JOIN riwayat_skp s ON s.employee_id = sp.id AND s.tahun = sp.year
  WHERE COALESCE(e.appointed, sp.f) <= sp.f AND (e.left_on IS NULL OR e.left_on > sp.f);
END $$;

-- The partition of year `y`, created in its own short transaction before the build:
-- creating a partition locks the parent table, which must not stay locked while a
-- year is built (the indicators of the other years are read meanwhile).
CREATE FUNCTION create_indicator_partition(y int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF to_regclass(format('%I', 'indicator_fact_' || y)) IS NULL THEN
    EXECUTE format('CREATE TABLE %I PARTITION OF indicator_fact FOR VALUES IN (%s)', 'indicator_fact_' || y, y);
  END IF;
EXCEPTION WHEN duplicate_table THEN
  NULL; -- created meanwhile by a concurrent call
END $$;

-- Builds year `y` (false when it already exists). Holds the table-wide advisory lock:
-- writers keep writing and wait only at commit, where their recompute (which takes the
-- shared side of that lock) then sees the new year and adds their change to it; the
-- build itself sees everything committed before it started. Only reads the sources,
-- so it cannot deadlock with writers.
CREATE FUNCTION materialize_indicator_year(y int) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('indicator_fact'));
  IF EXISTS (SELECT 1 FROM indicator_fact_year WHERE year = y) THEN RETURN false; END IF;
  PERFORM create_indicator_partition(y);
  INSERT INTO indicator_fact_year (year) VALUES (y);
  PERFORM refresh_indicator_facts(NULL, ARRAY[y]);
  EXECUTE format('ANALYZE %I', 'indicator_fact_' || y);
  RETURN true;
END $$;

-- ---------------------------------------------------------------------------
-- Keeping the facts current.

CREATE TABLE "indicator_fact_dirty" (
  "tx" BIGINT NOT NULL,
  "employee_id" INTEGER NOT NULL,
  PRIMARY KEY ("tx", "employee_id")
);

-- Notes employees whose facts must be recomputed at commit. Also while no year is
-- materialized: a build may commit before this transaction does.
CREATE FUNCTION indicator_facts_touch(ids int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  INSERT INTO indicator_fact_dirty (tx, employee_id)
    SELECT DISTINCT txid_current(), x FROM unnest(ids) x WHERE x IS NOT NULL ORDER BY 2
    ON CONFLICT DO NOTHING;
  PERFORM set_config('simak.indicator_facts_flushed', '', true);
END $$;

-- At commit: recompute every employee noted in this transaction, once.
CREATE FUNCTION indicator_facts_flush() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids int[];
BEGIN
  IF current_setting('simak.indicator_facts_flushed', true) = 'yes' THEN RETURN NULL; END IF;
  PERFORM set_config('simak.indicator_facts_flushed', 'yes', true);
  WITH d AS (DELETE FROM indicator_fact_dirty WHERE tx = txid_current() RETURNING employee_id)
    SELECT array_agg(employee_id ORDER BY employee_id) INTO ids FROM d;
  IF ids IS NULL THEN RETURN NULL; END IF;
  -- One writer per employee at a time; a large batch takes the whole table.
  IF cardinality(ids) > 500 THEN
    PERFORM pg_advisory_xact_lock(hashtext('indicator_fact'));
  ELSE
    PERFORM pg_advisory_xact_lock_shared(hashtext('indicator_fact'));
    PERFORM pg_advisory_xact_lock(hashtext('indicator_fact'), x) FROM unnest(ids) x ORDER BY x;
  END IF;
  -- Read after the lock: a year built meanwhile is seen (and gets this change).
  IF NOT EXISTS (SELECT 1 FROM indicator_fact_year) THEN RETURN NULL; END IF;
  PERFORM refresh_indicator_facts(ids, NULL);
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER indicator_fact_flush AFTER INSERT ON "indicator_fact_dirty"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION indicator_facts_flush();

CREATE FUNCTION indicator_facts_on_employee() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM indicator_facts_touch(ARRAY(SELECT id FROM new_rows));
  ELSE
    PERFORM indicator_facts_touch(ARRAY(
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.status_kepegawaian, n.tmt_cpns, n.tmt_pppk, n.tmt_berhenti, n.opd_id, n.jenis_jabatan, n.eselon, n.pendidikan_terakhir)
        IS DISTINCT FROM (o.status_kepegawaian, o.tmt_cpns, o.tmt_pppk, o.tmt_berhenti, o.opd_id, o.jenis_jabatan, o.eselon, o.pendidikan_terakhir)));
  END IF;
  RETURN NULL;
END $$;
-- (A deleted employee's facts go with it: ON DELETE CASCADE.)
CREATE TRIGGER indicator_facts_employee_ins AFTER INSERT ON "employee"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_facts_on_employee();
CREATE TRIGGER indicator_facts_employee_upd AFTER UPDATE ON "employee"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_facts_on_employee();

-- The history tables: the employees of inserted and deleted rows, and of updated rows
-- whose columns the facts read changed (TG_ARGV: those columns, comma-separated).
CREATE FUNCTION indicator_facts_on_history() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids int[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    ids := ARRAY(SELECT employee_id FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    ids := ARRAY(SELECT employee_id FROM old_rows);
  ELSE
    EXECUTE format(
      'SELECT array_agg(x) FROM (SELECT n.employee_id AS x FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (%1$s) IS DISTINCT FROM (%2$s)
         UNION SELECT o.employee_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (%1$s) IS DISTINCT FROM (%2$s)) c',
      (SELECT string_agg('n.' || quote_ident(trim(c)), ', ') FROM unnest(string_to_array(TG_ARGV[0], ',')) c),
      (SELECT string_agg('o.' || quote_ident(trim(c)), ', ') FROM unnest(string_to_array(TG_ARGV[0], ',')) c))
      INTO ids;
  END IF;
  PERFORM indicator_facts_touch(ids);
  RETURN NULL;
END $$;

DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    ('riwayat_jabatan', 'jabatan', 'employee_id,tmt_jabatan,opd_id,jenis_jabatan,eselon'),
    ('riwayat_pendidikan', 'pendidikan', 'employee_id,jenjang,tahun_lulus,tanggal_ijazah'),
    ('riwayat_diklat', 'diklat', 'employee_id,jenis,tanggal_selesai,jp'),
    ('riwayat_skp', 'skp', 'employee_id,tahun,nilai,predikat')
  ) AS v(tbl, short, cols) LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION indicator_facts_on_history()', 'indicator_facts_' || t.short || '_ins', t.tbl);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION indicator_facts_on_history(%L)', 'indicator_facts_' || t.short || '_upd', t.tbl, t.cols);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION indicator_facts_on_history()', 'indicator_facts_' || t.short || '_del', t.tbl);
  END LOOP;
END $$;

-- Recomputes everything: after a change of the education ranking (it decides
-- "highest"), or a TRUNCATE of a source table (no transition rows to follow). The
-- lock comes first, so a year being built meanwhile is seen.
CREATE FUNCTION indicator_facts_rebuild_all() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('indicator_fact'));
  IF EXISTS (SELECT 1 FROM indicator_fact_year) THEN
    PERFORM refresh_indicator_facts(NULL, NULL);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER indicator_facts_levels AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ref_pendidikan"
  FOR EACH STATEMENT EXECUTE FUNCTION indicator_facts_rebuild_all();
CREATE TRIGGER indicator_facts_jabatan_trunc AFTER TRUNCATE ON "riwayat_jabatan"
  FOR EACH STATEMENT EXECUTE FUNCTION indicator_facts_rebuild_all();
CREATE TRIGGER indicator_facts_pendidikan_trunc AFTER TRUNCATE ON "riwayat_pendidikan"
  FOR EACH STATEMENT EXECUTE FUNCTION indicator_facts_rebuild_all();
CREATE TRIGGER indicator_facts_diklat_trunc AFTER TRUNCATE ON "riwayat_diklat"
  FOR EACH STATEMENT EXECUTE FUNCTION indicator_facts_rebuild_all();
CREATE TRIGGER indicator_facts_skp_trunc AFTER TRUNCATE ON "riwayat_skp"
  FOR EACH STATEMENT EXECUTE FUNCTION indicator_facts_rebuild_all();
