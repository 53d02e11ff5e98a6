// `npm run slack:previews`: writes docs/slack/*.json, the Block Kit of Sesame's main Slack surfaces
// built from sample data (scripts/preview-samples.ts, shared with Teams' previews) by the same code
// the app runs (paste one into Slack's Block Kit Builder, https://app.slack.com/block-kit-builder,
// to see it as Slack draws it), and, when Chromium is installed, docs/slack/*.png: a screenshot of
// each, drawn by scripts/render-block-kit.ts, for the README.
// `npm run slack:previews -- timeline digest` writes only the surfaces named.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultCatalogue } from '../src/organizations/catalogue.js';
import { addMemberModal, passwordView } from '../src/slack/blocks/add-member-modal.js';
import { bulkConfirmationMessage } from '../src/slack/blocks/bulk-confirmation.js';
import { digestMessage } from '../src/slack/blocks/digest.js';
import { importReview } from '../src/slack/blocks/import-review.js';
import { inviteModal } from '../src/slack/blocks/invite-modal.js';
import { inviteRequestCard } from '../src/slack/blocks/invite-request-card.js';
import { pendingList } from '../src/slack/blocks/pending-list.js';
import { seatRequestCard } from '../src/slack/blocks/seat-request-card.js';
import { timelineMessage } from '../src/slack/blocks/timeline.js';
import { invokedDirectly } from './invoked-directly.js';
import { chosenPreviews, screenshotPreviews } from './preview-browser.js';
import {
  bulkResend,
  bulkRevoke,
  choices,
  digest,
  dryRun,
  inviteRequest,
  organization,
  page,
  seatRequest,
  timeline,
} from './preview-samples.js';
import { renderBlockKitHtml } from './render-block-kit.js';

/** Each surface by the name of its files: a modal view, or a message's `{ blocks }`. */
export function slackPreviewSurfaces(): Record<string, unknown> {
  return {
    digest: { blocks: digestMessage(digest, 'en').blocks },
    timeline: { blocks: timelineMessage(timeline, 'en').blocks },
    'invite-request-card': { blocks: inviteRequestCard(inviteRequest, 'en').blocks },
    'bulk-confirmation': { blocks: bulkConfirmationMessage('resend', bulkResend, {}, 'en').blocks },
    'bulk-confirmation-revoke': { blocks: bulkConfirmationMessage('revoke', bulkRevoke, {}, 'en').blocks },
    'invite-modal': inviteModal(defaultCatalogue, 'en', {}, { choices, userType: 'creator', external: true }),
    'invite-modal-fr': inviteModal(defaultCatalogue, 'fr', {}, { choices, userType: 'editor' }),
    'pending-list': { blocks: pendingList(page, organization, {}, 'en').blocks },
    'seat-request-card': { blocks: seatRequestCard(seatRequest, 'en').blocks },
    'seat-request-card-approved': {
      blocks: seatRequestCard(
        {
          ...seatRequest,
          request: { ...seatRequest.request, status: 'APPROVED' },
          decidedByEmail: 'dana@acme.example',
        },
        'en',
      ).blocks,
    },
    'import-review': importReview(dryRun, 'en', { draftId: 'draft' }),
    'add-member-modal': addMemberModal(defaultCatalogue, 'en', { choices, userType: 'editor' }),
    'member-added': passwordView('en', {
      kind: 'add',
      name: 'Kim Lee',
      email: 'kim.lee@example.com',
      username: 'kim.lee',
      // An example: Sesame draws a new one for each member.
      password: 'h7kqm-3rtxv-p9ce',
    }),
  };
}

async function main(names: string[]): Promise<void> {
  const dir = join(import.meta.dirname, '..', 'docs', 'slack');
  const surfaces = chosenPreviews(slackPreviewSurfaces(), names);
  await mkdir(dir, { recursive: true });
  for (const [name, surface] of surfaces) {
    await writeFile(join(dir, `${name}.json`), `${JSON.stringify(surface, null, 2)}\n`);
  }
  console.log(`Written ${surfaces.length} surfaces to ${dir}: paste one into https://app.slack.com/block-kit-builder`);
  const pages = surfaces.map(([name, surface]) => ({
    name,
    html: renderBlockKitHtml(surface, { optionalLabel: name.endsWith('-fr') ? '(facultatif)' : '(optional)' }),
    width: (surface as { type?: string }).type === 'modal' ? 560 : 720,
  }));
  if (await screenshotPreviews(dir, pages)) console.log(`Written ${pages.length} screenshots (PNG) to ${dir}`);
}

if (invokedDirectly(import.meta.url)) await main(process.argv.slice(2));
