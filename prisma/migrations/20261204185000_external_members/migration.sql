-- AlterTable
ALTER TABLE "invitation" ADD COLUMN     "company_id" UUID,
ADD COLUMN     "company_name" TEXT,
ADD COLUMN     "external" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "suspended" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "member" ADD COLUMN     "company_id" UUID,
ADD COLUMN     "company_name" TEXT,
ADD COLUMN     "external" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "organization" ADD COLUMN     "external_seat_limit" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "invitation_company_id_idx" ON "invitation"("company_id");

-- CreateIndex
CREATE INDEX "member_company_id_idx" ON "member"("company_id");

-- AddForeignKey
ALTER TABLE "member" ADD CONSTRAINT "member_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE SET NULL ON UPDATE CASCADE;
