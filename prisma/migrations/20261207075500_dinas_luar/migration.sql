-- CreateTable
CREATE TABLE "dinas_luar" (
    "id" SERIAL NOT NULL,
    "employee_id" INTEGER NOT NULL,
    "tanggal" DATE NOT NULL,
    "nomor_surat" TEXT NOT NULL,
    "keterangan" TEXT,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dinas_luar_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "dinas_luar_tanggal_idx" ON "dinas_luar"("tanggal");

-- CreateIndex
CREATE UNIQUE INDEX "dinas_luar_employee_id_tanggal_key" ON "dinas_luar"("employee_id", "tanggal");

-- AddForeignKey
ALTER TABLE "dinas_luar" ADD CONSTRAINT "dinas_luar_employee_id_fkey" FOREIGN KEY ("employee_id") REFERENCES "employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;
