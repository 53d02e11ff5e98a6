-- AlterTable
ALTER TABLE "invitation_token" ADD COLUMN     "purge_after" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "invitation_token_purge_after_idx" ON "invitation_token"("purge_after");


-- Backfill: a token's hash is purged 30 days after its invitation's expiry date.
UPDATE "invitation_token" t SET "purge_after" = i."expires_at" + interval '30 days'
  FROM "invitation" i WHERE i."id" = t."invitation_id";
