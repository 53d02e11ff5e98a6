// The first-login page over HTTP: a member added with a temporary password chooses their own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember } from '../../src/members/add-member.js';
import { verifyPassword } from '../../src/members/hash-password.js';
import { newOrganization } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { type Pages, STRONG_PASSWORD, startPages, textOf, Visitor } from './support.js';

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

const TEMPORARY = 'jc40.l2eh';
const english = { 'accept-language': 'en' };

async function addedMember(locale: 'en' | 'fr' = 'en') {
  const { owner, organization } = await newOrganization(t.prisma, { locale });
  const username = `user_${Math.random().toString(36).slice(2, 8)}`;
  const email = `${username}@example.org`;
  await addMember(t.prisma, owner, { email, firstName: 'Tom', lastName: 'Martin', password: TEMPORARY, username });
  return { organization, username, email, path: `/first-login?org=${organization.id}` };
}

const change = (login: string, temporaryPassword = TEMPORARY, newPassword = STRONG_PASSWORD) => ({
  login,
  temporaryPassword,
  newPassword,
  passwordConfirmation: newPassword,
});

describe('the first-login page', () => {
  it('asks the login, the temporary password and a new one with its rules', async () => {
    const { organization, path } = await addedMember();
    const page = await new Visitor(pages.base, english).get(path);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain('Choose your password');
    expect(text).toContain(organization.name);
    expect(text).toContain('at least 8 characters');
    expect(page.html).toMatch(/id="login"[^>]*autocomplete="username"/);
    expect(page.html).toMatch(/id="temporaryPassword"[^>]*type="password" autocomplete="current-password"/);
    expect(page.html).toMatch(/id="newPassword"[^>]*type="password" autocomplete="new-password"/);
    expect(page.html).toMatch(/id="passwordConfirmation"[^>]*type="password" autocomplete="new-password"/);
    for (const id of page.html.matchAll(/<input id="([^"]+)"/g)) expect(page.html).toContain(`<label for="${id[1]}">`);
    expect(page.html).toContain(`action="/first-login?org=${organization.id}"`);
  });

  it('gives one answer for an unknown login and a wrong password, keeping the login but no password', async () => {
    const { username, path } = await addedMember();
    const wrong = await new Visitor(pages.base, english).fill(path, change(username, 'wrong-pass1'));
    const unknown = await new Visitor(pages.base, english).fill(path, change('nobody_here', TEMPORARY));
    expect(wrong.status).toBe(422);
    expect(unknown.status).toBe(422);
    const message = 'This username and temporary password do not match.';
    expect(textOf(wrong.html)).toContain(message);
    expect(textOf(unknown.html)).toContain(message);
    expect(wrong.html).toMatch(new RegExp(`<input id="login"[^>]*value="${username}"[^>]*aria-invalid="true"`));
    expect(wrong.html.replace(username, 'X').replace(/csrf" value="[^"]+"/, '')).toBe(
      unknown.html.replace('nobody_here', 'X').replace(/csrf" value="[^"]+"/, ''),
    );
    expect(wrong.html).not.toContain('wrong-pass1');
    expect(wrong.html).not.toContain(STRONG_PASSWORD);
  });

  it('shows a weak or mismatched new password next to its field', async () => {
    const { username, path } = await addedMember();
    const weak = await new Visitor(pages.base, english).fill(path, change(username, TEMPORARY, 'password1'));
    expect(weak.status).toBe(422);
    expect(weak.html).toMatch(/id="newPassword-error">[\s\S]*This password is too common/);
    expect(weak.html).toMatch(
      /<input id="newPassword"[^>]*aria-describedby="newPassword-hint newPassword-error" aria-invalid="true"/,
    );
    expect(weak.html).toContain('href="#newPassword"');
    const mismatch = await new Visitor(pages.base, english).fill(path, {
      ...change(username),
      passwordConfirmation: 'Another7river!',
    });
    expect(mismatch.html).toMatch(/id="passwordConfirmation-error">[\s\S]*The two passwords differ/);
  });

  it('replaces the temporary password and says how to sign in', async () => {
    const { organization, username, email, path } = await addedMember();
    const done = await new Visitor(pages.base, english).fill(path, change(email.toUpperCase()));
    expect(done.status).toBe(200);
    expect(textOf(done.html)).toContain('Your password is changed');
    expect(textOf(done.html)).toContain(`Sign in with your username ${username}`);
    const member = await t.prisma.member.findFirstOrThrow({ where: { organizationId: organization.id, username } });
    expect(member.status).toBe('ACTIVE');
    expect(await verifyPassword(STRONG_PASSWORD, member.passwordHash ?? '')).toBe(true);
    // Done once: the temporary password no longer opens anything.
    const again = await new Visitor(pages.base, english).fill(path, change(username));
    expect(again.status).toBe(422);
  });

  it('speaks the organization’s language unless the visitor asks otherwise', async () => {
    const { username, path } = await addedMember('fr');
    const v = new Visitor(pages.base, { 'accept-language': 'de' });
    const form = await v.get(path);
    expect(form.html).toContain('<html lang="fr">');
    expect(textOf(form.html)).toContain('Choisissez votre mot de passe');
    expect(form.html).toContain(`href="${path}&amp;lang=en"`);
    const wrong = await v.post(path, { ...form.hidden, ...change(username, 'wrong-pass1') });
    expect(textOf(wrong.html)).toContain('ne correspondent pas');
    const english = await v.get(`${path}&lang=en`);
    expect(english.html).toContain('<html lang="en">');
  });

  it('says a link to an unknown organization is not valid', async () => {
    const v = new Visitor(pages.base, english);
    for (const path of [
      '/first-login',
      '/first-login?org=nope',
      '/first-login?org=4b7a1d2e-8c1f-4d3a-9e2b-5f6a7b8c9d0e',
    ]) {
      const page = await v.get(path);
      expect(page.status).toBe(404);
      expect(textOf(page.html)).toContain('This link is not valid');
      expect(page.html).not.toContain('<form');
    }
  });
});
