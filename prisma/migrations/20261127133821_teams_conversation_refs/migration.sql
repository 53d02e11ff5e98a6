-- AlterTable
ALTER TABLE "chat_user" ADD COLUMN     "conversation_ref" JSONB;

-- AlterTable
ALTER TABLE "chat_workspace" ADD COLUMN     "managers_channel_ref" JSONB;
