-- CreateEnum
CREATE TYPE "SeatKind" AS ENUM ('internal', 'external');

-- AlterTable
ALTER TABLE "seat_request" ADD COLUMN     "kind" "SeatKind" NOT NULL DEFAULT 'internal';
