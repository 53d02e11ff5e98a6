// The notification storm target (issue 12, item 17): 1,000 acceptances of one inviter's
// invitations within a minute produce at most 3 chat messages to that inviter. The acceptances
// are queued as the enrollment queues them (one `invitation.accepted` notification row each;
// the enrollment's own work is measured elsewhere), spread evenly over 60 s, and the real
// `deliver-notifications` job is run every 5 s as the scheduler does, on a simulated clock, until
// nothing is left (3 minutes), against the fake Slack. Printed: the messages the inviter got, how
// many acceptances they said in all (must be 1,000: none lost, none twice), and the verdict.
import { randomUUID } from 'node:crypto';
import type { Db } from '../src/db/database.js';
import { invite } from '../src/invitations/invite.js';
import { createLogger } from '../src/log/logger.js';
import { resolveActor } from '../src/members/resolve-actor.js';
import { deliverNotifications } from '../src/notifications/deliver-notifications.js';
import { createOrganization } from '../src/organizations/create-organization.js';
import { createSlackNotifier } from '../src/slack/notify/slack-notifier.js';
import { startFakeSlack } from '../test/support/fake-slack.js';
import { type BenchSection, verdict } from './section.js';

const ACCEPTANCES = 1000;
const OVER_MS = 60_000;
const JOB_EVERY_MS = 5_000;
const UNTIL_MS = 180_000;
const TARGET_MESSAGES = 3;

export async function benchNotificationStorm(db: Db, log: (line: string) => void): Promise<boolean> {
  const fake = await startFakeSlack();
  try {
    const ownerEmail = 'owner@bench-storm.example.com';
    const organization = await createOrganization(db, {
      name: `Bench storm ${Date.now().toString(36)}`,
      seats: ACCEPTANCES + 10,
      ownerEmail,
      channel: 'cli',
    });
    const owner = await resolveActor(db, { organization, channel: 'cli' });
    const teamId = `T${randomUUID().slice(0, 8).toUpperCase()}`;
    await db.chatWorkspace.create({ data: { platform: 'slack', externalId: teamId, organizationId: organization.id } });
    fake.addUser({ id: 'USTORM', teamId, email: ownerEmail });
    const emails = Array.from({ length: ACCEPTANCES }, (_, i) => `storm${i}@bench-storm.example.com`);
    const invited = await invite(db, owner, { emails });
    const invitationIds = invited.results.map((r) => r.invitationId ?? '');

    const notifier = createSlackNotifier({ db, botToken: fake.botToken, slackApiUrl: fake.apiUrl });
    const start = Date.now() + 1000;
    let queued = 0;
    for (let elapsed = 0; elapsed <= UNTIL_MS; elapsed += JOB_EVERY_MS) {
      const due = Math.min(
        ACCEPTANCES,
        Math.floor((ACCEPTANCES * (elapsed + JOB_EVERY_MS)) / (OVER_MS + JOB_EVERY_MS)),
      );
      const batch = invitationIds.slice(queued, due);
      queued = due;
      if (batch.length > 0) {
        await db.outboxMessage.createMany({
          data: batch.map((invitationId) => ({
            organizationId: organization.id,
            kind: 'notification',
            idempotencyKey: `invitation:${invitationId}:accepted`,
            payload: { type: 'invitation.accepted', invitationId, recipientId: owner.member.id },
          })),
        });
      }
      await deliverNotifications(db, {
        notifiers: [notifier],
        log: createLogger('silent'),
        now: new Date(start + elapsed),
      });
    }
    const messages = fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'USTORM');
    const said = messages.reduce((sum, c) => sum + Number(/^📬 (\d+) /.exec(String(c.args.text))?.[1] ?? 1), 0);
    const settled = await db.outboxMessage.count({
      where: { organizationId: organization.id, kind: 'notification', status: 'SENT', sentAt: { not: null } },
    });
    const pass = messages.length <= TARGET_MESSAGES && said === ACCEPTANCES && settled === ACCEPTANCES;
    log(`${ACCEPTANCES} acceptances in ${OVER_MS / 1000} s, the job every ${JOB_EVERY_MS / 1000} s`);
    log(`messages to the inviter: ${messages.length} (target <= ${TARGET_MESSAGES})`);
    log(`acceptances said: ${said} of ${ACCEPTANCES}; rows sent: ${settled}`);
    log(verdict(pass));
    return pass;
  } finally {
    await fake.close();
  }
}

export const notificationStormSection: BenchSection = {
  title: 'Notification storm',
  run: ({ prisma, log }) => benchNotificationStorm(prisma, log),
};
