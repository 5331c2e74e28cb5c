-- AlterTable
ALTER TABLE "workflow_request" ADD COLUMN     "assignee_employee_id" INTEGER,
ADD COLUMN     "assignee_roles" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "batch_id" INTEGER,
ADD COLUMN     "variant" TEXT;

-- AlterTable
ALTER TABLE "letter" ADD COLUMN     "render_claimed_at" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "request_item" (
    "id" SERIAL NOT NULL,
    "request_id" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "doc_type" "DocumentType" NOT NULL,
    "required" BOOLEAN NOT NULL,
    "document_id" INTEGER,
    "verdict" TEXT NOT NULL DEFAULT 'PENDING',
    "verdict_note" TEXT,
    "verdict_by_id" INTEGER,
    "verdict_by_name" TEXT,
    "verdict_at" TIMESTAMP(3),
    "sort" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "request_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "request_item_event" (
    "id" BIGSERIAL NOT NULL,
    "item_id" INTEGER NOT NULL,
    "request_id" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "document_id" INTEGER,
    "verdict" TEXT,
    "note" TEXT,
    "actor_user_id" INTEGER,
    "actor_name" TEXT,

    CONSTRAINT "request_item_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "request_batch" (
    "id" SERIAL NOT NULL,
    "type" TEXT NOT NULL,
    "opd_id" INTEGER,
    "period" DATE,
    "title" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submitted_at" TIMESTAMP(3),

    CONSTRAINT "request_batch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "request_item_request_id_key_key" ON "request_item"("request_id", "key");

-- CreateIndex
CREATE INDEX "request_item_event_item_id_at_idx" ON "request_item_event"("item_id", "at");

-- CreateIndex
CREATE INDEX "request_item_event_request_id_idx" ON "request_item_event"("request_id");

-- CreateIndex
CREATE INDEX "request_batch_type_opd_id_period_idx" ON "request_batch"("type", "opd_id", "period");

-- CreateIndex
CREATE INDEX "workflow_request_batch_id_idx" ON "workflow_request"("batch_id");

-- CreateIndex
CREATE INDEX "workflow_request_assignee_employee_id_idx" ON "workflow_request"("assignee_employee_id");

-- AddForeignKey
ALTER TABLE "workflow_request" ADD CONSTRAINT "workflow_request_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "request_batch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_item" ADD CONSTRAINT "request_item_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "workflow_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_item" ADD CONSTRAINT "request_item_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_item_event" ADD CONSTRAINT "request_item_event_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "request_item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_batch" ADD CONSTRAINT "request_batch_opd_id_fkey" FOREIGN KEY ("opd_id") REFERENCES "opd"("id") ON DELETE SET NULL ON UPDATE CASCADE;
-- Backfill: who acts next on the requests already open (the definitions' assignees).
UPDATE "workflow_request" SET "assignee_roles" = ARRAY['BKD_VERIFIER', 'BKD_ADMIN']
  WHERE "closed_at" IS NULL AND (("type" = 'DATA_CHANGE' AND "state" IN ('DIAJUKAN', 'VERIFIKASI_2')) OR ("type" = 'KGB' AND "state" = 'DRAFT'));
UPDATE "workflow_request" SET "assignee_roles" = ARRAY['BKD_ADMIN']
  WHERE "closed_at" IS NULL AND "type" = 'KGB' AND "state" = 'DIVERIFIKASI';
UPDATE "workflow_request" SET "assignee_roles" = ARRAY['BKD_VERIFIER', 'BKD_ADMIN', 'OPD_ADMIN:OPD']
  WHERE "closed_at" IS NULL AND "type" = 'KGB' AND "state" IN ('DIKEMBALIKAN', 'DITUNDA');
UPDATE "workflow_request" SET "assignee_roles" = ARRAY['OPD_ADMIN:OPD'], "assignee_employee_id" = "employee_id"
  WHERE "closed_at" IS NULL AND "type" = 'DATA_CHANGE' AND "state" = 'DITOLAK';

-- Backfill: the documents already attached become checklist items (one per document type, the latest).
INSERT INTO "request_item" ("request_id", "key", "label", "doc_type", "required", "document_id", "sort")
SELECT DISTINCT ON (rd."request_id", d."jenis") rd."request_id", d."jenis"::text, d."jenis"::text, d."jenis", false, d."id", 0
FROM "request_document" rd JOIN "document" d ON d."id" = rd."document_id"
ORDER BY rd."request_id", d."jenis", d."id" DESC;
INSERT INTO "request_item_event" ("item_id", "request_id", "kind", "document_id", "actor_name")
SELECT i."id", i."request_id", 'attach', i."document_id", 'Sistem (migrasi)' FROM "request_item" i;
