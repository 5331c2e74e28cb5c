-- CreateTable
CREATE TABLE "jadwal_kerja_opd" (
    "opd_id" INTEGER NOT NULL,
    "hari" INTEGER NOT NULL,
    "jam_masuk" TEXT NOT NULL,
    "jam_pulang" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "jadwal_kerja_opd_pkey" PRIMARY KEY ("opd_id","hari")
);

-- AddForeignKey
ALTER TABLE "jadwal_kerja_opd" ADD CONSTRAINT "jadwal_kerja_opd_opd_id_fkey" FOREIGN KEY ("opd_id") REFERENCES "opd"("id") ON DELETE CASCADE ON UPDATE CASCADE;
