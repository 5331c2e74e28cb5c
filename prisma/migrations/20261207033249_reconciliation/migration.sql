-- AlterTable
ALTER TABLE "outbox_event" ADD COLUMN     "completed_at" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "reconciliation_tally" (
    "kind" TEXT NOT NULL,
    "total" BIGINT NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reconciliation_tally_pkey" PRIMARY KEY ("kind")
);

-- Rows relayed before completion tracking existed are taken as done (their jobs ran or are kept in BullMQ).
UPDATE "outbox_event" SET "completed_at" = "relayed_at" WHERE "relayed_at" IS NOT NULL;

-- What reconciliation looks at: relayed rows whose job has not finished.
CREATE INDEX "outbox_event_unfinished_idx" ON "outbox_event" ("relayed_at") WHERE "completed_at" IS NULL AND "relayed_at" IS NOT NULL;
