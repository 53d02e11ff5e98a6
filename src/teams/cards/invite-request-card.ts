// A member's invite request, as the admins see it in Teams: who asked (and who joined), for whom,
// their note; Approve, or Deny with a reason, while open; who decided once it is not.
import { inviteRequestTexts } from '../../chat/rendering/invite-request-texts.js';
import type { Locale } from '../../i18n/locale.js';
import { REASON_MAX } from '../../invite-requests/decide-invite-request.js';
import type { InviteRequestDetails } from '../../invite-requests/invite-request-details.js';
import { escapeTeamsMarkdown } from '../markdown.js';
import { type AdaptiveCard, adaptiveCard, type Element, execute, small, text } from './adaptive.js';

export const inviteRequestVerbs = { approve: 'invite_request_approve', deny: 'invite_request_deny' } as const;

export function inviteRequestCard(details: InviteRequestDetails, locale: Locale): AdaptiveCard {
  const texts = inviteRequestTexts(locale);
  const { request } = details;
  const body: Element[] = [
    text(texts.title, { weight: 'Bolder', size: 'Large' }),
    text(texts.headline(escapeTeamsMarkdown(details.requestedByEmail ?? '?'), escapeTeamsMarkdown(request.email))),
  ];
  if (request.note)
    body.push({ type: 'FactSet', facts: [{ title: texts.noteLabel, value: escapeTeamsMarkdown(request.note) }] });
  if (details.alsoRequestedByEmails.length > 0) {
    body.push(small(texts.alsoAskedBy(escapeTeamsMarkdown(details.alsoRequestedByEmails.join(', ')))));
  }
  if (request.status !== 'PENDING') {
    const by = escapeTeamsMarkdown(details.decidedByEmail ?? '?');
    body.push(
      text(
        request.status === 'APPROVED'
          ? texts.approvedBy(by, details.invitationStatus === 'AWAITING_APPROVAL')
          : texts.deniedBy(by, escapeTeamsMarkdown(request.reason ?? '')),
        { weight: 'Bolder' },
      ),
    );
    return adaptiveCard(body);
  }
  body.push({ type: 'Input.Text', id: 'reason', label: texts.reasonLabel, isMultiline: true, maxLength: REASON_MAX });
  return adaptiveCard(body, [
    execute(texts.approve, inviteRequestVerbs.approve, { requestId: request.id }, 'positive'),
    execute(texts.deny, inviteRequestVerbs.deny, { requestId: request.id }, 'destructive'),
  ]);
}
