// A member's invite request, as the admins see it: who asked (and who joined), for whom, their
// note, and Approve (confirmed) / Deny (asks why) while it is open; who decided once it is not.
import type { KnownBlock } from '@slack/types';
import { inviteRequestTexts } from '../../chat/rendering/invite-request-texts.js';
import type { Locale } from '../../i18n/locale.js';
import type { InviteRequestDetails } from '../../invite-requests/invite-request-details.js';
import { clip, context, escapeMrkdwn, section } from '../reply.js';

export const inviteRequestActions = { approve: 'invite_request_approve', deny: 'invite_request_deny' } as const;

export function inviteRequestCard(
  details: InviteRequestDetails,
  locale: Locale,
): { text: string; blocks: KnownBlock[] } {
  const texts = inviteRequestTexts(locale);
  const { request } = details;
  const headline = texts.headline(escapeMrkdwn(details.requestedByEmail ?? '?'), escapeMrkdwn(request.email));
  // The title in bold rather than a header block: one section says who asks for whom.
  const blocks: KnownBlock[] = [section(`*${texts.title}*\n${headline}`)];
  if (request.note) blocks.push(section(clip(`*${texts.noteLabel}*\n${escapeMrkdwn(request.note)}`)));
  if (details.alsoRequestedByEmails.length > 0) {
    blocks.push(context(clip(texts.alsoAskedBy(escapeMrkdwn(details.alsoRequestedByEmails.join(', '))))));
  }
  if (request.status === 'PENDING') {
    blocks.push({
      type: 'actions',
      block_id: `invite_request:${request.id}`,
      elements: [
        {
          type: 'button',
          action_id: inviteRequestActions.approve,
          style: 'primary',
          text: { type: 'plain_text', text: texts.approve },
          value: request.id,
          confirm: {
            title: { type: 'plain_text', text: texts.approve },
            text: { type: 'plain_text', text: clip(texts.approveConfirm(request.email), 300) },
            confirm: { type: 'plain_text', text: texts.approve },
            deny: { type: 'plain_text', text: texts.cancel },
          },
        },
        {
          type: 'button',
          action_id: inviteRequestActions.deny,
          style: 'danger',
          text: { type: 'plain_text', text: texts.deny },
          value: request.id,
        },
      ],
    });
  } else {
    const by = escapeMrkdwn(details.decidedByEmail ?? '?');
    blocks.push(
      section(
        clip(
          request.status === 'APPROVED'
            ? texts.approvedBy(by, details.invitationStatus === 'AWAITING_APPROVAL')
            : texts.deniedBy(by, escapeMrkdwn(request.reason ?? '')),
        ),
      ),
    );
  }
  return { text: `${texts.title}: ${headline.replace(/\*/g, '')}`, blocks };
}
