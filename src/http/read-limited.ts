// Reads a stream of bytes whole, up to a limit: an upload or a request body bigger than announced
// is cut off as it arrives, never held in full.
export async function readLimited(
  chunks: AsyncIterable<Uint8Array> | null | undefined,
  limit: number,
): Promise<Buffer | undefined> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of chunks ?? []) {
    size += chunk.length;
    if (size > limit) return undefined;
    parts.push(Buffer.from(chunk));
  }
  return Buffer.concat(parts);
}
