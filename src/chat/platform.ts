// The chat platforms Sesame serves. The domain keeps what they share (workspace links, users,
// posted messages); each platform's adapter lives in its own folder (src/slack, src/teams).
export const chatPlatforms = ['slack', 'teams'] as const;
export type ChatPlatform = (typeof chatPlatforms)[number];

/** A workspace as the chat adapters name it: the platform and its own id for it. */
export interface WorkspaceRef {
  platform: ChatPlatform;
  /** Slack team id (or enterprise id) / Teams tenant id. */
  externalId: string;
}
