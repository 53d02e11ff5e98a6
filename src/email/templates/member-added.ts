// The "added directly" notice: the account exists, the temporary password came from the admin
// (never in the e-mail), and it must be changed at first login.
import type { Locale } from '../../i18n/locale.js';
import { oneLine } from '../../text/one-line.js';
import { type ComposedEmail, compose } from '../compose.js';
import { escapeHtml } from '../escape.js';
import { button, frame, paragraph, plainLink } from './frame.js';
import { memberAddedWords } from './texts.js';

export interface MemberAddedEmailData {
  locale: Locale;
  organizationName: string;
  /** The admin's name or e-mail; null when their account no longer exists. */
  adminName: string | null;
  member: { email: string; firstName: string; username: string };
  /** Already localized (catalogue's roleName). */
  roleName: string;
  /** `${publicUrl}/first-login?org=<organizationId>` */
  firstLoginUrl: string;
}

export function renderMemberAddedEmail(d: MemberAddedEmailData): ComposedEmail {
  const w = memberAddedWords[d.locale];
  const org = d.organizationName;
  const admin = d.adminName ?? w.unknownAdmin;
  return compose({
    name: `member_added.${d.locale}`,
    subject: w.subject({ org }),
    personal: {
      greeting: w.greeting({ name: oneLine(d.member.firstName) }),
      role: d.roleName,
      username: d.member.username,
      email: d.member.email,
    },
    text: (slot) =>
      [
        slot('greeting'),
        '',
        w.intro({ admin, org, role: slot('role') }),
        '',
        `${w.usernameLabel} ${slot('username')}`,
        '',
        w.password({ admin }),
        w.mustChange,
        '',
        `${w.signIn}:`,
        d.firstLoginUrl,
        '',
        '-- ',
        w.footer({ email: slot('email'), org }),
        '',
      ].join('\n'),
    html: (slot) => {
      const orgHtml = escapeHtml(org);
      const adminHtml = escapeHtml(admin);
      const linkHtml = escapeHtml(d.firstLoginUrl);
      return frame({
        lang: d.locale,
        titleHtml: escapeHtml(w.subject({ org })),
        preheaderHtml: escapeHtml(w.mustChange),
        headerHtml: w.heading({ org: orgHtml }),
        rows: [
          paragraph(slot('greeting')),
          paragraph(
            w.intro({
              admin: `<strong>${adminHtml}</strong>`,
              org: `<strong>${orgHtml}</strong>`,
              role: `<strong>${slot('role')}</strong>`,
            }),
          ),
          paragraph(`${escapeHtml(w.usernameLabel)} <strong>${slot('username')}</strong>`),
          paragraph(`${w.password({ admin: adminHtml })}<br>\n${escapeHtml(w.mustChange)}`),
          button(linkHtml, escapeHtml(w.signIn)),
          plainLink(escapeHtml(w.linkIntro), linkHtml),
        ],
        footerHtml: w.footer({ email: slot('email'), org: orgHtml }),
      });
    },
  });
}
