// `npm run teams:previews`: writes docs/teams/*.json, the Adaptive Cards of Sesame's main Teams
// surfaces built from the same samples as Slack's previews (scripts/preview-samples.ts) by the same
// code the bot runs, typeset as the bot sends them (paste one into Microsoft's designer,
// https://adaptivecards.microsoft.com/designer, to see it in Teams' host), and, when Chromium is
// installed, docs/teams/*.png: each drawn by Microsoft's renderer in a Teams-like page
// (scripts/preview-teams-page.ts), for the README.
// `npm run teams:previews -- timeline digest` writes only the cards named.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type AdaptiveCard, cardAttachment } from '../src/teams/cards/adaptive.js';
import { bulkConfirmationCard } from '../src/teams/cards/bulk-confirmation-card.js';
import { digestCard } from '../src/teams/cards/digest-card.js';
import { inviteDialog } from '../src/teams/cards/invite-dialog.js';
import { inviteRequestCard } from '../src/teams/cards/invite-request-card.js';
import { pendingCard } from '../src/teams/cards/pending-card.js';
import { seatRequestCard } from '../src/teams/cards/seat-request-card.js';
import { timelineCard } from '../src/teams/cards/timeline-card.js';
import { invokedDirectly } from './invoked-directly.js';
import { chosenPreviews, screenshotPreviews } from './preview-browser.js';
import {
  bulkResend,
  bulkRevoke,
  choices,
  digest,
  inviteRequest,
  organization,
  page,
  seatRequest,
  timeline,
} from './preview-samples.js';
import { adaptiveCardPage, type TeamsFrame } from './preview-teams-page.js';

export interface TeamsPreview {
  /** The card as the bot sends it (its texts typeset). */
  card: unknown;
  frame: TeamsFrame;
}

const message = (card: AdaptiveCard): TeamsPreview => ({
  card: cardAttachment(card).content,
  frame: { kind: 'message' },
});

/** Each card by the name of its files. */
export function teamsPreviewCards(): Record<string, TeamsPreview> {
  const invite = inviteDialog(organization, choices, 'en');
  return {
    digest: message(digestCard(digest, 'en')),
    timeline: message(timelineCard(timeline, 'en')),
    'timeline-fr': message(timelineCard(timeline, 'fr')),
    'invite-request-card': message(inviteRequestCard(inviteRequest, 'en')),
    'bulk-confirmation': message(bulkConfirmationCard('resend', bulkResend, {}, 'en')),
    'bulk-confirmation-revoke': message(bulkConfirmationCard('revoke', bulkRevoke, {}, 'en')),
    'seat-request-card': message(seatRequestCard(seatRequest, 'en')),
    'pending-card': message(pendingCard(page, organization, {}, 'en')),
    'invite-dialog': { card: invite.card?.content, frame: { kind: 'dialog', title: invite.title ?? '' } },
  };
}

async function main(names: string[]): Promise<void> {
  const dir = join(import.meta.dirname, '..', 'docs', 'teams');
  const previews = chosenPreviews(teamsPreviewCards(), names);
  await mkdir(dir, { recursive: true });
  for (const [name, { card }] of previews) {
    await writeFile(join(dir, `${name}.json`), `${JSON.stringify(card, null, 2)}\n`);
  }
  console.log(
    `Written ${previews.length} cards to ${dir}: paste one into https://adaptivecards.microsoft.com/designer`,
  );
  const pages = previews.map(([name, { card, frame }]) => ({
    name,
    html: adaptiveCardPage(card, frame),
    // A card in a chat message is about 580 pixels wide; a "medium" dialog, 600.
    width: frame.kind === 'message' ? 680 : 648,
  }));
  if (await screenshotPreviews(dir, pages)) console.log(`Written ${pages.length} screenshots (PNG) to ${dir}`);
}

if (invokedDirectly(import.meta.url)) await main(process.argv.slice(2));
