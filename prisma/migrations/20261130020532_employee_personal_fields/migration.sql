-- AlterTable
ALTER TABLE "employee" ADD COLUMN     "agama" TEXT,
ADD COLUMN     "alamat" TEXT,
ADD COLUMN     "gaji_pokok" INTEGER,
ADD COLUMN     "kode_pos" TEXT,
ADD COLUMN     "kota" TEXT,
ADD COLUMN     "nik" TEXT,
ADD COLUMN     "npwp" TEXT,
ADD COLUMN     "status_perkawinan" TEXT,
ADD COLUMN     "tmt_kgb_terakhir" DATE;
