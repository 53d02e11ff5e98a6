-- CreateEnum
CREATE TYPE "ImportDraftStatus" AS ENUM ('REVIEWED', 'IMPORTING', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "chat_workspace" (
    "platform" TEXT NOT NULL,
    "external_id" TEXT NOT NULL,
    "organization_id" UUID NOT NULL,
    "managers_channel_id" TEXT,
    "linked_by_email" TEXT,
    "linked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "chat_workspace_pkey" PRIMARY KEY ("platform","external_id")
);

-- CreateTable
CREATE TABLE "chat_link_code" (
    "code_hash" BYTEA NOT NULL,
    "organization_id" UUID NOT NULL,
    "platform" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "chat_link_code_pkey" PRIMARY KEY ("code_hash")
);

-- CreateTable
CREATE TABLE "chat_user" (
    "platform" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "external_user_id" TEXT NOT NULL,
    "email" TEXT,
    "locale" TEXT,
    "conversation_id" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "chat_user_pkey" PRIMARY KEY ("platform","workspace_id","external_user_id")
);

-- CreateTable
CREATE TABLE "chat_post" (
    "platform" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "channel_id" TEXT NOT NULL,
    "message_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "chat_post_pkey" PRIMARY KEY ("platform","workspace_id","subject")
);

-- CreateTable
CREATE TABLE "slack_installation" (
    "id" TEXT NOT NULL,
    "installation" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "slack_installation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_draft" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "file_name" TEXT,
    "content" TEXT NOT NULL,
    "status" "ImportDraftStatus" NOT NULL DEFAULT 'REVIEWED',
    "result" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),

    CONSTRAINT "import_draft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "chat_workspace_organization_id_idx" ON "chat_workspace"("organization_id");

-- CreateIndex
CREATE INDEX "chat_link_code_organization_id_idx" ON "chat_link_code"("organization_id");

-- CreateIndex
CREATE INDEX "chat_user_platform_workspace_id_email_idx" ON "chat_user"("platform", "workspace_id", "email");

-- CreateIndex
CREATE INDEX "import_draft_organization_id_created_at_idx" ON "import_draft"("organization_id", "created_at");

-- AddForeignKey
ALTER TABLE "chat_workspace" ADD CONSTRAINT "chat_workspace_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chat_link_code" ADD CONSTRAINT "chat_link_code_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_draft" ADD CONSTRAINT "import_draft_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
