-- DropIndex
DROP INDEX "outbox_message_status_next_attempt_at_idx";

-- CreateIndex
CREATE INDEX "outbox_message_status_kind_next_attempt_at_idx" ON "outbox_message"("status", "kind", "next_attempt_at");
