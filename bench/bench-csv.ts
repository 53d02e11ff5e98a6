// Import files for the bench: valid rows only (the target is about writing valid rows), written
// to a temporary file so that the import streams them from disk as the CLI does.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

const roles = [
  ['Viewer', 'Viewer'],
  ['Data Editor', 'Editor'],
  ['Publisher', 'Creator'],
  ['User', 'Creator'],
] as const;

export const benchEmail = (tag: string, i: number) => `user${i}.${tag}@bench.example.com`;

/** `company`: when given, a Company column naming row i's partner company (external rows). */
export async function writeBenchCsv(
  path: string,
  rows: number,
  tag: string,
  company?: (i: number) => string,
): Promise<void> {
  const out = createWriteStream(path);
  out.write(`Email,First Name,Last Name,Role,User Type${company ? ',Company' : ''}\n`);
  for (let i = 0; i < rows; i++) {
    const [role, userType] = roles[i % roles.length] as (typeof roles)[number];
    const line = `${benchEmail(tag, i)},First${i},Last${i},${role},${userType}${company ? `,${company(i)}` : ''}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
