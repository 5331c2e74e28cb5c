-- AlterEnum
ALTER TYPE "DocumentType" ADD VALUE 'SK_PENSIUN';

-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "read_only" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "bup_rule" (
    "id" TEXT NOT NULL,
    "sort" INTEGER NOT NULL,
    "when" JSONB NOT NULL,
    "bup" INTEGER NOT NULL,
    "basis" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_by_id" INTEGER,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "bup_rule_pkey" PRIMARY KEY ("id")
);

-- Seed: the default BUP table (shared/src/rules/bup.ts DEFAULT_BUP_RULES), editable by BKD_ADMIN.
INSERT INTO "bup_rule" ("id", "sort", "when", "bup", "basis", "description", "updated_at") VALUES
  ('DOSEN_GURU_BESAR', 10, '{"jenisJabatan":["FUNGSIONAL"],"rumpunFungsional":["DOSEN"],"guruBesar":true}'::jsonb, 70, 'UU 14/2005 tentang Guru dan Dosen', 'Dosen dengan jabatan profesor (guru besar)', CURRENT_TIMESTAMP),
  ('DOSEN', 20, '{"jenisJabatan":["FUNGSIONAL"],"rumpunFungsional":["DOSEN"]}'::jsonb, 65, 'UU 14/2005 tentang Guru dan Dosen', 'Dosen', CURRENT_TIMESTAMP),
  ('GURU', 30, '{"jenisJabatan":["FUNGSIONAL"],"rumpunFungsional":["GURU"]}'::jsonb, 60, 'UU 14/2005 tentang Guru dan Dosen Pasal 30 ayat (4)', 'Guru', CURRENT_TIMESTAMP),
  ('JF_AHLI_UTAMA', 40, '{"jenisJabatan":["FUNGSIONAL"],"jenjangFungsional":["AHLI_UTAMA"]}'::jsonb, 65, 'PP 11/2017 Pasal 239', 'Jabatan fungsional ahli utama', CURRENT_TIMESTAMP),
  ('JF_AHLI_MADYA', 50, '{"jenisJabatan":["FUNGSIONAL"],"jenjangFungsional":["AHLI_MADYA"]}'::jsonb, 60, 'PP 11/2017 Pasal 239', 'Jabatan fungsional ahli madya', CURRENT_TIMESTAMP),
  ('JF_LAINNYA', 60, '{"jenisJabatan":["FUNGSIONAL"],"jenjangFungsional":["PEMULA","TERAMPIL","MAHIR","PENYELIA","AHLI_PERTAMA","AHLI_MUDA"]}'::jsonb, 58, 'PP 11/2017 Pasal 239', 'Jabatan fungsional keterampilan, ahli pertama dan ahli muda', CURRENT_TIMESTAMP),
  ('JPT', 70, '{"jenisJabatan":["STRUKTURAL"],"eselon":["I.a","I.b","II.a","II.b"]}'::jsonb, 60, 'PP 11/2017 Pasal 239', 'Jabatan pimpinan tinggi (eselon I–II)', CURRENT_TIMESTAMP),
  ('ADMINISTRASI', 80, '{"jenisJabatan":["STRUKTURAL","PELAKSANA"]}'::jsonb, 58, 'PP 11/2017 Pasal 239', 'Jabatan administrasi (administrator, pengawas, pelaksana)', CURRENT_TIMESTAMP);
