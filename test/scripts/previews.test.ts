// The README's previews (`npm run slack:previews`, `npm run teams:previews`): what the scripts write
// is built by the app's own Block Kit and Adaptive Card code from the shared samples, and passes the
// checks every surface Sesame sends passes (Slack's limits; Microsoft's validators and Teams' rules).
// No browser here: drawing the PNGs is the scripts' own business.
import { describe, expect, it } from 'vitest';
import { timeline } from '../../scripts/preview-samples.js';
import { teamsMarkdownHtml } from '../../scripts/preview-teams-page.js';
import { slackPreviewSurfaces } from '../../scripts/slack-previews.js';
import { teamsPreviewCards } from '../../scripts/teams-previews.js';
import { blockKitProblems, messageProblems } from '../slack/block-kit-limits.js';
import { adaptiveCardProblems } from '../support/card-validation.js';

/** The README's sections each show these, in both channels. */
const SHOWN_IN_README = ['digest', 'timeline', 'invite-request-card', 'bulk-confirmation'];

type Block = Record<string, unknown>;
/** Slack's limits on a message: its headers by the modal checker (they are the same), the rest by the message's. */
function slackMessageProblems(blocks: Block[]): string[] {
  const headers = blocks.filter((block) => block.type === 'header');
  const modal = { type: 'modal', title: { type: 'plain_text', text: 'Preview' }, blocks: headers };
  return [
    ...messageProblems(blocks.filter((block) => block.type !== 'header')),
    ...(headers.length > 0 ? blockKitProblems(modal) : []),
  ];
}

describe('the Slack previews', () => {
  const surfaces = slackPreviewSurfaces();

  it('hold the README sections’ messages, within Slack’s limits for a message', () => {
    for (const name of SHOWN_IN_README) {
      const blocks = (surfaces[name] as { blocks?: Block[] } | undefined)?.blocks ?? [];
      expect(blocks.length, name).toBeGreaterThan(0);
      expect(slackMessageProblems(blocks), name).toEqual([]);
    }
  });

  it('tell the sample invitation’s whole story, a line for each step', () => {
    const steps = timeline.stories[0]?.steps ?? [];
    const kinds = new Set<string>(steps.map((step) => step.kind));
    for (const kind of ['created', 'held', 'approved', 'emailed', 'delivered', 'reminded', 'resent', 'accepted']) {
      expect(kinds.has(kind), kind).toBe(true);
    }
    const webhooks = steps.flatMap((step) => (step.kind === 'webhook' ? [step.event] : []));
    expect(webhooks).toEqual(expect.arrayContaining(['invitation.created', 'invitation.accepted', 'member.enrolled']));
    const blocks = (surfaces.timeline as { blocks: { text?: { text: string } }[] }).blocks;
    const lines = blocks.flatMap((block) => block.text?.text.split('\n') ?? []);
    // "*2 March 2026 at 09:14 UTC* · Invited by …": every step shown, none left to "… and N more steps".
    expect(lines.filter((line) => /^\*[^*]+ UTC\* · /.test(line))).toHaveLength(steps.length);
    expect(JSON.stringify(blocks)).not.toContain('more step');
  });
});

describe('the Teams previews', () => {
  const cards = teamsPreviewCards();

  it('hold the README sections’ cards and the other cards, each accepted by Microsoft’s validators', () => {
    expect(Object.keys(cards)).toEqual(
      expect.arrayContaining([...SHOWN_IN_README, 'seat-request-card', 'pending-card', 'invite-dialog']),
    );
    for (const [name, preview] of Object.entries(cards)) {
      expect(adaptiveCardProblems(preview.card), name).toEqual([]);
    }
  });

  it('show the cards as Teams gets them: French texts with non-breaking spaces before colons', () => {
    const french = JSON.stringify(cards['timeline-fr']?.card);
    expect(french).toContain('Invitation à');
    expect(french).toContain('\u00a0:');
    expect(french).not.toMatch(/ :/);
  });
});

describe('the Markdown of the Teams previews', () => {
  it('draws bold, code and links, and shows escaped signs and HTML as typed', () => {
    expect(teamsMarkdownHtml('**Invitation to ana\\_b\\*@example.com** · id `3f\\1c`')).toBe(
      '<strong>Invitation to ana_b*@example.com</strong> · id <code>3f\\1c</code>',
    );
    expect(teamsMarkdownHtml('a <b>tag</b> & [Sesame](https://sesame.example)\nnext')).toBe(
      'a &lt;b&gt;tag&lt;/b&gt; &amp; <a href="https://sesame.example">Sesame</a><br>next',
    );
    expect(teamsMarkdownHtml('\\[not a link\\](x) _italic_')).toBe('[not a link](x) <em>italic</em>');
  });
});
