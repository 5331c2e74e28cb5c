-- CreateTable
CREATE TABLE "jadwal_kerja" (
    "hari" INTEGER NOT NULL,
    "jam_masuk" TEXT NOT NULL,
    "jam_pulang" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "jadwal_kerja_pkey" PRIMARY KEY ("hari")
);

-- CreateTable
CREATE TABLE "presensi" (
    "id" SERIAL NOT NULL,
    "employee_id" INTEGER NOT NULL,
    "opd_id" INTEGER NOT NULL,
    "tanggal" DATE NOT NULL,
    "jenis" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "latitude" DECIMAL(9,6) NOT NULL,
    "longitude" DECIMAL(9,6) NOT NULL,
    "accuracy_m" INTEGER NOT NULL,
    "distance_m" INTEGER,
    "accepted" BOOLEAN NOT NULL,
    "reason" TEXT,
    "menit" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "presensi_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "presensi_employee_id_tanggal_idx" ON "presensi"("employee_id", "tanggal");

-- CreateIndex
CREATE INDEX "presensi_opd_id_tanggal_idx" ON "presensi"("opd_id", "tanggal");

-- AddForeignKey
ALTER TABLE "presensi" ADD CONSTRAINT "presensi_employee_id_fkey" FOREIGN KEY ("employee_id") REFERENCES "employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One accepted check-in and one accepted check-out per employee and day (refused attempts are all kept).
CREATE UNIQUE INDEX "presensi_accepted_once" ON "presensi"("employee_id", "tanggal", "jenis") WHERE "accepted";

-- The common five-day pattern (DOMAIN-RULES §11): Mon–Thu 07:30–16:00, Fri 07:30–11:00 WIB.
INSERT INTO "jadwal_kerja" ("hari", "jam_masuk", "jam_pulang") VALUES
  (1, '07:30', '16:00'), (2, '07:30', '16:00'), (3, '07:30', '16:00'), (4, '07:30', '16:00'), (5, '07:30', '11:00');
