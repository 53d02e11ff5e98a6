// Writers of outbox and audit rows, the rule of which webhook endpoints hear an event, and the
// resend cooldown go through their one definition. A statement written by hand again elsewhere
// fails here, in SQL or through Prisma (a model's create, createMany or upsert, or a nested create).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'generated') yield* sources(path);
    } else if (entry.name.endsWith('.ts')) yield path;
  }
}

/** A write of a model's rows through Prisma: its delegate's create (or createMany, upsert), or a nested create under its relation. */
function prismaWrite(delegate: string, relation: string): RegExp {
  const creates = '(create|createMany|createManyAndReturn|upsert|connectOrCreate)\\b';
  return new RegExp(`\\.${delegate}\\s*\\.\\s*${creates}|\\b${relation}\\s*:\\s*\\{\\s*${creates}`);
}

const rules = [
  { what: 'an outbox row', home: 'src/outbox/outbox-rows.ts', pattern: /INSERT\s+INTO\s+"?outbox_message\b/i },
  { what: 'an audit row', home: 'src/audit/audit-rows.ts', pattern: /INSERT\s+INTO\s+"?audit_event\b/i },
  {
    what: 'an outbox row through Prisma',
    home: 'src/outbox/enqueue.ts',
    pattern: prismaWrite('outboxMessage', 'outbox'),
  },
  {
    what: 'an audit row through Prisma',
    home: 'src/audit/record-audit-event.ts',
    pattern: prismaWrite('auditEvent', 'auditEvents'),
  },
  {
    what: 'which webhook endpoints hear an event',
    home: 'src/webhooks/webhook-rows.ts',
    pattern: /\.events\.(includes|length)\b|cardinality\([^)]*\.events\s*\)|ANY\([^)]*\.events\s*\)/,
  },
  {
    what: 'the resend cooldown (when an invitation may be e-mailed again)',
    home: 'src/invitations/resend-cooldown.ts',
    pattern: /last_sent_at\s*(<=|>=|<|>)[^\n]*make_interval/,
  },
];

describe('one definition per rule', () => {
  const files = [...sources(join(root, 'src'))].map((path) => ({
    path: relative(root, path),
    text: readFileSync(path, 'utf8'),
  }));

  it.each(rules)('$what is written only in $home', ({ home, pattern }) => {
    const elsewhere = files.filter((file) => file.path !== home && pattern.test(file.text)).map((file) => file.path);
    expect(elsewhere).toEqual([]);
    expect(files.find((file) => file.path === home)?.text).toMatch(pattern);
  });
});
