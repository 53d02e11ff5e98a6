// Builds each test's own organization and members, through the domain where it can.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/db/database.js';
import type { AppError } from '../../src/errors/app-error.js';
import type { Locale } from '../../src/i18n/locale.js';
import { issueAcceptToken } from '../../src/invitations/accept-token.js';
import { invite } from '../../src/invitations/invite.js';
import { resolveActor } from '../../src/members/resolve-actor.js';
import { createOrganization } from '../../src/organizations/create-organization.js';
import type { Actor } from '../../src/permissions/actor.js';

export async function newOrganization(db: Db, options: { seats?: number; locale?: Locale } = {}) {
  const name = `Org ${randomUUID().slice(0, 8)}`;
  const organization = await createOrganization(db, {
    name,
    seats: options.seats ?? 50,
    ownerEmail: `owner@${name.slice(4)}.example.com`,
    locale: options.locale,
    channel: 'cli',
  });
  const owner = await resolveActor(db, { organization, channel: 'cli' });
  return { organization, owner };
}

/** One invitation in a new organization of 5 seats, and a link token for it. */
export async function newInvitation(db: Db, email: string, options: Parameters<typeof invite>[2] = { emails: [] }) {
  const { owner } = await newOrganization(db, { seats: 5 });
  const made = await invite(db, owner, { ...options, emails: [email] });
  const id = made.results[0]?.invitationId ?? '';
  return { owner, id, token: await issueAcceptToken(db, id) };
}

/** A member with the given role and flags, created directly (test set-up, not a domain path). */
export async function memberActor(
  db: Db,
  owner: Actor,
  options: { email: string; role?: string; manager?: boolean },
): Promise<Actor> {
  await db.member.create({
    data: {
      organizationId: owner.organization.id,
      email: options.email,
      username: options.email.replace(/[^a-z0-9._@]/g, '_'),
      role: options.role ?? 'viewer',
      userType: 'creator',
      isManager: options.manager ?? false,
    },
  });
  return resolveActor(db, { organization: owner.organization, email: options.email, channel: 'slack' });
}

/** Refreshes the actor's organization (settings and seat limit change under it). */
export async function refreshed(db: Db, actor: Actor): Promise<Actor> {
  const row = await db.organization.findUniqueOrThrow({ where: { id: actor.organization.id } });
  return { ...actor, organization: { ...actor.organization, ...row, catalogue: actor.organization.catalogue } };
}

/** The error a domain call was refused with; fails the test when the call succeeds. */
export const failure = <E = AppError>(promise: Promise<unknown>): Promise<E> =>
  promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e as E,
  );
