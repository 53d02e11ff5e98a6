// SQL fragments generated from TypeScript definitions (outbox keys, payloads, audit rows) embed
// constant names such as an outbox kind or an event type: quoted here, once.

/** A constant string as an SQL literal (quotes doubled). Never for user input: pass that as a parameter. */
export const sqlText = (value: string): string => `'${value.replaceAll("'", "''")}'`;
