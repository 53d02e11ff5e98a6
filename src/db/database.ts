// Opens Sesame's database: PostgreSQL when DATABASE_URL is set, the embedded one otherwise;
// applies pending migrations (or refuses to go on), and hands out the Prisma client.
import { PrismaPg } from '@prisma/adapter-pg';
import type { Env } from '../config/env.js';
import { PrismaClient } from '../generated/prisma/client.js';
import { type EmbeddedRole, startEmbeddedDatabase } from './embedded-server.js';
import { applyMigrations, pendingMigrations } from './migrate.js';

export type Db = PrismaClient;

export interface Database {
  prisma: Db;
  url: string;
  embedded: boolean;
  /** The embedded database as a gzipped tarball of its directory (absent with DATABASE_URL). */
  backup?: () => Promise<Blob>;
  close(): Promise<void>;
}

export class MigrationsPendingError extends Error {
  constructor(names: string[]) {
    super(`The database needs ${names.length} migration(s) (${names.join(', ')}): run \`sesame migrate\` first.`);
  }
}

export interface OpenOptions {
  env: Pick<Env, 'DATABASE_URL' | 'DATA_DIR' | 'EMBEDDED_DB_PORT'>;
  role: EmbeddedRole;
  /** 'apply' migrates first; 'require' refuses when migrations are pending; 'skip' does neither. */
  migrations: 'apply' | 'require' | 'skip';
  poolSize?: number;
  log?: (message: string) => void;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const embedded = options.env.DATABASE_URL
    ? undefined
    : await startEmbeddedDatabase({
        dataDir: options.env.DATA_DIR,
        role: options.role,
        port: options.env.EMBEDDED_DB_PORT || undefined,
        onWait: options.log,
      });
  const url = options.env.DATABASE_URL ?? (embedded as { url: string }).url;
  try {
    if (options.migrations !== 'skip') {
      const pending = await pendingMigrations(url);
      if (pending.length > 0) {
        if (options.migrations === 'require') throw new MigrationsPendingError(pending);
        const applied = await applyMigrations(url);
        if (applied.length > 0) options.log?.(`Applied ${applied.length} database migration(s).`);
      }
    }
    const prisma = createPrismaClient(url, options.poolSize);
    return {
      prisma,
      url,
      embedded: Boolean(embedded),
      backup: embedded?.backup,
      async close() {
        await prisma.$disconnect();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

export function createPrismaClient(url: string, poolSize = 5): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: poolSize }) });
}
