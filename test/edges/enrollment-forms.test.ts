// Issue 12, item 6 on the enrollment pages: a NUL, a control character or bytes that are not
// UTF-8 in a form field come back as an error next to that field (a 500 page before, or a name
// stored with "\ufffd"), and the first-login page treats a login with a NUL as unknown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember } from '../../src/members/add-member.js';
import { newOrganization } from '../domain/fixtures.js';
import { invitation, type Pages, STRONG_PASSWORD, startPages, textOf, Visitor } from '../enrollment/support.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
let pages: Pages;
beforeAll(async () => {
  t = await createTestDatabase();
  pages = await startPages(t);
});
afterAll(async () => {
  await pages?.close();
  await t?.close();
});

const english = { 'accept-language': 'en' };
const filled = { firstName: 'Ana', lastName: 'Lima', password: STRONG_PASSWORD, passwordConfirmation: STRONG_PASSWORD };

/** Posts a body as written (a browser never sends %FF, a client may), with the form's CSRF token. */
async function postRaw(visitor: Visitor, path: string, body: string) {
  const res = await fetch(pages.base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: visitor.cookieHeader, ...english },
    body,
  });
  return { status: res.status, html: await res.text() };
}

describe('enrollment forms with text that is not text', () => {
  it('a NUL or a line break in a name is an error on its field, and nobody is enrolled', async () => {
    const link = await invitation(t.prisma);
    const nul = await new Visitor(pages.base, english).fill(link.path, { ...filled, firstName: 'Ana\u0000' });
    expect(nul.status).toBe(422);
    expect(nul.html).toMatch(/<p class="field-error" id="firstName-error">/);
    expect(textOf(nul.html)).toContain('"First name" contains a NUL character');

    const tab = await new Visitor(pages.base, english).fill(link.path, { ...filled, lastName: 'Li\tma' });
    expect(tab.status).toBe(422);
    expect(textOf(tab.html)).toContain('"Last name" contains an invisible control character (U+0009 (tab))');
    expect(await t.prisma.member.count({ where: { email: link.email } })).toBe(0);
  });

  it('bytes that are not UTF-8 are refused on their field rather than stored as "\ufffd"', async () => {
    const link = await invitation(t.prisma);
    const visitor = new Visitor(pages.base, english);
    const form = await visitor.get(link.path);
    const fields = new URLSearchParams({ ...form.hidden, ...filled, firstName: 'Andr' }).toString();
    const page = await postRaw(visitor, link.path, `${fields.replace('firstName=Andr', 'firstName=Andr%E9')}`);
    expect(page.status).toBe(422);
    expect(textOf(page.html)).toContain('"First name" contains characters that are not valid UTF-8');
    expect(await t.prisma.member.count({ where: { email: link.email } })).toBe(0);
  });

  it('the first-login page answers a login with a NUL like an unknown login (a 500 before)', async () => {
    const { owner, organization } = await newOrganization(t.prisma);
    await addMember(t.prisma, owner, {
      email: 'tom.nul@example.org',
      firstName: 'Tom',
      lastName: 'Martin',
      password: 'jc40.l2eh',
      username: 'tom_nul',
    });
    const page = await new Visitor(pages.base, english).fill(`/first-login?org=${organization.id}`, {
      login: 'tom_nul\u0000',
      temporaryPassword: 'jc40.l2eh',
      newPassword: STRONG_PASSWORD,
      passwordConfirmation: STRONG_PASSWORD,
    });
    expect(page.status).toBeLessThan(500);
    expect(textOf(page.html)).toContain('This username and temporary password do not match.');
  });
});
