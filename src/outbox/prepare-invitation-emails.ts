// Turns claimed 'invitation.email' rows into e-mails: loads the invitations, skips those that
// are no longer pending, mints each e-mail's accept token and renders it in the organization's
// language.
import type { Db } from '../db/database.js';
import type { OutgoingEmail } from '../email/outgoing-email.js';
import { emailBrandOf } from '../email/templates/email-brand.js';
import { renderInvitationEmail } from '../email/templates/invitation.js';
import type { Locale } from '../i18n/locale.js';
import { type BrandRow, toBrand } from '../organizations/brand.js';
import { type Catalogue, parseCatalogue, roleName } from '../organizations/catalogue.js';
import { type SenderSettings, senderOf } from '../organizations/sender.js';
import type { ClaimedMessage } from './claim-outbox.js';
import { mintAcceptTokens } from './mint-accept-tokens.js';
import type { InvitationEmailPayload } from './payloads.js';

export interface PreparedEmail {
  message: ClaimedMessage;
  email: OutgoingEmail;
}

export interface Preparation {
  ready: PreparedEmail[];
  skipped: { message: ClaimedMessage; note: string }[];
  /** Rows that could not be turned into an e-mail (bad data): given up, without sinking the batch. */
  failed: { message: ClaimedMessage; error: string }[];
}

export const renderError = (error: unknown) => `could not render the e-mail: ${String(error)}`.slice(0, 300);

export const displayName = (person: { firstName: string; lastName: string; email: string }): string =>
  [person.firstName, person.lastName].filter(Boolean).join(' ') || person.email;

export async function prepareInvitationEmails(
  db: Db,
  items: readonly { message: ClaimedMessage; payload: InvitationEmailPayload }[],
  options: { publicUrl: string; now: Date },
): Promise<Preparation> {
  const result: Preparation = { ready: [], skipped: [], failed: [] };
  if (items.length === 0) return result;
  const byId = await loadInvitations(
    db,
    items.map((i) => i.payload.invitationId),
  );

  const candidates: { message: ClaimedMessage; payload: InvitationEmailPayload }[] = [];
  for (const item of items) {
    const invitation = byId.get(item.payload.invitationId);
    if (!invitation) result.skipped.push({ message: item.message, note: 'skipped: the invitation no longer exists' });
    else if (invitation.status !== 'PENDING') {
      result.skipped.push({ message: item.message, note: `skipped: the invitation is ${invitation.status}` });
    } else if (invitation.expiresAt <= options.now) {
      result.skipped.push({ message: item.message, note: 'skipped: the invitation has expired' });
    } else candidates.push(item);
  }

  const tokens = await mintAcceptTokens(
    db,
    candidates.map((c) => c.payload.invitationId),
  );
  const catalogues = new Map<string, Catalogue>();
  const catalogue = (invitation: LoadedInvitation) => {
    const known = catalogues.get(invitation.organizationId);
    if (known) return known;
    const parsed = parseCatalogue(invitation.catalogue);
    catalogues.set(invitation.organizationId, parsed);
    return parsed;
  };
  candidates.forEach((item, index) => {
    const token = tokens[index];
    const invitation = byId.get(item.payload.invitationId);
    if (!invitation || !token) {
      result.skipped.push({ message: item.message, note: 'skipped: the invitation closed while being sent' });
      return;
    }
    try {
      // The invitee's language when the invitation sets one (issue 17), else the organization's.
      const locale = invitation.locale;
      const acceptUrl = `${options.publicUrl}/accept/${token}`;
      const inviterName = displayName(invitation.inviter);
      const organization = { id: invitation.organizationId, name: invitation.organizationName };
      const brand = emailBrandOf(organization, toBrand(invitation.brand), options.publicUrl);
      const sender = senderOf(invitation.sender, brand.name, invitation.inviter);
      const data = {
        locale,
        reason: item.payload.reason,
        organizationName: brand.name,
        inviterName,
        inviterEmail: invitation.inviter.email,
        brand,
        invitee: { email: invitation.email, firstName: invitation.firstName },
        roleName: roleName(catalogue(invitation), invitation.role, locale),
        message: invitation.message,
        expiresAt: invitation.expiresAt,
        acceptUrl,
        enterpriseLabel: invitation.enterpriseLabel ?? undefined,
        company: invitation.companyName ?? undefined,
        username: invitation.username,
      };
      const composed = renderInvitationEmail(data);
      const inviteeName = [invitation.firstName, invitation.lastName].filter(Boolean).join(' ');
      result.ready.push({
        message: item.message,
        email: {
          key: item.message.key,
          kind: item.payload.reason === 'reminder' ? 'reminder' : 'invitation',
          to: inviteeName ? { email: invitation.email, name: inviteeName } : { email: invitation.email },
          fromName: sender.fromName,
          ...(sender.replyTo ? { replyTo: sender.replyTo } : {}),
          composed,
          templateData: {
            locale,
            reason: data.reason,
            organizationName: data.organizationName,
            inviterName,
            inviterEmail: invitation.inviter.email,
            logoUrl: brand.logoUrl ?? '',
            color: brand.color,
            firstName: invitation.firstName,
            email: invitation.email,
            roleName: data.roleName,
            message: invitation.message ?? '',
            expiresAt: composed.values.expires,
            acceptUrl,
            company: invitation.companyName ?? '',
            username: invitation.username ?? '',
          },
          customArgs: { sesame_key: item.message.key, outbox_id: item.message.id, invitation_id: invitation.id },
          actionUrl: acceptUrl,
        },
      });
    } catch (error) {
      result.failed.push({ message: item.message, error: renderError(error) });
    }
  });
  return result;
}

