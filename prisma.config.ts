// Prisma 7 reads the datasource URL from here (only `prisma generate` uses the CLI in this
// project; migrations run through Prisma's WASM schema engine in src/db/migrate.ts, see
// docs/stack.md).
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/sesame' },
});
