-- AlterTable
ALTER TABLE "organization" ADD COLUMN     "timezone" TEXT NOT NULL DEFAULT 'UTC',
ADD COLUMN     "digest_frequency" TEXT NOT NULL DEFAULT 'off',
ADD COLUMN     "digest_time" TEXT NOT NULL DEFAULT '08:00',
ADD COLUMN     "digest_weekday" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "digest_always" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "next_digest_at" TIMESTAMPTZ(3),
ADD COLUMN     "last_digest_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "organization_next_digest_at_idx" ON "organization"("next_digest_at");
