-- DropIndex
DROP INDEX "employee_next_kgb_tmt_idx";

-- AlterTable
ALTER TABLE "employee" DROP COLUMN "next_kgb_tmt";

-- CreateTable
CREATE TABLE "kgb_schedule" (
    "employee_id" INTEGER NOT NULL,
    "next_tmt" DATE NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "kgb_schedule_pkey" PRIMARY KEY ("employee_id")
);

-- CreateIndex
CREATE INDEX "kgb_schedule_next_tmt_idx" ON "kgb_schedule"("next_tmt");
