// The work of `sesame digest`: the summary the managers' channel receives, in plain text.
import type { Command } from 'commander';
import { digestLines, digestTexts } from '../../chat/rendering/digest-texts.js';
import { weekdays } from '../../digest/digest-schedule.js';
import { readDigest } from '../../digest/digest-summary.js';
import { oneLine } from '../../text/one-line.js';
import { runAsMember } from '../session.js';

export function showDigest(command: Command): Promise<void> {
  return runAsMember(command, async ({ db, actor, out, locale }) => {
    const summary = await readDigest(db, actor, new Date());
    const org = await db.organization.findUniqueOrThrow({ where: { id: actor.organization.id } });
    // Posted only where a managers' channel is chosen (Slack or Teams); otherwise the job skips it.
    const channels = await db.chatWorkspace.count({
      where: { organizationId: org.id, managersChannelId: { not: null } },
    });
    const schedule = {
      frequency: org.digestFrequency,
      time: org.digestTime,
      weekday: weekdays[org.digestWeekday - 1] ?? null,
      timezone: org.timezone,
      always: org.digestAlways,
      nextAt: org.nextDigestAt,
    };
    if (out.json) {
      const { organizationName, organizationId: _id, ...rest } = summary;
      return out.result({ organization: organizationName, ...rest, schedule, posted: channels > 0 });
    }
    const lines = digestLines(summary, locale, oneLine);
    const texts = digestTexts(locale);
    out.line(lines.title);
    out.line(lines.period);
    out.line();
    for (const item of lines.items) out.line(`  ${item}`);
    for (const request of lines.seatRequests) out.line(`    - ${request}`);
    for (const seats of lines.seats) out.line(`  ${seats}`);
    out.line();
    out.line(texts.schedule(schedule, channels > 0));
  });
}
