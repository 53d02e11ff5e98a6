// Prisma's official WASM schema engine, loaded by hand.
// The Prisma CLI's migrate commands spawn a native engine that cannot be downloaded on
// machines without internet access; the WASM build does the same work through a driver adapter.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';

const require = createRequire(import.meta.url);

// Node has WebAssembly at run time; the ES lib this project compiles against does not declare it.
type WasmExports = Record<string, unknown>;
declare const WebAssembly: {
  instantiate(bytes: Uint8Array, imports: Record<string, unknown>): Promise<{ instance: { exports: WasmExports } }>;
};

type Runtime = typeof import('@prisma/schema-engine-wasm/schema_engine_bg') & {
  __wbg_set_wasm(exports: WasmExports): void;
};

let runtimePromise: Promise<Runtime> | undefined;

// Node 20 cannot `import` a .wasm file: instantiate it and wire the wasm-bindgen glue.
async function loadRuntime(): Promise<Runtime> {
  const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const runtime = (await import(gluePath)) as Runtime;
  const wasmPath = gluePath.replace(/\.js$/, '.wasm');
  const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
    './schema_engine_bg.js': runtime,
  });
  runtime.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return runtime;
}

export const noFilters = { externalTables: [], externalEnums: [] };

export async function openSchemaEngine(
  schemaPath: string,
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
): Promise<SchemaEngine> {
  runtimePromise ??= loadRuntime();
  const runtime = await runtimePromise;
  const source = await readFile(schemaPath, 'utf8');
  const log = () => {};
  return runtime.SchemaEngine.new(
    { datamodels: [[schemaPath, source]] },
    log,
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  ) as Promise<SchemaEngine>;
}

export type { MigrationList, SchemaEngine };
