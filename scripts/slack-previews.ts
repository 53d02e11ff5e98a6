// `npm run slack:previews`: writes docs/slack/*.json, the Block Kit of Sesame's main Slack surfaces
// built from sample data by the same code the app runs (paste one into Slack's Block Kit Builder,
// https://app.slack.com/block-kit-builder, to see it as Slack draws it), and, when Chromium is installed,
// docs/slack/*.png: a screenshot of each, drawn by scripts/render-block-kit.ts, for the README.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { DigestSummary } from '../src/digest/digest-summary.js';
import type { DryRunResult } from '../src/imports/dry-run-import.js';
import type { InviteFormChoices } from '../src/invitations/invite-form-choices.js';
import type { InvitationPage } from '../src/invitations/list-invitations.js';
import type { InviteRequestDetails } from '../src/invite-requests/invite-request-details.js';
import { defaultCatalogue } from '../src/organizations/catalogue.js';
import type { Organization } from '../src/organizations/organization.js';
import type { SeatRequestDetails } from '../src/seats/seat-request-details.js';
import { addMemberModal, passwordView } from '../src/slack/blocks/add-member-modal.js';
import { digestMessage } from '../src/slack/blocks/digest.js';
import { importReview } from '../src/slack/blocks/import-review.js';
import { inviteModal } from '../src/slack/blocks/invite-modal.js';
import { inviteRequestCard } from '../src/slack/blocks/invite-request-card.js';
import { pendingList } from '../src/slack/blocks/pending-list.js';
import { seatRequestCard } from '../src/slack/blocks/seat-request-card.js';
import { renderBlockKitHtml } from './render-block-kit.js';

const dir = join(import.meta.dirname, '..', 'docs', 'slack');
const organization = { id: 'org', name: 'Acme', catalogue: defaultCatalogue, locale: 'en' } as unknown as Organization;
const now = new Date('2026-11-27T10:00:00Z');
const day = 86_400_000;

const invitation = (email: string, status: 'PENDING' | 'AWAITING_APPROVAL', role: string, userType: string) =>
  ({
    id: `3f1c2a9e-0000-4000-8000-00000000000${email.length % 10}`,
    email,
    firstName: '',
    lastName: '',
    status,
    role,
    userType,
    inviterEmail: 'camille@acme.example',
    expiresAt: new Date(now.getTime() + 12 * day),
    deliveryStatus: 'DELIVERED',
  }) as unknown as InvitationPage['invitations'][number];

const page: InvitationPage = {
  invitations: [
    invitation('ana@acme.example', 'PENDING', 'publisher', 'creator'),
    invitation('bo@acme.example', 'PENDING', 'viewer', 'viewer'),
    invitation('chen@acme.example', 'AWAITING_APPROVAL', 'data_editor', 'editor'),
  ],
  total: 3,
  page: 1,
  pageSize: 10,
  pages: 1,
  counts: { pending: 2, awaitingApproval: 1, byUserType: { creator: 1, viewer: 1, editor: 1 } },
};

const seatRequest = {
  request: {
    id: '7d0f5b7e-1111-4000-8000-000000000001',
    organizationId: 'org',
    requestedById: 'm',
    seatsRequested: 2,
    limitBefore: 10,
    status: 'PENDING',
    decidedById: null,
    decidedAt: null,
    reason: null,
    createdAt: now,
  },
  organizationName: 'Acme',
  requestedByEmail: 'camille@acme.example',
  decidedByEmail: null,
  invitees: ['chen@acme.example', 'dina@acme.example'],
  inviteeCount: 2,
  kind: 'internal',
  companies: [],
  companyCount: 0,
  seats: 2,
  limitBefore: 10,
  limitAfter: 12,
} as unknown as SeatRequestDetails;

const dryRun: DryRunResult = {
  rows: 5,
  valid: 3,
  toInvite: 3,
  toAdd: 0,
  alreadyInvited: 0,
  alreadyMembers: 0,
  wouldHold: 1,
  errors: [
    {
      line: 3,
      column: 'Email',
      code: 'email.apostrophe',
      params: {},
      message: '"o\'neil@acme.example" contains an apostrophe, which e-mail addresses may not contain here: remove it.',
    },
    {
      line: 5,
      column: 'Role',
      code: 'role.admin_not_grantable',
      params: {},
      message:
        'The Administrator role cannot be granted by invitation or import; invite with another role, then promote the member.',
    },
  ] as DryRunResult['errors'],
  warnings: [],
};

