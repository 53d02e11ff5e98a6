// sesame digest
import type { Command } from 'commander';

const work = () => import('../actions/digest.js');

export function registerDigest(program: Command): void {
  program
    .command('digest')
    .description(
      "print the managers' channel digest now: pending invitations and those expiring within 48 hours, accepted and bounced since the last digest, held ones and seat requests, seats (owners, administrators and managers)",
    )
    .addHelpText(
      'after',
      `
The schedule: sesame org set digest daily|weekly|off, digest-time HH:MM, digest-day monday..sunday,
timezone Europe/Paris, digest-when always|changes. Without a managers' channel the digest is not posted.

JSON output (--json):
  { "organization", "timezone", "since", "now", "pending", "expiringSoon", "accepted", "bounced", "held",
    "seatRequests": [ { "id", "kind", "seatsRequested", "requestedBy", "createdAt" } ],
    "seats": { "internal": { "used", "limit", "remaining" }, "external": { ... } | null },
    "schedule": { "frequency", "time", "weekday", "timezone", "always", "nextAt" }, "posted": true | false }`,
    )
    .action(async (_options: unknown, command: Command) => (await work()).showDigest(command));
}
