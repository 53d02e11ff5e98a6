// Slack's limits on a message (docs.slack.dev, "Block Kit" and chat.postMessage): 40,000
// characters of text (longer is truncated by Slack, or refused), 50 blocks, 3,000 characters in a
// section's or a context element's text. Every message Sesame answers with goes through
// `fitSlackMessage`, so that no builder can exceed them, whatever it was given.
import type { KnownBlock } from '@slack/types';

export const SLACK_LIMITS = { text: 40_000, blocks: 50, sectionText: 3_000 } as const;

/** Cuts to `max` characters, ending with "…"; never in the middle of a surrogate pair or an entity. */
export function clipTo(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  // An escaped "&lt;" cut as "&l" would show as such.
  cut = cut.replace(/&[a-z]{0,3}$/, '');
  return `${cut}…`;
}

export function fitSlackMessage<M extends { text: string; blocks?: KnownBlock[] }>(message: M): M {
  const text = clipTo(message.text, SLACK_LIMITS.text);
  if (!message.blocks) return { ...message, text };
  let blocks = message.blocks.map(fitBlock);
  if (blocks.length > SLACK_LIMITS.blocks) {
    const left = blocks.length - (SLACK_LIMITS.blocks - 1);
    blocks = [...blocks.slice(0, SLACK_LIMITS.blocks - 1), moreBlock(left)];
  }
  return { ...message, text, blocks };
}

function fitBlock(block: KnownBlock): KnownBlock {
  if (block.type === 'section') {
    return {
      ...block,
      ...(block.text ? { text: { ...block.text, text: clipTo(block.text.text, SLACK_LIMITS.sectionText) } } : {}),
      ...(block.fields
        ? { fields: block.fields.map((f) => ({ ...f, text: clipTo(f.text, 2_000) })).slice(0, 10) }
        : {}),
    };
  }
  if (block.type === 'context') {
    return {
      ...block,
      elements: block.elements
        .slice(0, 10)
        .map((e) =>
          'text' in e && typeof e.text === 'string' ? { ...e, text: clipTo(e.text, SLACK_LIMITS.sectionText) } : e,
        ),
    };
  }
  return block;
}

/** Language-neutral on purpose: it stands for blocks a builder should never have made. */
const moreBlock = (count: number): KnownBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: `… (+${count})` }],
});
