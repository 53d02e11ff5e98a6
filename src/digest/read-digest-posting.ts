// When the managers' channel digest is posted, and whether it can be: the organization's digest
// settings and whether a managers' channel is chosen in a linked Slack or Teams workspace (without
// one, the job skips the digest). Read for `sesame digest`, after readDigest checked who asks.
import type { Db } from '../db/database.js';
import type { Actor } from '../permissions/actor.js';
import { weekdays } from './digest-schedule.js';

export interface DigestPosting {
  schedule: {
    frequency: string;
    time: string;
    weekday: (typeof weekdays)[number] | null;
    timezone: string;
    always: boolean;
    nextAt: Date | null;
  };
  /** A managers' channel is chosen somewhere: the digest is posted there. */
  posted: boolean;
}

export async function readDigestPosting(db: Db, actor: Actor): Promise<DigestPosting> {
  const [org, channels] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: actor.organization.id } }),
    db.chatWorkspace.count({ where: { organizationId: actor.organization.id, managersChannelId: { not: null } } }),
  ]);
  return {
    schedule: {
      frequency: org.digestFrequency,
      time: org.digestTime,
      weekday: weekdays[org.digestWeekday - 1] ?? null,
      timezone: org.timezone,
      always: org.digestAlways,
      nextAt: org.nextDigestAt,
    },
    posted: channels > 0,
  };
}
