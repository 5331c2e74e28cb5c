-- AlterTable
ALTER TABLE "opd" ADD COLUMN     "geofence" JSONB;

-- CreateTable
CREATE TABLE "jadwal_khusus" (
    "id" SERIAL NOT NULL,
    "nama" TEXT NOT NULL,
    "mulai" DATE NOT NULL,
    "selesai" DATE NOT NULL,
    "items" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "jadwal_khusus_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lokasi_tugas" (
    "id" SERIAL NOT NULL,
    "employee_id" INTEGER NOT NULL,
    "request_id" INTEGER NOT NULL,
    "jenis" TEXT NOT NULL,
    "mulai" DATE NOT NULL,
    "selesai" DATE NOT NULL,
    "nama" TEXT NOT NULL,
    "latitude" DECIMAL(9,6) NOT NULL,
    "longitude" DECIMAL(9,6) NOT NULL,
    "radius_m" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lokasi_tugas_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "aktivitas_harian" (
    "id" SERIAL NOT NULL,
    "employee_id" INTEGER NOT NULL,
    "tanggal" DATE NOT NULL,
    "jam_mulai" TEXT NOT NULL,
    "jam_selesai" TEXT NOT NULL,
    "uraian" TEXT NOT NULL,
    "output" TEXT,
    "document_id" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'DIAJUKAN',
    "catatan" TEXT,
    "reviewer_id" INTEGER,
    "reviewed_at" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "aktivitas_harian_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "jadwal_khusus_mulai_selesai_idx" ON "jadwal_khusus"("mulai", "selesai");

-- CreateIndex
CREATE UNIQUE INDEX "lokasi_tugas_request_id_key" ON "lokasi_tugas"("request_id");

-- CreateIndex
CREATE INDEX "lokasi_tugas_employee_id_mulai_idx" ON "lokasi_tugas"("employee_id", "mulai");

-- CreateIndex
CREATE INDEX "aktivitas_harian_employee_id_tanggal_idx" ON "aktivitas_harian"("employee_id", "tanggal");

-- CreateIndex
CREATE INDEX "aktivitas_harian_status_tanggal_idx" ON "aktivitas_harian"("status", "tanggal");

-- AddForeignKey
ALTER TABLE "lokasi_tugas" ADD CONSTRAINT "lokasi_tugas_employee_id_fkey" FOREIGN KEY ("employee_id") REFERENCES "employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "aktivitas_harian" ADD CONSTRAINT "aktivitas_harian_employee_id_fkey" FOREIGN KEY ("employee_id") REFERENCES "employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "aktivitas_harian" ADD CONSTRAINT "aktivitas_harian_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE SET NULL ON UPDATE CASCADE;
