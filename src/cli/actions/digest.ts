// The work of `sesame digest`: the summary the managers' channel receives, in plain text.
import type { Command } from 'commander';
import { digestLines, digestTexts } from '../../chat/rendering/digest-texts.js';
import { readDigest } from '../../digest/digest-summary.js';
import { readDigestPosting } from '../../digest/read-digest-posting.js';
import { oneLine } from '../../text/one-line.js';
import { runAsMember } from '../session.js';

export function showDigest(command: Command): Promise<void> {
  return runAsMember(command, async ({ db, actor, out, locale }) => {
    const summary = await readDigest(db, actor, new Date());
    const { schedule, posted } = await readDigestPosting(db, actor);
    if (out.json) {
      const { organizationName, organizationId: _id, ...rest } = summary;
      return out.result({ organization: organizationName, ...rest, schedule, posted });
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
    out.line(texts.schedule(schedule, posted));
  });
}
