-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "StatusKepegawaian" AS ENUM ('PNS', 'CPNS', 'PPPK', 'KONTRAK');

-- CreateEnum
CREATE TYPE "JenisKelamin" AS ENUM ('L', 'P');

-- CreateEnum
CREATE TYPE "JenisJabatan" AS ENUM ('STRUKTURAL', 'FUNGSIONAL', 'PELAKSANA');

-- CreateEnum
CREATE TYPE "JenjangFungsional" AS ENUM ('PEMULA', 'TERAMPIL', 'MAHIR', 'PENYELIA', 'AHLI_PERTAMA', 'AHLI_MUDA', 'AHLI_MADYA', 'AHLI_UTAMA');

-- CreateEnum
CREATE TYPE "RumpunFungsional" AS ENUM ('GURU', 'DOSEN', 'KESEHATAN', 'LAINNYA');

-- CreateEnum
CREATE TYPE "JenisBerhenti" AS ENUM ('PENSIUN', 'MENINGGAL', 'DIBERHENTIKAN', 'MENGUNDURKAN_DIRI');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ASN', 'ATASAN', 'OPD_ADMIN', 'BKD_VERIFIER', 'BKD_ADMIN');

-- CreateTable
CREATE TABLE "opd" (
    "id" SERIAL NOT NULL,
    "kode" TEXT NOT NULL,
    "nama" TEXT NOT NULL,
    "parent_id" INTEGER,
    "alamat" TEXT,
    "latitude" DECIMAL(9,6),
    "longitude" DECIMAL(9,6),
    "radius_m" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "opd_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ref_golongan" (
    "kode" TEXT NOT NULL,
    "golongan" TEXT NOT NULL,
    "ruang" TEXT NOT NULL,
    "pangkat" TEXT NOT NULL,
    "urutan" INTEGER NOT NULL,

    CONSTRAINT "ref_golongan_pkey" PRIMARY KEY ("kode")
);

-- CreateTable
CREATE TABLE "ref_eselon" (
    "kode" TEXT NOT NULL,
    "nama" TEXT NOT NULL,
    "urutan" INTEGER NOT NULL,

    CONSTRAINT "ref_eselon_pkey" PRIMARY KEY ("kode")
);

-- CreateTable
CREATE TABLE "ref_pendidikan" (
    "kode" TEXT NOT NULL,
    "nama" TEXT NOT NULL,
    "urutan" INTEGER NOT NULL,
    "bobot_ikp" INTEGER NOT NULL,

    CONSTRAINT "ref_pendidikan_pkey" PRIMARY KEY ("kode")
);

-- CreateTable
CREATE TABLE "employee" (
    "id" SERIAL NOT NULL,
    "nip" TEXT NOT NULL,
    "nip_lama" TEXT,
    "nama" TEXT NOT NULL,
    "gelar_depan" TEXT,
    "gelar_belakang" TEXT,
    "jenis_kelamin" "JenisKelamin" NOT NULL,
    "tempat_lahir" TEXT,
    "tanggal_lahir" DATE NOT NULL,
    "status_kepegawaian" "StatusKepegawaian" NOT NULL,
    "tmt_cpns" DATE,
    "tmt_pns" DATE,
    "tmt_pppk" DATE,
    "tmt_berhenti" DATE,
    "jenis_berhenti" "JenisBerhenti",
    "opd_id" INTEGER NOT NULL,
    "unit_kerja" TEXT,
    "jenis_jabatan" "JenisJabatan" NOT NULL,
    "nama_jabatan" TEXT,
    "eselon" TEXT,
    "jenjang_fungsional" "JenjangFungsional",
    "rumpun_fungsional" "RumpunFungsional",
    "tmt_jabatan" DATE,
    "golongan" TEXT,
    "tmt_golongan" DATE,
    "mkg_tahun" INTEGER,
    "mkg_bulan" INTEGER,
    "pendidikan_terakhir" TEXT NOT NULL,
    "jurusan" TEXT,
    "tahun_lulus" INTEGER,
    "email" TEXT,
    "no_hp" TEXT,
    "atasan_id" INTEGER,
    "nip_warnings" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "employee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" SERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "employee_id" INTEGER,
    "must_change_password" BOOLEAN NOT NULL DEFAULT false,
    "failed_logins" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMP(3),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "last_login_at" TIMESTAMP(3),
    "password_changed_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_role" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "role" "Role" NOT NULL,
    "opd_id" INTEGER,

    CONSTRAINT "user_role_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_user_id" INTEGER,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "employee_id" INTEGER,
    "before" JSONB,
    "after" JSONB,
    "request_id" TEXT,
    "ip" TEXT,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_event" (
    "id" BIGSERIAL NOT NULL,
    "queue" TEXT NOT NULL,
    "job_name" TEXT NOT NULL,
    "job_id" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "available_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "relayed_at" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,

    CONSTRAINT "outbox_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "opd_kode_key" ON "opd"("kode");

-- CreateIndex
CREATE INDEX "opd_parent_id_idx" ON "opd"("parent_id");

-- CreateIndex
CREATE UNIQUE INDEX "ref_golongan_urutan_key" ON "ref_golongan"("urutan");

-- CreateIndex
CREATE UNIQUE INDEX "ref_eselon_urutan_key" ON "ref_eselon"("urutan");

-- CreateIndex
CREATE UNIQUE INDEX "ref_pendidikan_urutan_key" ON "ref_pendidikan"("urutan");

-- CreateIndex
CREATE UNIQUE INDEX "employee_nip_key" ON "employee"("nip");

-- CreateIndex
CREATE INDEX "employee_opd_id_idx" ON "employee"("opd_id");

-- CreateIndex
CREATE INDEX "employee_atasan_id_idx" ON "employee"("atasan_id");

-- CreateIndex
CREATE INDEX "employee_nama_idx" ON "employee"("nama");

-- CreateIndex
CREATE INDEX "employee_golongan_idx" ON "employee"("golongan");

-- CreateIndex
CREATE INDEX "employee_status_kepegawaian_idx" ON "employee"("status_kepegawaian");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_username_key" ON "app_user"("username");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_employee_id_key" ON "app_user"("employee_id");

-- CreateIndex
CREATE UNIQUE INDEX "user_role_user_id_role_opd_id_key" ON "user_role"("user_id", "role", "opd_id");

-- CreateIndex
CREATE INDEX "audit_log_entity_type_entity_id_idx" ON "audit_log"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "audit_log_employee_id_at_idx" ON "audit_log"("employee_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_event_job_id_key" ON "outbox_event"("job_id");

-- CreateIndex
CREATE INDEX "outbox_event_relayed_at_available_at_idx" ON "outbox_event"("relayed_at", "available_at");

-- AddForeignKey
ALTER TABLE "opd" ADD CONSTRAINT "opd_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "opd"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "employee" ADD CONSTRAINT "employee_opd_id_fkey" FOREIGN KEY ("opd_id") REFERENCES "opd"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "employee" ADD CONSTRAINT "employee_atasan_id_fkey" FOREIGN KEY ("atasan_id") REFERENCES "employee"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_employee_id_fkey" FOREIGN KEY ("employee_id") REFERENCES "employee"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_role" ADD CONSTRAINT "user_role_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_role" ADD CONSTRAINT "user_role_opd_id_fkey" FOREIGN KEY ("opd_id") REFERENCES "opd"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written additions ------------------------------------------------------

-- One grant per (user, role, opd), also when opd is NULL.
DROP INDEX IF EXISTS "user_role_user_id_role_opd_id_key";
CREATE UNIQUE INDEX "user_role_user_id_role_opd_id_key" ON "user_role"("user_id", "role", "opd_id") NULLS NOT DISTINCT;

-- The audit log is append-only.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

-- Reference data: golongan ladder (PP 7/1977 Appendix I, PP 99/2000).
INSERT INTO "ref_golongan" ("kode", "golongan", "ruang", "pangkat", "urutan") VALUES
  ('I/a','I','a','Juru Muda',1), ('I/b','I','b','Juru Muda Tingkat I',2), ('I/c','I','c','Juru',3), ('I/d','I','d','Juru Tingkat I',4),
  ('II/a','II','a','Pengatur Muda',5), ('II/b','II','b','Pengatur Muda Tingkat I',6), ('II/c','II','c','Pengatur',7), ('II/d','II','d','Pengatur Tingkat I',8),
  ('III/a','III','a','Penata Muda',9), ('III/b','III','b','Penata Muda Tingkat I',10), ('III/c','III','c','Penata',11), ('III/d','III','d','Penata Tingkat I',12),
  ('IV/a','IV','a','Pembina',13), ('IV/b','IV','b','Pembina Tingkat I',14), ('IV/c','IV','c','Pembina Utama Muda',15), ('IV/d','IV','d','Pembina Utama Madya',16), ('IV/e','IV','e','Pembina Utama',17);

INSERT INTO "ref_eselon" ("kode", "nama", "urutan") VALUES
  ('I.a','Eselon I.a',1), ('I.b','Eselon I.b',2), ('II.a','Eselon II.a',3), ('II.b','Eselon II.b',4),
  ('III.a','Eselon III.a',5), ('III.b','Eselon III.b',6), ('IV.a','Eselon IV.a',7), ('IV.b','Eselon IV.b',8);

-- Education levels with their IKP weight (INDICATORS.md §1).
INSERT INTO "ref_pendidikan" ("kode", "nama", "urutan", "bobot_ikp") VALUES
  ('SD','Sekolah Dasar',1,0), ('SMP','SMP/SLTP',2,0), ('SMA','SMA/SLTA/SMK',3,1), ('D1','Diploma I',4,1), ('D2','Diploma II',5,1),
  ('D3','Diploma III',6,2), ('D4','Diploma IV',7,3), ('S1','Sarjana (S1)',8,3), ('PROFESI','Profesi',9,3), ('S2','Magister (S2)',10,4),
  ('SP1','Spesialis I',11,4), ('S3','Doktor (S3)',12,5), ('SP2','Spesialis II',13,5);
