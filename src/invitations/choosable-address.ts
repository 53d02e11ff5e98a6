// Which address an invitee may choose at enrollment instead of the invited one. Never an address
// that already belongs to someone here, a member or another open invitation: taking it would
// hijack that person's seat and block their own link.
import type { Db } from '../db/database.js';
import type { Prisma } from '../generated/prisma/client.js';

export async function addressIsTaken(
  tx: Prisma.TransactionClient | Db,
  organizationId: string,
  email: string,
  invitationId: string,
): Promise<boolean> {
  const [member, invitation] = await Promise.all([
    tx.member.findFirst({ where: { organizationId, email }, select: { id: true } }),
    tx.invitation.findFirst({
      where: { organizationId, openEmail: email, NOT: { id: invitationId } },
      select: { id: true },
    }),
  ]);
  return Boolean(member ?? invitation);
}
