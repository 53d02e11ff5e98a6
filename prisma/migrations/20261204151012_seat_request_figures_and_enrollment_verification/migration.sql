-- AlterEnum
ALTER TYPE "SeatRequestStatus" ADD VALUE 'WITHDRAWN';

-- AlterTable
ALTER TABLE "seat_request" ADD COLUMN     "limit_after" INTEGER,
ADD COLUMN     "posted_limit_after" INTEGER,
ADD COLUMN     "posted_limit_before" INTEGER,
ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "enrollment_verification" (
    "invitation_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "first_name" TEXT NOT NULL,
    "last_name" TEXT NOT NULL,
    "username" TEXT,
    "password_hash" TEXT NOT NULL,
    "code_hash" BYTEA,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "sends" INTEGER NOT NULL DEFAULT 1,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "enrollment_verification_pkey" PRIMARY KEY ("invitation_id")
);

-- AddForeignKey
ALTER TABLE "enrollment_verification" ADD CONSTRAINT "enrollment_verification_invitation_id_fkey" FOREIGN KEY ("invitation_id") REFERENCES "invitation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
