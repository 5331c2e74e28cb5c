-- CreateEnum
CREATE TYPE "JenisKp" AS ENUM ('REGULER', 'PILIHAN_STRUKTURAL', 'PILIHAN_FUNGSIONAL', 'PENYESUAIAN_IJAZAH', 'LUAR_BIASA', 'PENGABDIAN', 'CPNS', 'PNS');

-- CreateEnum
CREATE TYPE "JenisDiklat" AS ENUM ('KEPEMIMPINAN', 'FUNGSIONAL', 'TEKNIS', 'WORKSHOP');

-- CreateEnum
CREATE TYPE "PredikatSkp" AS ENUM ('SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG');

-- CreateEnum
CREATE TYPE "TingkatHukdis" AS ENUM ('RINGAN', 'SEDANG', 'BERAT');

-- CreateEnum
CREATE TYPE "HubunganKeluarga" AS ENUM ('SUAMI', 'ISTRI', 'ANAK', 'AYAH', 'IBU');

-- CreateEnum
CREATE TYPE "DocumentType" AS ENUM ('SK_CPNS', 'SK_PNS', 'SK_PANGKAT', 'SK_JABATAN', 'SK_KGB', 'IJAZAH', 'TRANSKRIP', 'SERTIFIKAT_DIKLAT', 'SKP', 'SK_HUKDIS', 'KK', 'AKTA_KELAHIRAN', 'AKTA_NIKAH', 'KTP', 'NPWP', 'PAS_FOTO', 'SURAT', 'LAINNYA');

