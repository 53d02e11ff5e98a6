// The sample data the README's previews are drawn from (`npm run slack:previews`, `npm run
// teams:previews`): one organization, Acme, seen the same way in Slack and Teams. Realistic, but
// made up: no database is read.
import type { DigestSummary } from '../src/digest/digest-summary.js';
import type { DryRunResult } from '../src/imports/dry-run-import.js';
import type { BulkResendPreview } from '../src/invitations/bulk-resend-expired.js';
import type { BulkRevokePreview } from '../src/invitations/bulk-revoke-stale.js';
import type { InvitationTimeline, TimelineStep } from '../src/invitations/invitation-timeline.js';
import type { InviteFormChoices } from '../src/invitations/invite-form-choices.js';
import type { InvitationPage } from '../src/invitations/list-invitations.js';
import type { InviteRequestDetails } from '../src/invite-requests/invite-request-details.js';
import { defaultCatalogue } from '../src/organizations/catalogue.js';
import type { Organization } from '../src/organizations/organization.js';
import type { SeatRequestDetails } from '../src/seats/seat-request-details.js';

export const organization = {
  id: 'org',
  name: 'Acme',
  catalogue: defaultCatalogue,
  locale: 'en',
} as unknown as Organization;
const now = new Date('2026-11-27T10:00:00Z');
const day = 86_400_000;

const invitation = (
  email: string,
  status: 'PENDING' | 'AWAITING_APPROVAL',
  role: string,
  userType: string,
  properties: { licences?: string[]; credits?: number } = {},
) =>
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
    licences: properties.licences ?? [],
    credits: properties.credits ?? null,
    creditsUnlimited: false,
    language: null,
  }) as unknown as InvitationPage['invitations'][number];

export const page: InvitationPage = {
  invitations: [
    invitation('ana@acme.example', 'PENDING', 'publisher', 'creator', { licences: ['insights'], credits: 500 }),
    invitation('bo@acme.example', 'PENDING', 'viewer', 'viewer'),
    invitation('chen@acme.example', 'AWAITING_APPROVAL', 'data_editor', 'editor'),
  ],
  total: 3,
  page: 1,
  pageSize: 10,
  pages: 1,
  counts: { pending: 2, awaitingApproval: 1, byUserType: { creator: 1, viewer: 1, editor: 1 } },
};

export const seatRequest = {
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

export const dryRun: DryRunResult = {
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
export const choices: InviteFormChoices = {
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
export const digest: DigestSummary = {
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
export const inviteRequest: InviteRequestDetails = {
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

const at = (iso: string) => new Date(iso);
const dana = { email: 'dana@acme.example', channel: 'slack' };
const webhook = (iso: string, event: string, attempts = 1): TimelineStep => ({
  kind: 'webhook',
  at: at(iso),
  event,
  endpoint: 'hooks.acme.example',
  state: 'delivered',
  attempts,
});

/**
 * `status zoe@partner.example` (issue 19): the invitation of that request, through every step. Held
 * (no external seat was free) until a manager approved seats; e-mailed, reminded, resent, accepted;
 * the webhooks it set off. An earlier invitation to the address was revoked.
 */
export const timeline: InvitationTimeline = {
  stories: [
    {
      invitation: {
        id: '9b2e4c71-6d3a-4f85-8e1b-2c7a5d9f0e43',
        email: 'zoe@partner.example',
        status: 'ACCEPTED',
        createdAt: at('2026-03-02T09:14:00Z'),
        expiresAt: at('2026-03-23T14:45:00Z'),
        closedAt: at('2026-03-10T08:30:00Z'),
        inviterEmail: dana.email,
        external: true,
        companyName: 'JLO PARIS',
      },
      steps: [
        { kind: 'created', at: at('2026-03-02T09:14:00Z'), by: dana, imported: false },
        { kind: 'held', at: at('2026-03-02T09:14:00Z'), by: null, resumed: false },
        webhook('2026-03-02T09:14:01Z', 'invitation.created'),
        { kind: 'approved', at: at('2026-03-02T10:02:00Z'), by: { email: 'camille@acme.example', channel: 'teams' } },
        { kind: 'emailed', at: at('2026-03-02T10:02:00Z'), reason: 'invite', state: 'sent', attempts: 1 },
        { kind: 'delivered', at: at('2026-03-02T10:02:00Z'), reason: null },
        { kind: 'reminded', at: at('2026-03-05T10:02:00Z'), by: null },
        { kind: 'emailed', at: at('2026-03-05T10:02:00Z'), reason: 'reminder', state: 'sent', attempts: 1 },
        { kind: 'delivered', at: at('2026-03-05T10:03:00Z'), reason: null },
        { kind: 'resent', at: at('2026-03-09T14:45:00Z'), by: { email: dana.email, channel: 'cli' } },
        { kind: 'emailed', at: at('2026-03-09T14:45:00Z'), reason: 'resend', state: 'sent', attempts: 1 },
        { kind: 'delivered', at: at('2026-03-09T14:45:00Z'), reason: null },
        { kind: 'accepted', at: at('2026-03-10T08:30:00Z'), by: { email: 'zoe@partner.example', channel: 'web' } },
        webhook('2026-03-10T08:30:01Z', 'invitation.accepted'),
        webhook('2026-03-10T08:31:00Z', 'member.enrolled', 2),
      ],
    },
  ],
  others: [{ id: '4c8a1f2e-7b3d-4e69-a05c-6d2b9e8f1a37', status: 'REVOKED', createdAt: at('2026-02-20T16:40:00Z') }],
};

/** "Resend all expired in the last 7 days", from the pending list: the count, a few, the held and left out. */
export const bulkResend: BulkResendPreview = {
  days: 7,
  count: 6,
  held: 1,
  sample: ['ana@acme.example', 'bo@acme.example', 'chen@acme.example'],
  skipped: { member: 1, reinvited: 0, usernameTaken: 0, uncovered: 1, cooldown: 2 },
};

/** "Revoke all pending older than 30 days". */
export const bulkRevoke: BulkRevokePreview = {
  days: 30,
  count: 4,
  held: 1,
  sample: ['eli@acme.example', 'fatou@acme.example', 'gus@partner.example'],
};
