// Offline mode (no SENDGRID_API_KEY, the embedded default): every message becomes a readable
// .eml file in $DATA_DIR/outbox/, named so that `ls` lists them in the order they were sent.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../../log/logger.js';
import type { Address, EmailTransport, OutgoingEmail, SendHooks, SendOutcome, SendReport } from '../outgoing-email.js';
import { buildEml } from './eml.js';

export interface FileTransportOptions {
  dir: string;
  from: Address;
  log: Logger;
  /** Print each accept link (a live token): development on this machine only (logsAcceptLinks). */
  logLinks: boolean;
  clock?: () => Date;
}

let sequence = 0;

export function createFileTransport(options: FileTransportOptions): EmailTransport {
  const clock = options.clock ?? (() => new Date());
  let ready: Promise<unknown> | undefined;

  async function write(email: OutgoingEmail): Promise<SendOutcome> {
    const date = clock();
    // 2026-11-23T09-38-57-123Z-000042-invitation-1f2e3d.eml: time first, then a counter for
    // messages of the same millisecond, then a random suffix against other processes.
    sequence = (sequence + 1) % 1_000_000;
    const stamp = date.toISOString().replace(/[:.]/g, '-');
    const name = `${stamp}-${String(sequence).padStart(6, '0')}-${email.kind}-${randomBytes(3).toString('hex')}.eml`;
    const path = join(options.dir, name);
    try {
      ready ??= mkdir(options.dir, { recursive: true });
      await ready;
      // Written aside, then renamed: a reader never sees half a message.
      await writeFile(`${path}.tmp`, buildEml(email, options.from, date), { mode: 0o600 });
      await rename(`${path}.tmp`, path);
    } catch (error) {
      ready = undefined;
      return {
        ok: false,
        retryable: true,
        error: `Could not write ${name}: ${(error as Error).message}`.slice(0, 300),
      };
    }
    // An explicit exception to "no tokens in logs", in local development only: the accept link
    // holds a live token, and printing it is what lets someone follow the whole flow with no
    // mail server. Elsewhere (and always with SendGrid) links are never logged.
    options.log.info('E-mail written to the local outbox', {
      file: path,
      kind: email.kind,
      ...(options.logLinks ? { link: email.actionUrl } : {}),
    });
    return { ok: true };
  }

  return {
    name: 'file',
    // Local writes are quick: the whole batch is written, then reported at once (one database
    // update instead of one per file). A crash in between writes a few files twice, no more.
    async *send(emails: readonly OutgoingEmail[], hooks?: SendHooks): AsyncGenerator<SendReport> {
      await hooks?.beforeRequest?.(emails.map((_, index) => index));
      const written: number[] = [];
      for (const [index, email] of emails.entries()) {
        const outcome = await write(email);
        if (outcome.ok) written.push(index);
        else yield { indexes: [index], outcome };
      }
      if (written.length > 0) yield { indexes: written, outcome: { ok: true } };
    },
  };
}
