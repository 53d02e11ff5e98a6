-- AlterTable
ALTER TABLE "outbox_message" ADD COLUMN     "handed_at" TIMESTAMPTZ(3);
