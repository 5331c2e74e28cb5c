-- CreateTable
CREATE TABLE "kp_period_regime" (
    "id" SERIAL NOT NULL,
    "regulation" TEXT NOT NULL,
    "effective_from" DATE,
    "effective_until" DATE,
    "months" INTEGER[],
    "window_opens_months_before" INTEGER NOT NULL,
    "window_opens_day" INTEGER NOT NULL,
    "window_closes_months_before" INTEGER NOT NULL,
    "window_closes_day" INTEGER NOT NULL,
    "note" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "updated_by_id" INTEGER,

    CONSTRAINT "kp_period_regime_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kp_period" (
    "period" DATE NOT NULL,
    "window_opens" DATE NOT NULL,
    "window_closes" DATE NOT NULL,
    "note" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "updated_by_id" INTEGER,

    CONSTRAINT "kp_period_pkey" PRIMARY KEY ("period")
);

-- CreateTable
CREATE TABLE "angka_kredit" (
    "id" SERIAL NOT NULL,
    "employee_id" INTEGER NOT NULL,
    "nilai" DECIMAL(8,3) NOT NULL,
    "tanggal_pak" DATE NOT NULL,
    "nomor_pak" TEXT NOT NULL,
    "document_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "angka_kredit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "angka_kredit_employee_id_tanggal_pak_idx" ON "angka_kredit"("employee_id", "tanggal_pak");

-- CreateIndex
CREATE UNIQUE INDEX "angka_kredit_employee_id_nomor_pak_key" ON "angka_kredit"("employee_id", "nomor_pak");

-- AddForeignKey
ALTER TABLE "angka_kredit" ADD CONSTRAINT "angka_kredit_employee_id_fkey" FOREIGN KEY ("employee_id") REFERENCES "employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "angka_kredit" ADD CONSTRAINT "angka_kredit_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: the rules the service also checks, kept by the database.
ALTER TABLE "kp_period_regime"
  ADD CONSTRAINT "kp_period_regime_months_check"
    CHECK ("months" IS NOT NULL AND cardinality("months") BETWEEN 1 AND 12 AND "months" <@ ARRAY[1,2,3,4,5,6,7,8,9,10,11,12]),
  ADD CONSTRAINT "kp_period_regime_dates_check"
    CHECK ("effective_from" IS NULL OR "effective_until" IS NULL OR "effective_from" <= "effective_until"),
  ADD CONSTRAINT "kp_period_regime_window_check"
    CHECK ("window_opens_months_before" BETWEEN 0 AND 24 AND "window_closes_months_before" BETWEEN 0 AND 24
       AND "window_opens_day" BETWEEN 1 AND 31 AND "window_closes_day" BETWEEN 1 AND 31),
  -- Two regimes never apply on the same day (null bounds are open).
  ADD CONSTRAINT "kp_period_regime_no_overlap"
    EXCLUDE USING gist (daterange("effective_from", "effective_until", '[]') WITH &&);

ALTER TABLE "kp_period"
  ADD CONSTRAINT "kp_period_first_of_month_check" CHECK (EXTRACT(DAY FROM "period") = 1),
  ADD CONSTRAINT "kp_period_window_check" CHECK ("window_opens" <= "window_closes");

ALTER TABLE "angka_kredit"
  ADD CONSTRAINT "angka_kredit_nilai_check" CHECK ("nilai" >= 0);

-- DOMAIN-RULES §4: the period regimes (every month's 1st since Perban BKN 4/2025) with the default
-- window rule (local choice, unconfirmed: the whole month two months before the period; the old
-- April/October regime: three to two months before), and the windows BKN announced under 4/2023.
INSERT INTO "kp_period_regime" ("regulation", "effective_from", "effective_until", "months",
    "window_opens_months_before", "window_opens_day", "window_closes_months_before", "window_closes_day", "note", "updated_at") VALUES
  ('Kep. Ka BKN 12/2002', NULL, '2023-12-31', ARRAY[4,10], 3, 1, 2, 31, 'Periode 1 April dan 1 Oktober.', now()),
  ('Perban BKN 4/2023', '2024-01-01', '2025-09-30', ARRAY[2,4,6,8,10,12], 2, 1, 2, 31, 'Enam periode: Februari, April, Juni, Agustus, Oktober, Desember.', now()),
  ('Perban BKN 4/2025', '2025-10-01', NULL, ARRAY[1,2,3,4,5,6,7,8,9,10,11,12], 2, 1, 2, 31, 'Setiap tanggal 1 (12 periode); mencabut Perban BKN 4/2023.', now());

INSERT INTO "kp_period" ("period", "window_opens", "window_closes", "note", "updated_at") VALUES
  ('2024-02-01', '2023-12-15', '2024-01-15', 'Jadwal BKN (Perban BKN 4/2023).', now()),
  ('2024-04-01', '2024-02-01', '2024-02-28', 'Jadwal BKN (Perban BKN 4/2023).', now());
