// A channel message's conversation id ends in `;messageid=<root>`, meaning "in this thread": a
// message sent there is a reply to that old message. The channel is the part before it.
export const withoutThread = (conversationId: string): string => conversationId.split(';')[0] ?? conversationId;
