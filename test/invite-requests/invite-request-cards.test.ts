// The admins' card of an invite request (issue 19, item 3): Slack blocks within Block Kit's
// limits and Teams cards the validators accept, open and decided, in English and French, with
// what members typed escaped (a note full of markup, the longest note allowed).
import { describe, expect, it } from 'vitest';
import { inviteRequestOutcome } from '../../src/chat/rendering/invite-request-texts.js';
import type { InviteRequestDetails } from '../../src/invite-requests/invite-request-details.js';
import { NOTE_MAX } from '../../src/invite-requests/request-invitation.js';
import { inviteRequestActions, inviteRequestCard as slackCard } from '../../src/slack/blocks/invite-request-card.js';
import { fitSlackMessage } from '../../src/slack/limits.js';
import { inviteRequestCard as teamsCard } from '../../src/teams/cards/invite-request-card.js';
import { messageProblems } from '../slack/block-kit-limits.js';
import { adaptiveCardProblems, MAX_CARD_BYTES, utf16Bytes } from '../support/card-validation.js';

const id = '11111111-2222-4333-8444-555555555555';
const details = (over: Partial<InviteRequestDetails['request']> = {}): InviteRequestDetails => ({
  request: {
    id,
    organizationId: id,
    email: 'zoe@partner.example',
    openEmail: 'zoe@partner.example',
    note: `<!here> *urgent* [link](https://evil.example) ${'x'.repeat(NOTE_MAX - 60)}`,
    requestedById: id,
    alsoRequestedByIds: [id],
    status: 'PENDING',
    decidedById: null,
    decidedAt: null,
    reason: null,
    invitationId: null,
    createdAt: new Date('2026-12-04T10:00:00Z'),
    ...over,
  },
  organizationName: 'Acme',
  requestedByEmail: 'ana@members.example',
  alsoRequestedByEmails: ['ben@members.example'],
  decidedByEmail: over.status && over.status !== 'PENDING' ? 'admin@members.example' : null,
  invitationStatus: over.status === 'APPROVED' ? 'AWAITING_APPROVAL' : null,
});

const states = [
  details(),
  details({ status: 'APPROVED', openEmail: null }),
  details({ status: 'DENIED', openEmail: null, reason: '<!channel> not *now*' }),
];

describe('the invite request card', () => {
  for (const locale of ['en', 'fr'] as const) {
    it(`fits Block Kit's limits and escapes what members typed (${locale})`, () => {
      for (const state of states) {
        const message = fitSlackMessage(slackCard(state, locale));
        expect(messageProblems(message.blocks)).toEqual([]);
        const json = JSON.stringify(message.blocks);
        expect(json).not.toContain('<!here>');
        expect(json).not.toContain('<!channel>');
        expect(json.includes(inviteRequestActions.approve)).toBe(state.request.status === 'PENDING');
      }
    });

    it(`is a valid Adaptive Card under Teams' size (${locale})`, () => {
      for (const state of states) {
        const card = teamsCard(state, locale);
        expect(adaptiveCardProblems(card)).toEqual([]);
        expect(utf16Bytes(card)).toBeLessThan(MAX_CARD_BYTES);
        expect(JSON.stringify(card)).not.toContain('[link](https');
      }
    });
  }

  it('tells the member who asked the outcome, in their language, with the reason escaped', () => {
    const escapeLt = (text: string) => text.replace(/</g, '&lt;');
    expect(inviteRequestOutcome('en', states[1] as InviteRequestDetails, escapeLt)).toContain(
      'admin@members.example approved your request: zoe@partner.example is invited, and the invitation waits',
    );
    expect(inviteRequestOutcome('fr', states[2] as InviteRequestDetails, escapeLt)).toContain('a refusé votre demande');
    expect(inviteRequestOutcome('en', states[2] as InviteRequestDetails, escapeLt)).toContain('&lt;!channel>');
  });
});
