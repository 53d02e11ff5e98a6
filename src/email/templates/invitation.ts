// The invitation e-mail, also sent as a resend (new link) and as a reminder.
import type { Locale } from '../../i18n/locale.js';
import { oneLine } from '../../text/one-line.js';
import { type ComposedEmail, compose } from '../compose.js';
import { escapeHtml, escapeMultiline } from '../escape.js';
import { formatDateTime } from '../format-date.js';
import { button, frame, paragraph, plainLink, quote } from './frame.js';
import { invitationWords } from './texts.js';

export type InvitationEmailReason = 'invite' | 'resend' | 'reminder';

export interface InvitationEmailData {
  locale: Locale;
  reason: InvitationEmailReason;
  organizationName: string;
  /** The inviter's name, or their e-mail address when they have none. */
  inviterName: string;
  invitee: { email: string; firstName: string };
  /** Already localized (catalogue's roleName). */
  roleName: string;
  /** The admin's own words, shown as they typed them (escaped in the HTML). */
  message: string | null;
  expiresAt: Date;
  acceptUrl: string;
  /** An enterprise invitation: the identity provider's label ("Continue with <label>"). */
  enterpriseLabel?: string;
  /** An external invitation: the partner company the invitee joins for. */
  company?: string;
}

export function renderInvitationEmail(
  d: InvitationEmailData,
): ComposedEmail<'greeting' | 'role' | 'expires' | 'link' | 'email'> {
  const w = invitationWords[d.locale];
  const accept = d.enterpriseLabel ? w.continueWith({ label: d.enterpriseLabel }) : w.accept;
  const org = d.organizationName;
  const inviter = d.inviterName;
  const subject = (d.reason === 'reminder' ? w.reminderSubject : w.subject)({ inviter, org });
  const intro = d.reason === 'reminder' ? w.reminderIntro : w.intro;
  return compose({
    name: `invitation.${d.reason}.${d.locale}`,
    subject,
    personal: {
      greeting: w.greeting({ name: oneLine(d.invitee.firstName) }),
      role: d.roleName,
      expires: formatDateTime(d.expiresAt, d.locale),
      link: d.acceptUrl,
      email: d.invitee.email,
    },
    text: (slot) =>
      [
        slot('greeting'),
        '',
        ...(d.reason === 'resend' ? [w.resendLead, ''] : []),
        intro({ inviter, org, role: slot('role') }),
        '',
        d.company ? w.externalFor({ org, company: d.company }) : w.subscription({ org }),
        '',
        ...(d.message ? [w.messageCaption({ inviter }), ...d.message.split(/\r?\n/).map((l) => `> ${l}`), ''] : []),
        `${accept}${d.locale === 'fr' ? ' :' : ':'}`,
        slot('link'),
        '',
        w.expires({ date: slot('expires') }),
        '',
        '-- ',
        w.footer({ inviter, email: slot('email'), org }),
        '',
      ].join('\n'),
    html: (slot) => {
      const orgHtml = escapeHtml(org);
      const inviterHtml = escapeHtml(inviter);
      return frame({
        lang: d.locale,
        titleHtml: escapeHtml(subject),
        preheaderHtml: intro({ inviter: inviterHtml, org: orgHtml, role: slot('role') }),
        headerHtml: w.heading({ org: orgHtml }),
        rows: [
          paragraph(slot('greeting')),
          ...(d.reason === 'resend' ? [paragraph(escapeHtml(w.resendLead))] : []),
          paragraph(
            intro({
              inviter: `<strong>${inviterHtml}</strong>`,
              org: `<strong>${orgHtml}</strong>`,
              role: `<strong>${slot('role')}</strong>`,
            }),
          ),
          paragraph(
            d.company
              ? w.externalFor({ org: orgHtml, company: escapeHtml(d.company) })
              : w.subscription({ org: orgHtml }),
          ),
          ...(d.message ? [quote(w.messageCaption({ inviter: inviterHtml }), escapeMultiline(d.message))] : []),
          button(slot('link'), escapeHtml(accept)),
          paragraph(w.expires({ date: slot('expires') })),
          plainLink(escapeHtml(w.linkIntro), slot('link')),
        ],
        footerHtml: w.footer({ inviter: inviterHtml, email: slot('email'), org: orgHtml }),
      });
    },
  });
}
