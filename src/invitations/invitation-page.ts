// What the accept page shows, read in ONE query (token -> invitation + organization + inviter +
// role names), a prepared statement sent straight through pg (src/db/pages-database.ts). The page is the
// hot path of the service (every click on an e-mail's button): the domain's openInvitationLink()
// costs three Prisma queries, several times this one (measured, see bench/pages.ts). And the
// pages asked for during one turn of the event loop share one query (the DataLoader pattern):
// under load one round trip serves many requests, each still reading the database afresh.
//
// The verdict is the domain's (test/enrollment/invitation-page-data.test.ts checks both agree for
// every status); accepting still goes through acceptInvitation(), which checks everything again
// under a lock.

import type { LogoType } from '../brand/logo.js';
import type { PagesDatabase } from '../db/pages-database.js';
import type { JoinMode } from '../generated/prisma/client.js';
import type { Locale } from '../i18n/locale.js';
import { type Brand, toBrand } from '../organizations/brand.js';
import { joinMethods } from '../sso/join-methods.js';
import { hashToken } from './accept-token.js';

export type ClosedLink = 'unknown' | 'expired' | 'revoked' | 'used' | 'suspended' | 'held';

export interface InvitationPageData {
  invitationId: string;
  /**
   * `locale` is the language the page defaults to (when the browser does not say): the invitee's
   * when the invitation sets one (issue 17), overriding the organization's.
   */
  organization: { id: string; name: string; locale: Locale; usesUsernames: boolean };
  /** The invitee's language as set on the invitation; absent: the organization's. */
  language?: Locale | null;
  inviterName: string;
  roleNames: { en: string; fr: string };
  email: string;
  firstName: string;
  lastName: string;
  /** Set on the invitation: not asked again. */
  username: string | null;
  mustUseEmail: boolean;
  /** An enterprise invitation with the organization's provider enabled (src/sso/join-methods.ts). */
  sso?: { label: string; passwordToo: boolean };
  /** An external invitation: the partner company the invitee joins for. */
  company?: string;
  /** Shown beside the inviter's name. */
  inviterEmail: string;
  /** The organization's brand, read in the same query (the page shows it). */
  brand: Brand;
  /** Where a new member goes next: the organization's sign-in and getting-started URLs. */
  nextStep: { signInUrl: string | null; gettingStartedUrl: string | null };
}

