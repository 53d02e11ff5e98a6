// Whether dist/ (the compiled service and CLI) is older than its sources, and how to rebuild it.
// Used by `npm run build`, by `npm start` and `sesame` before they run (a fresh clone, or a change
// to src/, is built first; an up-to-date build costs a few milliseconds of file dates), and by
// the tests' global set-up.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');
const stamp = join(dist, '.build-stamp');
/** Besides src/, what changes the output. */
const inputs = ['tsconfig.json', 'tsconfig.build.json', 'package.json'].map((file) => join(root, file));
/** Files the code reads beside itself at run time (the pages' stylesheet). */
const assetExtensions = ['.css'];

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

export function isBuildStale() {
  if (!existsSync(stamp)) return true;
  // A deployment may ship dist/ without the sources: then there is nothing to compare.
  if (!existsSync(src)) return false;
  const built = statSync(stamp).mtimeMs;
  for (const path of [...files(src), ...inputs]) if (statSync(path).mtimeMs > built) return true;
  return false;
}

function typescriptCompiler() {
  try {
    return createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    return undefined;
  }
}

/**
 * Compiles src/ to dist/. `quiet` sends the compiler's output to stderr, so that a command's
 * stdout (the CLI's --json) stays clean.
 */
export function build({ quiet = false } = {}) {
  const stdio = quiet ? ['ignore', 2, 2] : 'inherit';
  if (!existsSync(join(src, 'generated', 'prisma', 'client.ts'))) {
    // Installed with --ignore-scripts: the Prisma client is generated before the build needs it.
    execFileSync(process.execPath, [join(root, 'scripts', 'generate-client.mjs')], { stdio });
  }
  const tsc = typescriptCompiler();
  if (!tsc) {
    throw new Error(
      'dist/ is missing or out of date, and TypeScript is not installed: run `npm install`, then `npm run build`.',
    );
  }
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio });
  for (const path of files(src)) {
    if (!assetExtensions.some((extension) => path.endsWith(extension))) continue;
    const target = join(dist, relative(src, path));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(path, target);
  }
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}

/** Builds when the sources changed; a deployment without TypeScript runs what dist/ has. */
export function ensureBuilt({ quiet = false } = {}) {
  if (!isBuildStale()) return;
  if (existsSync(stamp) && !typescriptCompiler()) return;
  if (quiet) process.stderr.write('Compiling Sesame (src/ changed since the last build)...\n');
  build({ quiet });
}
