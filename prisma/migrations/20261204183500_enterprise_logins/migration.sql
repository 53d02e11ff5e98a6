-- CreateEnum
CREATE TYPE "JoinMode" AS ENUM ('PASSWORD', 'ENTERPRISE', 'EITHER');

-- AlterTable
ALTER TABLE "invitation" ADD COLUMN     "enterprise" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "member" ADD COLUMN     "enterprise_id" TEXT,
ADD COLUMN     "enterprise_issuer" TEXT,
ADD COLUMN     "enterprise_subject" TEXT;

-- CreateTable
CREATE TABLE "identity_provider" (
    "organization_id" UUID NOT NULL,
    "protocol" TEXT NOT NULL DEFAULT 'oidc',
    "issuer" TEXT NOT NULL,
    "client_id" TEXT NOT NULL,
    "client_secret" JSONB NOT NULL,
    "label" TEXT NOT NULL,
    "scopes" TEXT[] DEFAULT ARRAY['openid', 'email', 'profile']::TEXT[],
    "join_mode" "JoinMode" NOT NULL DEFAULT 'EITHER',
    "auto_join" BOOLEAN NOT NULL DEFAULT false,
    "auto_join_domains" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "identity_provider_pkey" PRIMARY KEY ("organization_id")
);

-- CreateTable
CREATE TABLE "sso_login" (
    "state_hash" BYTEA NOT NULL,
    "organization_id" UUID NOT NULL,
    "invitation_id" UUID,
    "browser_hash" BYTEA NOT NULL,
    "nonce" TEXT NOT NULL,
    "code_verifier" TEXT NOT NULL,
    "locale" "Locale" NOT NULL DEFAULT 'en',
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sso_login_pkey" PRIMARY KEY ("state_hash")
);

-- CreateIndex
CREATE INDEX "sso_login_expires_at_idx" ON "sso_login"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "member_organization_id_enterprise_issuer_enterprise_subject_key" ON "member"("organization_id", "enterprise_issuer", "enterprise_subject");

-- CreateIndex
CREATE UNIQUE INDEX "member_organization_id_enterprise_id_key" ON "member"("organization_id", "enterprise_id");

-- AddForeignKey
ALTER TABLE "identity_provider" ADD CONSTRAINT "identity_provider_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sso_login" ADD CONSTRAINT "sso_login_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