interface Row {
  token_hash: Buffer;
  invitation_id: string;
  status: string;
  expires_at: Date;
  email: string;
  first_name: string;
  last_name: string;
  username: string | null;
  must_use_email: boolean;
  enterprise: boolean;
  suspended: boolean;
  company_name: string | null;
  sso_label: string | null;
  sso_join_mode: JoinMode | null;
  role: string;
  role_names: { en?: unknown; fr?: unknown } | null;
  org_id: string;
  org_name: string;
  org_locale: string;
  invitation_language: string | null;
  uses_usernames: boolean;
  inviter_first_name: string;
  inviter_last_name: string;
  inviter_email: string;
  sign_in_url: string | null;
  getting_started_url: string | null;
  brand_display_name: string | null;
  brand_color: string | null;
  brand_logo_type: LogoType | null;
  brand_logo_hash: string | null;
  brand_sesame_footer: boolean | null;
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const QUERY = {
  name: 'sesame_invitation_pages',
  text: `
    SELECT t.token_hash, i.id AS invitation_id, i.status::text AS status, i.expires_at, i.email, i.first_name, i.last_name,
           i.username, i.must_use_email, i.enterprise, i.suspended, i.company_name, p.label AS sso_label, p.join_mode::text AS sso_join_mode, i.role,
           jsonb_path_query_first(o.catalogue, '$.roles[*] ? (@.key == $role).names',
                                  jsonb_build_object('role', i.role)) AS role_names,
           o.id AS org_id, o.name AS org_name, COALESCE(i.language, o.locale)::text AS org_locale,
           i.language::text AS invitation_language, o.uses_usernames,
           m.first_name AS inviter_first_name, m.last_name AS inviter_last_name, m.email AS inviter_email,
           o.sign_in_url, o.getting_started_url, b.display_name AS brand_display_name, b.color AS brand_color,
           b.logo_type AS brand_logo_type, b.logo_hash AS brand_logo_hash, b.sesame_footer AS brand_sesame_footer
      FROM invitation_token t
      JOIN invitation i ON i.id = t.invitation_id
      JOIN organization o ON o.id = i.organization_id
      JOIN member m ON m.id = i.inviter_id
      LEFT JOIN identity_provider p ON p.organization_id = o.id AND p.enabled
      LEFT JOIN organization_brand b ON b.organization_id = o.id
     WHERE t.token_hash = ANY($1::bytea[])`,
};

export type InvitationPageLookup = { open: InvitationPageData } | { closed: ClosedLink };
export type InvitationPageLoader = (token: string, now?: Date) => Promise<InvitationPageLookup>;

const MAX_BATCH = 100;
/**
 * Queries in flight at once. While they run, new requests wait and leave together with the next
 * batch: under load each round trip serves many pages; when idle a page waits for nothing.
 */
const MAX_IN_FLIGHT = 2;

export function invitationPageLoader(database: PagesDatabase): InvitationPageLoader {
  type Waiting = { key: string; resolve: (row: Row | undefined) => void; reject: (error: unknown) => void };
  let queue: Waiting[] = [];
  let inFlight = 0;
  let scheduled = false;

  const schedule = () => {
    if (scheduled || inFlight >= MAX_IN_FLIGHT || queue.length === 0) return;
    scheduled = true;
    // After this turn's I/O callbacks: the requests parsed in this turn join the batch.
    setImmediate(flush);
  };

  async function flush(): Promise<void> {
    scheduled = false;
    const batch = queue.slice(0, MAX_BATCH);
    queue = queue.slice(MAX_BATCH);
    inFlight++;
    schedule();
    try {
      const keys = [...new Set(batch.map((waiting) => waiting.key))];
      const rows = await database.read<Row>(QUERY, [keys.map((key) => Buffer.from(key, 'hex'))]);
      const byKey = new Map(rows.map((row) => [row.token_hash.toString('hex'), row]));
      for (const waiting of batch) waiting.resolve(byKey.get(waiting.key));
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    } finally {
      inFlight--;
      schedule();
    }
  }

  return async (token, now = new Date()) => {
    if (!TOKEN.test(token)) return { closed: 'unknown' };
    const key = Buffer.from(hashToken(token)).toString('hex');
    const row = await new Promise<Row | undefined>((resolve, reject) => {
      queue.push({ key, resolve, reject });
      schedule();
    });
    return verdict(row, now);
  };
}

function verdict(row: Row | undefined, now: Date): InvitationPageLookup {
  if (!row) return { closed: 'unknown' };
  // The same verdicts, in the same order, as openInvitationLink().
  if (row.status === 'ACCEPTED') return { closed: 'used' };
  if (row.status === 'REVOKED' || row.status === 'CANCELLED') return { closed: 'revoked' };
  if (row.status === 'EXPIRED' || row.expires_at <= now) return { closed: 'expired' };
  // Back to waiting for a manager (its company secured again beyond the external seats).
  if (row.status === 'AWAITING_APPROVAL') return { closed: 'held' };
  if (row.status !== 'PENDING') return { closed: 'unknown' };
  if (row.suspended) return { closed: 'suspended' };
  const name = (value: unknown) => (typeof value === 'string' && value ? value : row.role);
  const provider = row.sso_label !== null && row.sso_join_mode !== null ? { joinMode: row.sso_join_mode } : undefined;
  const methods = joinMethods(row, provider);
  return {
    open: {
      invitationId: row.invitation_id,
      organization: {
        id: row.org_id,
        name: row.org_name,
        locale: row.org_locale === 'fr' ? 'fr' : 'en',
        usesUsernames: row.uses_usernames,
      },
      ...(row.invitation_language === 'fr' || row.invitation_language === 'en'
        ? { language: row.invitation_language }
        : {}),
      inviterName: `${row.inviter_first_name} ${row.inviter_last_name}`.trim() || row.inviter_email,
      inviterEmail: row.inviter_email,
      brand: toBrand(
        row.brand_sesame_footer === null
          ? null
          : {
              displayName: row.brand_display_name,
              color: row.brand_color,
              logoType: row.brand_logo_type,
              logoHash: row.brand_logo_hash,
              sesameFooter: row.brand_sesame_footer,
            },
      ),
      nextStep: { signInUrl: row.sign_in_url, gettingStartedUrl: row.getting_started_url },
      roleNames: { en: name(row.role_names?.en), fr: name(row.role_names?.fr) },
      email: row.email,
      firstName: row.first_name,
      lastName: row.last_name,
      username: row.username,
      mustUseEmail: row.must_use_email,
      ...(row.company_name ? { company: row.company_name } : {}),
      ...(methods.enterprise && row.sso_label ? { sso: { label: row.sso_label, passwordToo: methods.password } } : {}),
    },
  };
}
