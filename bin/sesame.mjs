#!/usr/bin/env node
// `npx sesame`: runs the TypeScript entry point through tsx (a dependency), as `npm run sesame` does.
import { tsImport } from 'tsx/esm/api';

await tsImport('../src/cli/main.ts', import.meta.url);
