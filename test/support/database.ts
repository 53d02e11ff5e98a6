// A fresh, migrated database per test file, copied from the template the global setup built:
//
//   let db: TestDatabase;
//   beforeAll(async () => { db = await createTestDatabase(); });
//   afterAll(() => db.close());
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { createPrismaClient } from '../../src/db/database.js';
import { servePglite } from '../../src/db/pglite-server.js';
import type { PrismaClient } from '../../src/generated/prisma/client.js';
import { quoteIdent, randomHex, withDatabase } from './template.js';

export interface TestDatabase {
  /** A pg connection string (the embedded database's own server, or a PostgreSQL database). */
  url: string;
  prisma: PrismaClient;
  /** Disconnects Prisma, then stops the embedded server or drops the database. Safe to call twice. */
  close(): Promise<void>;
}

let tarball: Promise<Buffer> | undefined;

export async function createTestDatabase(): Promise<TestDatabase> {
  const template = inject('testDatabaseTemplate');
  if (!template) throw new Error('No test database template: is test/support/global-setup.ts in vitest.config.ts?');
  const { url, release } =
    template.kind === 'pglite' ? await copyPglite(template.tarballPath) : await copyPostgres(template);
  const prisma = createPrismaClient(url);
  let closing: Promise<void> | undefined;
  return {
    url,
    prisma,
    close() {
      closing ??= (async () => {
        try {
          await prisma.$disconnect();
        } finally {
          await release();
        }
      })();
      return closing;
    },
  };
}

async function copyPglite(tarballPath: string): Promise<{ url: string; release: () => Promise<void> }> {
  tarball ??= readFile(tarballPath);
  const db = await PGlite.create({ loadDataDir: new Blob([new Uint8Array(await tarball)]) });
  let server: Awaited<ReturnType<typeof servePglite>>;
  try {
    server = await servePglite(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return {
    url: server.url,
    async release() {
      try {
        await server.stop();
      } finally {
        await db.close();
      }
    },
  };
}

async function copyPostgres(template: {
  adminUrl: string;
  template: string;
  prefix: string;
}): Promise<{ url: string; release: () => Promise<void> }> {
  const name = `${template.prefix}${randomHex()}`;
  await admin(template.adminUrl, `CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template.template)}`);
  return {
    url: withDatabase(template.adminUrl, name),
    release: () => admin(template.adminUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
  };
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
