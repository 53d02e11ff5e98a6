-- AlterTable
ALTER TABLE "invitation" ADD COLUMN     "next_reminder_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "invitation_status_next_reminder_at_idx" ON "invitation"("status", "next_reminder_at");

-- Backfill: the next step of every pending invitation, on the schedule it was created with.
UPDATE "invitation" i
   SET "next_reminder_at" = i."created_at" + make_interval(days => o."reminder_days"[i."reminders_sent" + 1])
  FROM "organization" o
 WHERE o."id" = i."organization_id" AND i."status" = 'PENDING'
   AND i."reminders_sent" < cardinality(o."reminder_days");
