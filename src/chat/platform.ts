// The chat platforms Sesame serves. What they share lives beside this file: workspace operations
// on the database (links, users, posted messages: workspaces/), the texts and lists both render
// (rendering/) and the command parser (command-text.ts); each platform's adapter lives in its own
// folder (src/slack, src/teams).
export const chatPlatforms = ['slack', 'teams'] as const;
export type ChatPlatform = (typeof chatPlatforms)[number];

/** A workspace as the chat adapters name it: the platform and its own id for it. */
export interface WorkspaceRef {
  platform: ChatPlatform;
  /** Slack team id (or enterprise id) / Teams tenant id. */
  externalId: string;
}
