-- AlterTable
ALTER TABLE "import_job" ADD COLUMN     "issues_not_stored" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "refusal_code" TEXT,
ADD COLUMN     "refusal_details" JSONB;
