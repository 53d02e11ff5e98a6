// Generates the Prisma client after `npm install`.
// The Prisma CLI insists on a native schema engine it would download from Prisma's binary host;
// `generate` never runs it, so pointing the variable at the bundled WASM file is enough.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const prismaDir = dirname(require.resolve('prisma/package.json'));
const wasm = join(prismaDir, 'build', 'schema_engine_bg.wasm');
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && existsSync(wasm)) env.PRISMA_SCHEMA_ENGINE_BINARY = wasm;
execFileSync(process.execPath, [join(prismaDir, 'build', 'index.js'), 'generate'], { stdio: 'inherit', env });
