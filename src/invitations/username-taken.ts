// Whether a username is already a member's or an open invitation's, asked by a form before it
// invites (the Slack modal shows it on its field). For those who may invite only: anyone else
// would learn which usernames exist. The invitation itself still decides, under its lock.
import type { Db } from '../db/database.js';
import type { Actor } from '../permissions/actor.js';
import { assertCanManageInvitations } from '../permissions/policy.js';
import { lookUpExisting } from './existing-facts.js';

export async function isUsernameTaken(db: Db, actor: Actor, username: string): Promise<boolean> {
  assertCanManageInvitations(actor);
  const { takenUsernames } = await lookUpExisting(db, actor.organization.id, { emails: [], usernames: [username] });
  return takenUsernames.has(username);
}
