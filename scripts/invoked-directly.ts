// Whether a script module is the one node was asked to run (`tsx scripts/x.ts`), rather than
// imported by a test: the scripts run their main() only then.
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function invokedDirectly(moduleUrl: string): boolean {
  try {
    return realpathSync(resolve(process.argv[1] ?? '')) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}
