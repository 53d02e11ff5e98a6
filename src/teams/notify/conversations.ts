// Sending into, and updating in, a conversation Sesame stored (a channel, a personal chat),
// through the Bot Connector of its serviceUrl, each call time-boxed.
import type { ActivityParams, Client as ApiClient } from '@microsoft/teams.api';
import { withinTime } from '../../notifications/time-limit.js';

/** What Sesame stores to reach a conversation again (see conversationReference in identify.ts). */
export interface StoredReference {
  serviceUrl?: string;
  conversation?: { id?: string; conversationType?: string | null; tenantId?: string };
  bot?: { id?: string; name?: string };
}

/** Sends into, or updates in, a stored conversation, through the Bot Connector of its serviceUrl. */
export interface Conversations {
  send(reference: unknown, activity: ActivityParams): Promise<string | undefined>;
  update(reference: unknown, activityId: string, activity: ActivityParams): Promise<void>;
}

export function conversationsOf(api: ApiClient, timeoutMs: number): Conversations {
  const target = (reference: unknown) => {
    const stored = (reference ?? {}) as StoredReference;
    const conversationId = stored.conversation?.id;
    if (!stored.serviceUrl || !conversationId) throw new Error('the stored conversation reference is incomplete');
    return { client: api.clone({ serviceUrl: stored.serviceUrl }).conversations, conversationId, bot: stored.bot };
  };
  return {
    async send(reference, activity) {
      const { client, conversationId, bot } = target(reference);
      const sending = client.createActivity(conversationId, { ...activity, ...(bot?.id ? { from: bot } : {}) });
      const sent = await withinTime(sending, timeoutMs, 'the Bot Connector');
      return sent?.id;
    },
    async update(reference, activityId, activity) {
      const { client, conversationId } = target(reference);
      await withinTime(client.updateActivity(conversationId, activityId, activity), timeoutMs, 'the Bot Connector');
    },
  };
}
