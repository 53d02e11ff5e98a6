// The "added directly" notice: the account exists, the temporary password came from the admin
// (never in the e-mail), and it must be changed at first login.
import type { Locale } from '../../i18n/locale.js';
import { withAddress } from '../../organizations/sender.js';
import { oneLine } from '../../text/one-line.js';
import { type ComposedEmail, compose } from '../compose.js';
import { escapeHtml } from '../escape.js';
import { DEFAULT_COLOR, type EmailBrand, textFooter } from './email-brand.js';
import { button, frame, paragraph, plainLink } from './frame.js';
import { memberAddedWords } from './texts.js';

export interface MemberAddedEmailData {
  locale: Locale;
  organizationName: string;
  /** The admin's name or e-mail; null when their account no longer exists. */
  adminName: string | null;
  /** The admin's address, shown after their name. */
  adminEmail?: string;
  brand?: EmailBrand;
  /** Where the member signs in to the product once the account is set up (org set sign-in-url). */
  nextStep?: { signInUrl: string | null; gettingStartedUrl: string | null };
  member: { email: string; firstName: string; username: string };
  /** Already localized (catalogue's roleName). */
  roleName: string;
  /** `${publicUrl}/first-login?org=<organizationId>` (added by enterprise ID: `/sso/start?org=...`) */
  firstLoginUrl: string;
  /** Added by enterprise ID: the identity provider's label, and no password paragraph. */
  enterpriseLabel?: string;
}

export function renderMemberAddedEmail(d: MemberAddedEmailData): ComposedEmail {
  const w = memberAddedWords[d.locale];
  const org = d.organizationName;
  const admin = d.adminName ? (d.adminEmail ? withAddress(d.adminName, d.adminEmail) : d.adminName) : w.unknownAdmin;
  const color = d.brand?.color ?? DEFAULT_COLOR;
  const signInUrl = d.nextStep?.signInUrl ?? null;
  const guideUrl = signInUrl ? (d.nextStep?.gettingStartedUrl ?? null) : null;
  const label = d.enterpriseLabel;
  const signIn = label ? w.signInEnterprise({ label }) : w.signIn;
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
        ...(label ? [w.enterprise({ label })] : [w.password({ admin }), w.mustChange]),
        '',
        `${signIn}:`,
        d.firstLoginUrl,
        '',
        ...(signInUrl ? [w.signInNext({ org }), signInUrl, ''] : [w.noSignIn({ org }), '']),
        ...(guideUrl ? [w.gettingStarted, guideUrl, ''] : []),
        ...textFooter(w.footer({ email: slot('email'), org }), d.brand, d.locale),
      ].join('\n'),
    html: (slot) => {
      const orgHtml = escapeHtml(org);
      const adminHtml = escapeHtml(admin);
      const linkHtml = escapeHtml(d.firstLoginUrl);
      return frame({
        lang: d.locale,
        brand: d.brand,
        titleHtml: escapeHtml(w.subject({ org })),
        preheaderHtml: escapeHtml(label ? w.enterprise({ label }) : w.mustChange),
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
          label
            ? paragraph(escapeHtml(w.enterprise({ label })))
            : paragraph(`${w.password({ admin: adminHtml })}<br>\n${escapeHtml(w.mustChange)}`),
          button(linkHtml, escapeHtml(signIn), color),
          plainLink(escapeHtml(w.linkIntro), linkHtml, color),
          ...(signInUrl
            ? [
                paragraph(w.signInNext({ org: orgHtml })),
                button(escapeHtml(signInUrl), escapeHtml(w.signInButton({ org })), color),
              ]
            : [paragraph(w.noSignIn({ org: orgHtml }))]),
          ...(guideUrl ? [plainLink(escapeHtml(w.gettingStarted), escapeHtml(guideUrl), color)] : []),
        ],
        footerHtml: w.footer({ email: slot('email'), org: orgHtml }),
      });
    },
  });
}
