// Turns claimed 'member.added_email' rows into the "your account is ready" notice.
import type { Db } from '../db/database.js';
import { emailBrandOf } from '../email/templates/email-brand.js';
import { renderMemberAddedEmail } from '../email/templates/member-added.js';
import { memberLocale } from '../i18n/member-locale.js';
import { brandColumns, toBrand } from '../organizations/brand.js';
import { roleName } from '../organizations/catalogue.js';
import { toOrganization } from '../organizations/organization.js';
import { senderOf } from '../organizations/sender.js';
import type { ClaimedMessage } from './claim-outbox.js';
import type { MemberAddedEmailPayload } from './payloads.js';
import { displayName, type Preparation, renderError } from './prepare-invitation-emails.js';

export async function prepareMemberAddedEmails(
  db: Db,
  items: readonly { message: ClaimedMessage; payload: MemberAddedEmailPayload }[],
  options: { publicUrl: string },
): Promise<Preparation> {
  const result: Preparation = { ready: [], skipped: [], failed: [] };
  if (items.length === 0) return result;
  const members = await db.member.findMany({
    where: { id: { in: [...new Set(items.map((i) => i.payload.memberId))] } },
    include: {
      organization: { include: { identityProvider: true, brand: { select: brandColumns } } },
      invitedBy: { select: { email: true, firstName: true, lastName: true } },
    },
  });
  const byId = new Map(members.map((m) => [m.id, m]));
  for (const item of items) {
    const member = byId.get(item.payload.memberId);
    if (!member) {
      result.skipped.push({ message: item.message, note: 'skipped: the member no longer exists' });
      continue;
    }
    // Added by enterprise ID: told to sign in with the enterprise login until they first did.
    const enterprise = member.enterpriseId !== null && member.enterpriseSubject === null;
    if (member.status !== 'MUST_CHANGE_PASSWORD' && !enterprise) {
      result.skipped.push({ message: item.message, note: 'skipped: the member already chose a password' });
      continue;
    }
    try {
      const { brand: brandRow, identityProvider, ...organizationRow } = member.organization;
      const org = toOrganization(organizationRow);
      const brand = emailBrandOf(org, toBrand(brandRow), options.publicUrl);
      const sender = senderOf(org, brand.name, member.invitedBy);
      // The member's own language when set at the add (issue 17), the organization's otherwise.
      const locale = memberLocale({ language: member.language, organizationLocale: org.locale });
      const firstLoginUrl = `${options.publicUrl}/${enterprise ? 'sso/start' : 'first-login'}?org=${encodeURIComponent(org.id)}`;
      const enterpriseLabel = enterprise ? (identityProvider?.label ?? brand.name) : undefined;
      const adminName = member.invitedBy ? displayName(member.invitedBy) : null;
      const composed = renderMemberAddedEmail({
        locale,
        organizationName: brand.name,
        adminName,
        adminEmail: member.invitedBy?.email,
        brand,
        nextStep: { signInUrl: org.signInUrl, gettingStartedUrl: org.gettingStartedUrl },
        member: { email: member.email, firstName: member.firstName, username: member.username },
        roleName: roleName(org.catalogue, member.role, locale),
        firstLoginUrl,
        enterpriseLabel,
      });
      const name = [member.firstName, member.lastName].filter(Boolean).join(' ');
      result.ready.push({
        message: item.message,
        email: {
          key: item.message.key,
          kind: 'member_added',
          to: name ? { email: member.email, name } : { email: member.email },
          fromName: sender.fromName,
          ...(sender.replyTo ? { replyTo: sender.replyTo } : {}),
          composed,
          templateData: {
            locale,
            organizationName: org.name,
            adminName: adminName ?? '',
            firstName: member.firstName,
            email: member.email,
            username: member.username,
            roleName: roleName(org.catalogue, member.role, locale),
            firstLoginUrl,
            logoUrl: brand.logoUrl ?? '',
            color: brand.color,
            signInUrl: org.signInUrl ?? '',
            gettingStartedUrl: org.gettingStartedUrl ?? '',
          },
          customArgs: { sesame_key: item.message.key, outbox_id: item.message.id, member_id: member.id },
          actionUrl: firstLoginUrl,
        },
      });
    } catch (error) {
      result.failed.push({ message: item.message, error: renderError(error) });
    }
  }
  return result;
}
