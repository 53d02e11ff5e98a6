// Prisma 7 reads the datasource URL from here (only `prisma generate` uses the CLI in this
// project; migrations run through src/db/migrations, see STACK notes in the README).
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/sesame' },
});
