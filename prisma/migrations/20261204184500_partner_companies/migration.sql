-- Partner companies of an organization, in a tree (issue 16).

-- CreateTable
CREATE TABLE "company" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "parent_id" UUID,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "secured" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "company_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "company_not_its_own_parent" CHECK ("parent_id" IS NULL OR "parent_id" <> "id")
);

-- CreateIndex: top-level companies (parent NULL) have unique names too, hence NULLS NOT DISTINCT.
CREATE UNIQUE INDEX "company_organization_id_parent_id_name_key_key" ON "company"("organization_id", "parent_id", "name_key") NULLS NOT DISTINCT;

-- CreateIndex
CREATE INDEX "company_parent_id_idx" ON "company"("parent_id");

-- AddForeignKey
ALTER TABLE "company" ADD CONSTRAINT "company_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "company" ADD CONSTRAINT "company_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
