-- AlterTable
ALTER TABLE "invitation" ADD COLUMN     "credits" INTEGER,
ADD COLUMN     "credits_unlimited" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "language" "Locale",
ADD COLUMN     "licences" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "member" ADD COLUMN     "credits" INTEGER,
ADD COLUMN     "credits_unlimited" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "language" "Locale",
ADD COLUMN     "licences" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "licence" (
    "organization_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "name_fr" TEXT NOT NULL,
    "user_types" TEXT[],
    "owned" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "licence_pkey" PRIMARY KEY ("organization_id","key")
);

-- AddForeignKey
ALTER TABLE "licence" ADD CONSTRAINT "licence_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
