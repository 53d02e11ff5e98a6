// Turns whatever the caller has (a file stream, stdin, a string, a Buffer) into a stream of byte
// chunks, and finds the size when it can so the progress bar can show a total.
import { stat } from 'node:fs/promises';
import type { ImportSource } from './import-types.js';

export interface OpenedSource {
  chunks: AsyncIterable<Buffer>;
  totalBytes?: number;
}

export async function openSource(source: ImportSource, totalBytes?: number): Promise<OpenedSource> {
  if (typeof source === 'string' || Buffer.isBuffer(source)) {
    const bytes = typeof source === 'string' ? Buffer.from(source, 'utf8') : source;
    return { chunks: once(bytes), totalBytes: totalBytes ?? bytes.length };
  }
  return {
    chunks: asBuffers(source as AsyncIterable<Buffer | string>),
    totalBytes: totalBytes ?? (await fileSize(source)),
  };
}

async function* once(bytes: Buffer): AsyncIterable<Buffer> {
  yield bytes;
}

async function* asBuffers(source: AsyncIterable<Buffer | string>): AsyncIterable<Buffer> {
  for await (const chunk of source) yield typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
}

/** fs.createReadStream(path) remembers its path: its size gives the progress bar a total. */
async function fileSize(source: object): Promise<number | undefined> {
  const path = (source as { path?: unknown }).path;
  if (typeof path !== 'string') return undefined;
  try {
    const info = await stat(path);
    return info.isFile() ? info.size : undefined;
  } catch {
    // No size, no total: the progress bar counts rows without a percentage.
    return undefined;
  }
}
