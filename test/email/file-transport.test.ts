import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config/env.js';
import { createTransport } from '../../src/email/transport/create-transport.js';
import { deliverOutbox } from '../../src/outbox/deliver-outbox.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { parseHtml } from './html.js';
import { invitations, memoryLog, PUBLIC_URL } from './support.js';

let db: TestDatabase;
let dataDir: string;

beforeAll(async () => {
  db = await createTestDatabase();
  dataDir = await mkdtemp(join(tmpdir(), 'sesame-outbox-'));
});
afterAll(async () => {
  await db?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** The parts of a multipart/alternative .eml, decoded. */
function parseEml(eml: string) {
  const [head = '', ...rest] = eml.split('\r\n\r\n');
  const boundary = /boundary="([^"]+)"/.exec(head)?.[1] as string;
  const body = rest.join('\r\n\r\n');
  const parts = body
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((chunk) => {
      const [partHead = '', ...content] = chunk.replace(/^\r\n/, '').split('\r\n\r\n');
      let text = content.join('\r\n\r\n').replace(/\r\n$/, '');
      if (/quoted-printable/.test(partHead)) {
        text = Buffer.from(
          text
            .replace(/=\r\n/g, '')
            .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
          'latin1',
        ).toString('utf8');
      }
      return { type: /Content-Type: ([^;]+)/.exec(partHead)?.[1], head: partHead, text };
    });
  return { head, parts };
}

describe('the offline transport (no SendGrid key)', () => {
  it('writes each e-mail as a readable .eml in $DATA_DIR/outbox, in order, and logs its link', async () => {
    const { log, lines } = memoryLog();
    const env = parseEnv({ DATA_DIR: dataDir, NODE_ENV: 'development' });
    const transport = createTransport(env, log);
    expect(transport.name).toBe('file');
    const { ids, emails } = await invitations(db.prisma, 3, { locale: 'fr', message: 'Bonjour à tous !' });

    const result = await deliverOutbox(db.prisma, { transport, publicUrl: PUBLIC_URL, log });
    expect(result).toEqual({ sent: 3, failed: 0, retried: 0, skipped: 0 });

    const dir = join(dataDir, 'outbox');
    const files = (await readdir(dir)).filter((f) => f.endsWith('.eml'));
    expect(files).toHaveLength(3);
    // Named time first, then a per-process counter: the name order is the writing order.
    const counters = [...files].sort().map((f) => Number(/Z-(\d{6})-/.exec(f)?.[1]));
    expect(counters).toEqual([...counters].sort((a, b) => a - b));
    expect(files[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z-\d{6}-invitation-[0-9a-f]{6}\.eml$/);

    const links = lines.filter((l) => l.includes('E-mail written to the local outbox'));
    expect(links).toHaveLength(3);
    const seen = new Set<string>();
    for (const file of files) {
      const eml = await readFile(join(dir, file), 'utf8');
      const { head, parts } = parseEml(eml);
      expect(head).toContain('MIME-Version: 1.0');
      // The operator's address under the organization's name (the inviter has none: see sender.ts).
      expect(head).toMatch(/^From: "Org [0-9a-f]{8}" <sesame@localhost\.localdomain>$/m);
      expect(head).toMatch(/^Subject: =\?UTF-8\?B\?/m);
      expect(head).toMatch(/^X-Sesame-Key: invitation:[0-9a-f-]{36}:send:1$/m);
      const to = /^To: <([^>]+)>$/m.exec(head)?.[1] as string;
      expect(emails).toContain(to);
      seen.add(to);
      expect(parts.map((p) => p.type)).toEqual(['text/plain', 'text/html']);
      const [text, html] = parts;
      // Short lines stay as they are (8bit UTF-8), so the file reads as is.
      expect(text?.head).toContain('8bit');
      expect(html?.head).toContain('8bit');
      expect(text?.text).toContain('vous invite à rejoindre');
      expect(text?.text).toContain('> Bonjour à tous !');
      const link = new RegExp(`${PUBLIC_URL}/accept/[A-Za-z0-9_-]{43}`).exec(text?.text ?? '')?.[0] as string;
      expect(link).toBeDefined();
      expect(html?.text).toContain(`href="${link}"`);
      expect(parseHtml(html?.text ?? '').text).toContain("Accepter l'invitation");
      expect(links.some((l) => l.includes(file) && l.includes(link))).toBe(true);
    }
    expect(seen).toEqual(new Set(emails));
    const statuses = await db.prisma.invitation.findMany({
      where: { id: { in: ids } },
      select: { deliveryStatus: true },
    });
    expect(statuses.every((s) => s.deliveryStatus === 'SENT')).toBe(true);
  });

  it('encodes a part quoted-printable when a line is too long for SMTP, and decodes intact', async () => {
    const { log } = memoryLog();
    const transport = createTransport(parseEnv({ DATA_DIR: join(dataDir, 'long') }), log);
    const longLine = `${'Une très longue ligne. '.repeat(60)}Fin.`;
    await invitations(db.prisma, 1, { locale: 'fr', message: `Bonjour\n${longLine}`, prefix: 'long' });
    expect(await deliverOutbox(db.prisma, { transport, publicUrl: PUBLIC_URL, log })).toMatchObject({ sent: 1 });
    const dir = join(dataDir, 'long', 'outbox');
    const [file] = await readdir(dir);
    const eml = await readFile(join(dir, file as string), 'utf8');
    expect(eml.split('\r\n').every((line) => Buffer.byteLength(line) <= 998)).toBe(true);
    const { parts } = parseEml(eml);
    expect(parts.map((p) => p.head.includes('quoted-printable'))).toEqual([true, true]);
    expect(parts[0]?.text).toContain(`> ${longLine}`);
    expect(parseHtml(parts[1]?.text ?? '').text).toContain(longLine);
  });

  it('logs no live accept link outside development (production on the folder, on purpose)', async () => {
    const { log, lines } = memoryLog();
    const env = parseEnv({ DATA_DIR: join(dataDir, 'prod'), NODE_ENV: 'production', EMAIL_TRANSPORT: 'file' });
    const transport = createTransport(env, log);
    expect(transport.name).toBe('file');
    await invitations(db.prisma, 2, { prefix: 'prod' });
    expect(await deliverOutbox(db.prisma, { transport, publicUrl: PUBLIC_URL, log })).toMatchObject({ sent: 2 });
    const written = lines.filter((l) => l.includes('E-mail written to the local outbox'));
    expect(written).toHaveLength(2);
    expect(lines.join('\n')).not.toMatch(/\/accept\//);
  });
});