interface LoadedInvitation {
  id: string;
  organizationId: string;
  email: string;
  firstName: string;
  lastName: string;
  role: string;
  message: string | null;
  status: string;
  expiresAt: Date;
  organizationName: string;
  locale: Locale;
  catalogue: unknown;
  inviter: { email: string; firstName: string; lastName: string };
  /** An enterprise invitation whose organization's provider is enabled: the provider's label. */
  enterpriseLabel: string | null;
  /** An external invitation's partner company. */
  companyName: string | null;
  /** The username the admin reserved for the invitee, stated in the e-mail. */
  username: string | null;
  /** The organization's brand (null: none set) and sender settings. */
  brand: BrandRow | null;
  sender: SenderSettings;
}

/** One round trip for the batch (Prisma's nested includes cost ten times more here). */
async function loadInvitations(db: Db, ids: readonly string[]): Promise<Map<string, LoadedInvitation>> {
  const rows = await db.$queryRawUnsafe<
    (Omit<LoadedInvitation, 'inviter' | 'brand' | 'sender'> &
      SenderSettings & { inviterEmail: string; inviterFirstName: string; inviterLastName: string } & {
        [K in keyof BrandRow as `brand${Capitalize<K>}`]: BrandRow[K] | null;
      })[]
  >(
    `SELECT i.id::text AS "id", i.organization_id::text AS "organizationId", i.email, i.first_name AS "firstName",
            i.last_name AS "lastName", i.role, i.message, i.status::text AS "status", i.expires_at AS "expiresAt",
            o.name AS "organizationName", COALESCE(i.language, o.locale)::text AS "locale", o.catalogue,
            m.email AS "inviterEmail", m.first_name AS "inviterFirstName", m.last_name AS "inviterLastName",
            CASE WHEN i.enterprise THEN p.label END AS "enterpriseLabel", i.company_name AS "companyName", i.username,
            o.email_from_name AS "emailFromName", o.email_reply_to AS "emailReplyTo",
            b.display_name AS "brandDisplayName", b.color AS "brandColor", b.logo_type AS "brandLogoType",
            b.logo_hash AS "brandLogoHash", b.sesame_footer AS "brandSesameFooter"
       FROM invitation i
       JOIN organization o ON o.id = i.organization_id
       JOIN member m ON m.id = i.inviter_id
       LEFT JOIN identity_provider p ON p.organization_id = o.id AND p.enabled
       LEFT JOIN organization_brand b ON b.organization_id = o.id
      WHERE i.id = ANY($1::uuid[])`,
    [...new Set(ids)],
  );
  return new Map(
    rows.map(
      ({
        inviterEmail,
        inviterFirstName,
        inviterLastName,
        emailFromName,
        emailReplyTo,
        brandDisplayName,
        brandColor,
        brandLogoType,
        brandLogoHash,
        brandSesameFooter,
        ...row
      }) => [
        row.id,
        {
          ...row,
          expiresAt: new Date(row.expiresAt),
          inviter: { email: inviterEmail, firstName: inviterFirstName, lastName: inviterLastName },
          sender: { emailFromName, emailReplyTo },
          // No brand row: no brand (the footer's default included).
          brand:
            brandSesameFooter === null
              ? null
              : {
                  displayName: brandDisplayName,
                  color: brandColor,
                  logoType: brandLogoType,
                  logoHash: brandLogoHash,
                  sesameFooter: brandSesameFooter,
                },
        },
      ],
    ),
  );
}
