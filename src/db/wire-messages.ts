// The few PostgreSQL protocol messages the embedded server writes itself (pglite-server.ts);
// everything else comes from PGlite.

/** A backend message: type byte, length (itself included), body. */
export function message(type: number, body: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head[0] = type;
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}

/** ErrorResponse with severity FATAL: the client reports `text` and the connection ends. */
export function errorResponse(code: string, text: string): Buffer {
  const fields = [`SFATAL`, `VFATAL`, `C${code}`, `M${text}`].map((f) => Buffer.from(`${f}\0`));
  return message(0x45, Buffer.concat([...fields, Buffer.from([0])]));
}

/** The answer to a one-column bytea query: RowDescription, DataRow, CommandComplete, ReadyForQuery. */
export function backupResponse(bytes: Buffer): Buffer {
  const column = Buffer.alloc(18); // table oid, attribute number, type oid, size, modifier, format
  column.writeInt32BE(17, 6); // bytea
  column.writeInt16BE(-1, 10);
  column.writeInt32BE(-1, 12);
  const description = message(0x54, Buffer.concat([int16(1), Buffer.from('backup\0'), column]));
  const value = Buffer.from(`\\x${bytes.toString('hex')}`);
  const length = Buffer.alloc(4);
  length.writeInt32BE(value.length);
  return Buffer.concat([
    description,
    message(0x44, Buffer.concat([int16(1), length, value])),
    message(0x43, Buffer.from('SELECT 1\0')),
    message(0x5a, Buffer.from('I')),
  ]);
}

function int16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeInt16BE(n);
  return b;
}
