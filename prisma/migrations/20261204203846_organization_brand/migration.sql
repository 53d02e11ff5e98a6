-- AlterTable
ALTER TABLE "organization" ADD COLUMN     "email_from_name" TEXT,
ADD COLUMN     "email_reply_to" TEXT,
ADD COLUMN     "getting_started_url" TEXT,
ADD COLUMN     "sign_in_url" TEXT;

-- CreateTable
CREATE TABLE "organization_brand" (
    "organization_id" UUID NOT NULL,
    "display_name" TEXT,
    "color" TEXT,
    "logo" BYTEA,
    "logo_type" TEXT,
    "logo_hash" TEXT,
    "sesame_footer" BOOLEAN NOT NULL DEFAULT true,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organization_brand_pkey" PRIMARY KEY ("organization_id")
);

-- AddForeignKey
ALTER TABLE "organization_brand" ADD CONSTRAINT "organization_brand_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