/** An organization with an identity provider and the seed's partner companies (issues 15 and 16). */
const choices: InviteFormChoices = {
  enterpriseLogin: { label: 'Acme SSO', joinMode: 'EITHER' },
  companies: [
    { id: '5b0c6c1e-0000-4000-8000-000000000001', path: 'Groupe JLO', covered: true },
    { id: '5b0c6c1e-0000-4000-8000-000000000002', path: 'Groupe JLO/JLO PARIS', covered: true },
    { id: '5b0c6c1e-0000-4000-8000-000000000003', path: 'Groupe JLO/JLO PROVINCE', covered: true },
    { id: '5b0c6c1e-0000-4000-8000-000000000004', path: 'Acier Ouest', covered: false },
  ],
  licences: [
    {
      key: 'insights',
      names: { en: 'ArcGIS Insights', fr: 'ArcGIS Insights' },
      userTypes: ['creator'],
      owned: 10,
      left: 3,
    },
    {
      key: 'workforce',
      names: { en: 'ArcGIS Workforce', fr: 'ArcGIS Workforce' },
      userTypes: ['editor', 'creator'],
      owned: null,
      left: null,
    },
  ],
  canSetCredits: true,
};

/** A morning's digest in the managers' channel (issue 19). */
const digest: DigestSummary = {
  organizationId: 'org',
  organizationName: 'Acme',
  timezone: 'Europe/Paris',
  since: new Date('2026-03-01T07:00:00Z'),
  now: new Date('2026-03-02T07:00:00Z'),
  pending: 14,
  expiringSoon: 3,
  accepted: 5,
  bounced: 1,
  held: 2,
  seatRequests: [
    {
      id: '7d0f5b7e-1111-4000-8000-000000000001',
      kind: 'internal',
      seatsRequested: 2,
      requestedBy: 'camille@acme.example',
      createdAt: new Date('2026-03-01T15:12:00Z'),
    },
  ],
  seats: { internal: { used: 48, limit: 50, remaining: 2 }, external: { used: 4, limit: 10, remaining: 6 } },
};

/** A member's request that an administrator invite someone (issue 19). */
const inviteRequest: InviteRequestDetails = {
  request: {
    id: '11111111-2222-4333-8444-555555555555',
    organizationId: 'org',
    email: 'zoe@partner.example',
    openEmail: 'zoe@partner.example',
    note: 'Zoé joins the Lyon project on Monday.',
    requestedById: 'm',
    alsoRequestedByIds: [],
    status: 'PENDING',
    decidedById: null,
    decidedAt: null,
    reason: null,
    invitationId: null,
    createdAt: now,
  },
  organizationName: 'Acme',
  requestedByEmail: 'ana@acme.example',
  alsoRequestedByEmails: [],
  decidedByEmail: null,
  invitationStatus: null,
};

const surfaces: Record<string, unknown> = {
  digest: { blocks: digestMessage(digest, 'en').blocks },
  'invite-request-card': { blocks: inviteRequestCard(inviteRequest, 'en').blocks },
  'invite-modal': inviteModal(defaultCatalogue, 'en', {}, { choices, userType: 'creator', external: true }),
  'invite-modal-fr': inviteModal(defaultCatalogue, 'fr', {}, { choices, userType: 'editor' }),
  'pending-list': { blocks: pendingList(page, organization, {}, 'en').blocks },
  'seat-request-card': { blocks: seatRequestCard(seatRequest, 'en').blocks },
  'seat-request-card-approved': {
    blocks: seatRequestCard(
      { ...seatRequest, request: { ...seatRequest.request, status: 'APPROVED' }, decidedByEmail: 'dana@acme.example' },
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

await mkdir(dir, { recursive: true });
for (const [name, surface] of Object.entries(surfaces)) {
  await writeFile(join(dir, `${name}.json`), `${JSON.stringify(surface, null, 2)}\n`);
}
console.log(
  `Written ${Object.keys(surfaces).length} surfaces to ${dir}: paste one into https://app.slack.com/block-kit-builder`,
);

const chromiumPath = '/usr/bin/chromium';
if (!existsSync(chromiumPath)) {
  console.log(`PNG screenshots skipped: no ${chromiumPath} (install it with \`apt-get install -y chromium\`).`);
} else {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  try {
    for (const [name, surface] of Object.entries(surfaces)) {
      const isModal = (surface as { type?: string }).type === 'modal';
      const tab = await browser.newPage({
        viewport: { width: isModal ? 560 : 720, height: 100 }, // fullPage grows it to the content
        deviceScaleFactor: 1,
      });
      const html = renderBlockKitHtml(surface, { optionalLabel: name.endsWith('-fr') ? '(facultatif)' : '(optional)' });
      await tab.setContent(html, { waitUntil: 'load' });
      await tab.screenshot({ path: join(dir, `${name}.png`), type: 'png', fullPage: true });
      await tab.close();
    }
  } finally {
    await browser.close();
  }
  console.log(`Written ${Object.keys(surfaces).length} screenshots (PNG) to ${dir}`);
}
