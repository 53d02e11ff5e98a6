// The invitation e-mail, also sent as a resend (new link) and as a reminder.
import type { Locale } from '../../i18n/locale.js';
import { withAddress } from '../../organizations/sender.js';
import { oneLine } from '../../text/one-line.js';
import { type ComposedEmail, compose } from '../compose.js';
import { escapeHtml, escapeMultiline } from '../escape.js';
import { formatDateTime } from '../format-date.js';
import { DEFAULT_COLOR, type EmailBrand, textFooter } from './email-brand.js';
import { button, frame, paragraph, plainLink, quote } from './frame.js';
import { invitationWords } from './texts.js';

export type InvitationEmailReason = 'invite' | 'resend' | 'reminder';

export interface InvitationEmailData {
  locale: Locale;
  reason: InvitationEmailReason;
  organizationName: string;
  /** The inviter's name, or their e-mail address when they have none. */
  inviterName: string;
  /** The inviter's address, shown after their name ("Jeanne Dupont (jeanne@acme.example)"). */
  inviterEmail?: string;
  /** The organization's logo, colour and footer; its name as shown is organizationName. */
  brand?: EmailBrand;
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
  /** The username the admin chose for the invitee ("add and notify"): stated, it cannot change. */
  username?: string | null;
}

export function renderInvitationEmail(
  d: InvitationEmailData,
): ComposedEmail<'greeting' | 'role' | 'expires' | 'link' | 'email' | 'username'> {
  const w = invitationWords[d.locale];
  const accept = d.enterpriseLabel ? w.continueWith({ label: d.enterpriseLabel }) : w.accept;
  const org = d.organizationName;
  const inviter = d.inviterName;
  // The subject and the message's caption name the inviter; the lines saying who invited add the address.
  const inviterFull = d.inviterEmail ? withAddress(inviter, d.inviterEmail) : inviter;
  const color = d.brand?.color ?? DEFAULT_COLOR;
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
      username: d.username ?? '',
    },
    text: (slot) =>
      [
        slot('greeting'),
        '',
        ...(d.reason === 'resend' ? [w.resendLead, ''] : []),
        intro({ inviter: inviterFull, org, role: slot('role') }),
        '',
        d.company ? w.externalFor({ org, company: d.company }) : w.subscription({ org }),
        '',
        ...(d.username ? [w.reservedUsername({ username: slot('username') }), ''] : []),
        ...(d.message ? [w.messageCaption({ inviter }), ...d.message.split(/\r?\n/).map((l) => `> ${l}`), ''] : []),
        `${accept}${d.locale === 'fr' ? ' :' : ':'}`,
        slot('link'),
        '',
        w.expires({ date: slot('expires') }),
        '',
        ...textFooter(w.footer({ inviter: inviterFull, email: slot('email'), org }), d.brand, d.locale),
      ].join('\n'),
    html: (slot) => {
      const orgHtml = escapeHtml(org);
      const inviterHtml = escapeHtml(inviter);
      const inviterFullHtml = escapeHtml(inviterFull);
      return frame({
        lang: d.locale,
        brand: d.brand,
        titleHtml: escapeHtml(subject),
        preheaderHtml: intro({ inviter: inviterHtml, org: orgHtml, role: slot('role') }),
        headerHtml: w.heading({ org: orgHtml }),
        rows: [
          paragraph(slot('greeting')),
          ...(d.reason === 'resend' ? [paragraph(escapeHtml(w.resendLead))] : []),
          paragraph(
            intro({
              inviter: `<strong>${inviterFullHtml}</strong>`,
              org: `<strong>${orgHtml}</strong>`,
              role: `<strong>${slot('role')}</strong>`,
            }),
          ),
          paragraph(
            d.company
              ? w.externalFor({ org: orgHtml, company: escapeHtml(d.company) })
              : w.subscription({ org: orgHtml }),
          ),
          ...(d.username ? [paragraph(w.reservedUsername({ username: `<strong>${slot('username')}</strong>` }))] : []),
          ...(d.message ? [quote(w.messageCaption({ inviter: inviterHtml }), escapeMultiline(d.message))] : []),
          button(slot('link'), escapeHtml(accept), color),
          paragraph(w.expires({ date: slot('expires') })),
          plainLink(escapeHtml(w.linkIntro), slot('link'), color),
        ],
        footerHtml: w.footer({ inviter: inviterFullHtml, email: slot('email'), org: orgHtml }),
      });
    },
  });
}
