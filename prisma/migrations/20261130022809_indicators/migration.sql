-- CreateTable
CREATE TABLE "indicator_target" (
    "year" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "target" DECIMAL(12,4) NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "updated_by_id" INTEGER,

    CONSTRAINT "indicator_target_pkey" PRIMARY KEY ("year","code")
);

-- CreateTable
CREATE TABLE "indicator_weight" (
    "year" INTEGER NOT NULL,
    "ikp" DECIMAL(7,4) NOT NULL,
    "ikom" DECIMAL(7,4) NOT NULL,
    "ikin" DECIMAL(7,4) NOT NULL,
    "idis" DECIMAL(7,4) NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "updated_by_id" INTEGER,

    CONSTRAINT "indicator_weight_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "indicator_predicate_score" (
    "year" INTEGER NOT NULL,
    "predikat" "PredikatSkp" NOT NULL,
    "score" DECIMAL(5,2) NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "updated_by_id" INTEGER,

    CONSTRAINT "indicator_predicate_score_pkey" PRIMARY KEY ("year","predikat")
);

-- CreateTable
CREATE TABLE "indicator_snapshot" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "opd_id" INTEGER,
    "as_of" DATE NOT NULL,
    "note" TEXT NOT NULL,
    "result" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_id" INTEGER,

    CONSTRAINT "indicator_snapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "indicator_snapshot_year_opd_id_created_at_idx" ON "indicator_snapshot"("year", "opd_id", "created_at");

-- AddForeignKey
ALTER TABLE "indicator_snapshot" ADD CONSTRAINT "indicator_snapshot_opd_id_fkey" FOREIGN KEY ("opd_id") REFERENCES "opd"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Hand-written: indexes for the live indicators (server/src/modules/indicators/sql.ts).
-- Every per-employee input is read in employee-id order by an index-only scan, so the
-- agency-wide plan merge-joins them without sorting or hashing a million rows.

-- Position on D: the latest row with tmt_jabatan <= D per employee (DISTINCT ON, no sort).
CREATE INDEX "riwayat_jabatan_indicator_asof_idx" ON "riwayat_jabatan" ("employee_id", "tmt_jabatan" DESC)
  INCLUDE ("opd_id", "jenis_jabatan", "eselon");
-- Education on D.
CREATE INDEX "riwayat_pendidikan_indicator_idx" ON "riwayat_pendidikan" ("employee_id")
  INCLUDE ("jenjang", "tahun_lulus", "tanggal_ijazah");
-- JP and workshops of the year: only the year's rows are read.
CREATE INDEX "riwayat_diklat_indicator_selesai_idx" ON "riwayat_diklat" ("tanggal_selesai")
  INCLUDE ("employee_id", "jenis", "jp");
-- Leadership / functional training completed on or before D.
CREATE INDEX "riwayat_diklat_indicator_lead_idx" ON "riwayat_diklat" ("employee_id", "tanggal_selesai")
  WHERE "jenis" = 'KEPEMIMPINAN';
CREATE INDEX "riwayat_diklat_indicator_func_idx" ON "riwayat_diklat" ("employee_id", "tanggal_selesai")
  WHERE "jenis" = 'FUNGSIONAL';
-- SKP of the year, in employee order.
CREATE INDEX "riwayat_skp_indicator_idx" ON "riwayat_skp" ("tahun", "employee_id") INCLUDE ("nilai", "predikat");
-- Population on D and the fallback unit/position/education, in employee order.
CREATE INDEX "employee_indicator_idx" ON "employee" ("id")
  INCLUDE ("status_kepegawaian", "tmt_cpns", "tmt_pppk", "tmt_berhenti", "opd_id", "jenis_jabatan", "eselon", "pendidikan_terakhir");

-- Snapshots are frozen: a stored result is never changed or removed.
CREATE FUNCTION indicator_snapshot_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'indicator_snapshot is frozen';
END $$;
CREATE TRIGGER indicator_snapshot_no_change BEFORE UPDATE OR DELETE ON "indicator_snapshot"
  FOR EACH ROW EXECUTE FUNCTION indicator_snapshot_frozen();
