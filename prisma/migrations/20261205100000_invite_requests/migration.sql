-- CreateEnum
CREATE TYPE "InviteRequestStatus" AS ENUM ('PENDING', 'APPROVED', 'DENIED');

-- AlterTable
ALTER TABLE "organization" ADD COLUMN     "invite_requests_enabled" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "invite_request" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "open_email" TEXT,
    "note" TEXT,
    "requested_by_id" UUID,
    "also_requested_by_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "status" "InviteRequestStatus" NOT NULL DEFAULT 'PENDING',
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "reason" TEXT,
    "invitation_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invite_request_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "invite_request_organization_id_status_idx" ON "invite_request"("organization_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "invite_request_organization_id_open_email_key" ON "invite_request"("organization_id", "open_email");

-- AddForeignKey
ALTER TABLE "invite_request" ADD CONSTRAINT "invite_request_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invite_request" ADD CONSTRAINT "invite_request_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invite_request" ADD CONSTRAINT "invite_request_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "member"("id") ON DELETE SET NULL ON UPDATE CASCADE;