-- CreateTable
CREATE TABLE "riwayat_pangkat" (
    "id" SERIAL NOT NULL,
    "employee_id" INTEGER NOT NULL,
    "golongan" TEXT NOT NULL,
    "tmt_golongan" DATE NOT NULL,
    "jenis_kp" "JenisKp",
    "nomor_sk" TEXT,
    "tanggal_sk" DATE,
    "pertek_nomor" TEXT,
    "pertek_tanggal" DATE,
    "mkg_tahun" INTEGER NOT NULL,
    "mkg_bulan" INTEGER NOT NULL,
    "gaji_pokok" INTEGER,
    "document_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "riwayat_pangkat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "riwayat_jabatan" (
    "id" SERIAL NOT NULL,
    "employee_id" INTEGER NOT NULL,
    "jenis_jabatan" "JenisJabatan" NOT NULL,
    "nama_jabatan" TEXT NOT NULL,
    "eselon" TEXT,
    "jenjang_fungsional" "JenjangFungsional",
    "rumpun_fungsional" "RumpunFungsional",
    "opd_id" INTEGER NOT NULL,
    "unit_kerja" TEXT,
    "tmt_jabatan" DATE NOT NULL,
    "nomor_sk" TEXT,
    "tanggal_sk" DATE,
    "document_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "riwayat_jabatan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "riwayat_pendidikan" (
    "id" SERIAL NOT NULL,
    "employee_id" INTEGER NOT NULL,
    "jenjang" TEXT NOT NULL,
    "jurusan" TEXT,
    "institusi" TEXT,
    "tahun_lulus" INTEGER,
    "nomor_ijazah" TEXT,
    "tanggal_ijazah" DATE,
    "document_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "riwayat_pendidikan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "riwayat_diklat" (
    "id" SERIAL NOT NULL,
    "employee_id" INTEGER NOT NULL,
    "jenis" "JenisDiklat" NOT NULL,
    "nama" TEXT NOT NULL,
    "penyelenggara" TEXT,
    "tanggal_mulai" DATE NOT NULL,
    "tanggal_selesai" DATE NOT NULL,
    "jp" INTEGER NOT NULL,
    "nomor_sertifikat" TEXT,
    "document_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "riwayat_diklat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "riwayat_skp" (
    "id" SERIAL NOT NULL,
    "employee_id" INTEGER NOT NULL,
    "tahun" INTEGER NOT NULL,
    "nilai" DECIMAL(5,2),
    "predikat" "PredikatSkp",
    "document_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "riwayat_skp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "riwayat_hukdis" (
    "id" SERIAL NOT NULL,
    "employee_id" INTEGER NOT NULL,
    "tingkat" "TingkatHukdis" NOT NULL,
    "jenis" TEXT,
    "nomor_sk" TEXT NOT NULL,
    "tanggal_sk" DATE NOT NULL,
    "tmt" DATE,
    "tmt_selesai" DATE,
    "keterangan" TEXT,
    "document_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "riwayat_hukdis_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "riwayat_kgb" (
    "id" SERIAL NOT NULL,
    "employee_id" INTEGER NOT NULL,
    "tmt" DATE NOT NULL,
    "golongan" TEXT NOT NULL,
    "mkg_tahun" INTEGER NOT NULL,
    "mkg_bulan" INTEGER NOT NULL,
    "gaji_pokok_lama" INTEGER,
    "gaji_pokok" INTEGER NOT NULL,
    "nomor_surat" TEXT,
    "tanggal_surat" DATE,
    "document_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "riwayat_kgb_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "riwayat_cuti" (
    "id" SERIAL NOT NULL,
    "employee_id" INTEGER NOT NULL,
    "jenis_cuti" TEXT NOT NULL,
    "tanggal_mulai" DATE NOT NULL,
    "tanggal_selesai" DATE NOT NULL,
    "lama_hari" INTEGER NOT NULL,
    "nomor_surat" TEXT,
    "keterangan" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "riwayat_cuti_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "keluarga" (
    "id" SERIAL NOT NULL,
    "employee_id" INTEGER NOT NULL,
    "hubungan" "HubunganKeluarga" NOT NULL,
    "nama" TEXT NOT NULL,
    "tanggal_lahir" DATE,
    "jenis_kelamin" "JenisKelamin",
    "tanggal_nikah" DATE,
    "status_tunjangan" BOOLEAN NOT NULL DEFAULT false,
    "keterangan" TEXT,
    "document_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "keluarga_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "document" (
    "id" SERIAL NOT NULL,
    "employee_id" INTEGER NOT NULL,
    "jenis" "DocumentType" NOT NULL,
    "slot_key" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "is_current" BOOLEAN NOT NULL DEFAULT true,
    "title" TEXT NOT NULL,
    "original_name" TEXT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "mime_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploaded_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workflow_request" (
    "id" SERIAL NOT NULL,
    "type" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "employee_id" INTEGER NOT NULL,
    "opd_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "submitted_at" TIMESTAMP(3),
    "state_since" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMP(3),
    "dedupe_key" TEXT,

    CONSTRAINT "workflow_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "request_event" (
    "id" BIGSERIAL NOT NULL,
    "request_id" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_user_id" INTEGER,
    "actor_name" TEXT,
    "action" TEXT NOT NULL,
    "from_state" TEXT,
    "to_state" TEXT NOT NULL,
    "note" TEXT,
    "data" JSONB,

    CONSTRAINT "request_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "request_document" (
    "request_id" INTEGER NOT NULL,
    "document_id" INTEGER NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'PENDUKUNG',

    CONSTRAINT "request_document_pkey" PRIMARY KEY ("request_id","document_id")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "read_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "updated_by_id" INTEGER,

    CONSTRAINT "app_setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "import_job" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "file_name" TEXT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "created_by_id" INTEGER,
    "total_rows" INTEGER NOT NULL DEFAULT 0,
    "processed_rows" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "warnings" INTEGER NOT NULL DEFAULT 0,
    "message" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "import_job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_error" (
    "id" BIGSERIAL NOT NULL,
    "import_id" INTEGER NOT NULL,
    "row" INTEGER NOT NULL,
    "column" TEXT,
    "value" TEXT,
    "message" TEXT NOT NULL,
    "severity" TEXT NOT NULL DEFAULT 'error',

    CONSTRAINT "import_error_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "riwayat_pangkat_employee_id_tmt_golongan_idx" ON "riwayat_pangkat"("employee_id", "tmt_golongan");

-- CreateIndex
CREATE UNIQUE INDEX "riwayat_pangkat_employee_id_golongan_tmt_golongan_key" ON "riwayat_pangkat"("employee_id", "golongan", "tmt_golongan");

-- CreateIndex
CREATE INDEX "riwayat_jabatan_opd_id_tmt_jabatan_idx" ON "riwayat_jabatan"("opd_id", "tmt_jabatan");

-- CreateIndex
CREATE UNIQUE INDEX "riwayat_jabatan_employee_id_tmt_jabatan_key" ON "riwayat_jabatan"("employee_id", "tmt_jabatan");

-- CreateIndex
CREATE INDEX "riwayat_pendidikan_employee_id_tahun_lulus_idx" ON "riwayat_pendidikan"("employee_id", "tahun_lulus");

-- CreateIndex
CREATE UNIQUE INDEX "riwayat_pendidikan_employee_id_jenjang_tahun_lulus_key" ON "riwayat_pendidikan"("employee_id", "jenjang", "tahun_lulus");

-- CreateIndex
CREATE INDEX "riwayat_diklat_employee_id_tanggal_selesai_idx" ON "riwayat_diklat"("employee_id", "tanggal_selesai");

-- CreateIndex
CREATE UNIQUE INDEX "riwayat_diklat_employee_id_jenis_nama_tanggal_mulai_key" ON "riwayat_diklat"("employee_id", "jenis", "nama", "tanggal_mulai");

-- CreateIndex
CREATE INDEX "riwayat_skp_tahun_idx" ON "riwayat_skp"("tahun");

-- CreateIndex
CREATE UNIQUE INDEX "riwayat_skp_employee_id_tahun_key" ON "riwayat_skp"("employee_id", "tahun");

-- CreateIndex
CREATE INDEX "riwayat_hukdis_tanggal_sk_idx" ON "riwayat_hukdis"("tanggal_sk");

-- CreateIndex
CREATE UNIQUE INDEX "riwayat_hukdis_employee_id_nomor_sk_key" ON "riwayat_hukdis"("employee_id", "nomor_sk");

-- CreateIndex
CREATE UNIQUE INDEX "riwayat_kgb_employee_id_tmt_key" ON "riwayat_kgb"("employee_id", "tmt");

-- CreateIndex
CREATE INDEX "riwayat_cuti_employee_id_tanggal_mulai_idx" ON "riwayat_cuti"("employee_id", "tanggal_mulai");

-- CreateIndex
CREATE UNIQUE INDEX "keluarga_employee_id_hubungan_nama_key" ON "keluarga"("employee_id", "hubungan", "nama");

-- CreateIndex
CREATE UNIQUE INDEX "document_storage_key_key" ON "document"("storage_key");

-- CreateIndex
CREATE INDEX "document_employee_id_is_current_idx" ON "document"("employee_id", "is_current");

-- CreateIndex
CREATE UNIQUE INDEX "document_employee_id_slot_key_version_key" ON "document"("employee_id", "slot_key", "version");

-- CreateIndex
CREATE UNIQUE INDEX "workflow_request_dedupe_key_key" ON "workflow_request"("dedupe_key");

-- CreateIndex
CREATE INDEX "workflow_request_type_state_submitted_at_idx" ON "workflow_request"("type", "state", "submitted_at");

-- CreateIndex
CREATE INDEX "workflow_request_employee_id_created_at_idx" ON "workflow_request"("employee_id", "created_at");

-- CreateIndex
CREATE INDEX "workflow_request_opd_id_type_state_idx" ON "workflow_request"("opd_id", "type", "state");

-- CreateIndex
CREATE INDEX "request_event_request_id_at_idx" ON "request_event"("request_id", "at");

-- CreateIndex
CREATE INDEX "notification_user_id_read_at_created_at_idx" ON "notification"("user_id", "read_at", "created_at");

-- CreateIndex
CREATE INDEX "import_error_import_id_row_idx" ON "import_error"("import_id", "row");

-- AddForeignKey
ALTER TABLE "riwayat_pangkat" ADD CONSTRAINT "riwayat_pangkat_employee_id_fkey" FOREIGN KEY ("employee_id") REFERENCES "employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "riwayat_pangkat" ADD CONSTRAINT "riwayat_pangkat_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "riwayat_jabatan" ADD CONSTRAINT "riwayat_jabatan_employee_id_fkey" FOREIGN KEY ("employee_id") REFERENCES "employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "riwayat_jabatan" ADD CONSTRAINT "riwayat_jabatan_opd_id_fkey" FOREIGN KEY ("opd_id") REFERENCES "opd"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "riwayat_jabatan" ADD CONSTRAINT "riwayat_jabatan_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "riwayat_pendidikan" ADD CONSTRAINT "riwayat_pendidikan_employee_id_fkey" FOREIGN KEY ("employee_id") REFERENCES "employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "riwayat_pendidikan" ADD CONSTRAINT "riwayat_pendidikan_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "riwayat_diklat" ADD CONSTRAINT "riwayat_diklat_employee_id_fkey" FOREIGN KEY ("employee_id") REFERENCES "employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "riwayat_diklat" ADD CONSTRAINT "riwayat_diklat_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "riwayat_skp" ADD CONSTRAINT "riwayat_skp_employee_id_fkey" FOREIGN KEY ("employee_id") REFERENCES "employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "riwayat_skp" ADD CONSTRAINT "riwayat_skp_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "riwayat_hukdis" ADD CONSTRAINT "riwayat_hukdis_employee_id_fkey" FOREIGN KEY ("employee_id") REFERENCES "employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "riwayat_hukdis" ADD CONSTRAINT "riwayat_hukdis_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "riwayat_kgb" ADD CONSTRAINT "riwayat_kgb_employee_id_fkey" FOREIGN KEY ("employee_id") REFERENCES "employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "riwayat_kgb" ADD CONSTRAINT "riwayat_kgb_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "riwayat_cuti" ADD CONSTRAINT "riwayat_cuti_employee_id_fkey" FOREIGN KEY ("employee_id") REFERENCES "employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "keluarga" ADD CONSTRAINT "keluarga_employee_id_fkey" FOREIGN KEY ("employee_id") REFERENCES "employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "keluarga" ADD CONSTRAINT "keluarga_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document" ADD CONSTRAINT "document_employee_id_fkey" FOREIGN KEY ("employee_id") REFERENCES "employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflow_request" ADD CONSTRAINT "workflow_request_employee_id_fkey" FOREIGN KEY ("employee_id") REFERENCES "employee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_event" ADD CONSTRAINT "request_event_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "workflow_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_document" ADD CONSTRAINT "request_document_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "workflow_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_document" ADD CONSTRAINT "request_document_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_error" ADD CONSTRAINT "import_error_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "import_job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written additions ------------------------------------------------------

-- Education records without a graduation year are still unique per level.
DROP INDEX IF EXISTS "riwayat_pendidikan_employee_id_jenjang_tahun_lulus_key";
CREATE UNIQUE INDEX "riwayat_pendidikan_employee_id_jenjang_tahun_lulus_key"
  ON "riwayat_pendidikan"("employee_id", "jenjang", "tahun_lulus") NULLS NOT DISTINCT;

-- Employee search: substring matches on name and NIP stay index-backed at 100,000+ rows.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "employee_nama_trgm" ON "employee" USING gin ("nama" gin_trgm_ops);
CREATE INDEX "employee_nip_trgm" ON "employee" USING gin ("nip" gin_trgm_ops);
CREATE INDEX "employee_opd_nama" ON "employee"("opd_id", "nama");

-- A request has at most one open instance per dedupe key; the timeline is append-only.
CREATE TRIGGER request_event_no_update BEFORE UPDATE OR DELETE ON "request_event"
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

-- Default settings (editable by BKD_ADMIN).
INSERT INTO "app_setting" ("key", "value", "updated_at") VALUES
  ('change_request.reject_reasons', '["Dokumen pendukung tidak sesuai","Dokumen tidak terbaca","Data tidak sesuai dokumen","Dokumen pendukung belum diunggah","Perubahan tidak diperlukan"]', now()),
  ('change_request.no_verification_fields', '["email","noHp"]', now()),
  ('change_request.second_step_types', '[]', now());
