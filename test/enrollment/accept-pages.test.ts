// The accept page over HTTP: every state of the form and of the link, both languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeInvitation } from '../../src/invitations/revoke.js';
import { verifyPassword } from '../../src/members/hash-password.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { invitation, type Pages, STRONG_PASSWORD, startPages, textOf, Visitor } from './support.js';

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

const visitor = (headers: Record<string, string> = {}) => new Visitor(pages.base, headers);
const english = { 'accept-language': 'en-GB,en;q=0.9' };
const french = { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' };
const filled = { firstName: 'Ana', lastName: 'Lima', password: STRONG_PASSWORD, passwordConfirmation: STRONG_PASSWORD };

describe('the accept form', () => {
  it('names the organization, the inviter and the role, prefills the names, and shows the password rules', async () => {
    const link = await invitation(t.prisma, { firstName: 'Ana', lastName: 'Lima', role: 'Publisher' });
    const page = await visitor(english).get(link.path);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain(`Join ${link.organization.name}`);
    // The inviter by name, with the address after it (issue 18).
    expect(text).toContain(
      `Camille Durand (${link.owner.member.email}) invited you to join ${link.organization.name}.`,
    );
    expect(text).toContain('You will join as Publisher.');
    expect(page.html).toMatch(
      /<input id="firstName" name="firstName" type="text" autocomplete="given-name" required value="Ana"/,
    );
    expect(page.html).toMatch(/id="lastName"[^>]*autocomplete="family-name"[^>]*value="Lima"/);
    for (const rule of [
      'at least 8 characters',
      'one letter and one digit',
      'different from your username',
      'not a common password',
      'aaaabbbb or 1234abcd',
    ]) {
      expect(text).toContain(rule);
    }
    expect(page.html).toMatch(/id="password"[^>]*autocomplete="new-password"[^>]*aria-describedby="password-hint"/);
    expect(page.html).toMatch(/id="passwordConfirmation"[^>]*autocomplete="new-password"/);
    // The address is fixed by default: shown, not asked; no username asked either.
    expect(page.html).not.toContain('name="email"');
    expect(text).toContain(link.email);
    expect(page.html).not.toContain('name="username"');
    // Every input has its label.
    for (const id of page.html.matchAll(/<input id="([^"]+)"/g)) expect(page.html).toContain(`<label for="${id[1]}">`);
    expect(page.csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('asks the username when the organization uses them, and the address when the invitation allows another', async () => {
    const link = await invitation(t.prisma, { usesUsernames: true, mustUseEmail: false });
    const page = await visitor(english).get(link.path);
    expect(page.html).toMatch(/id="username"[^>]*type="text" autocomplete="username"/);
    expect(page.html).toMatch(
      new RegExp(`id="email"[^>]*type="email" autocomplete="email" required value="${link.email.replace('.', '\\.')}"`),
    );

    const done = await visitor(english).fill(link.path, {
      ...filled,
      username: 'ana.lima',
      email: 'ana@elsewhere.org',
    });
    // Another address is verified first (test/enrollment/chosen-address-pages.test.ts).
    expect(done.status).toBe(200);
    expect(textOf(done.html)).toContain('We sent a 6-digit code to ana@elsewhere.org');
    expect(await t.prisma.member.count({ where: { organizationId: link.organization.id, username: 'ana.lima' } })).toBe(
      0,
    );
  });

  it('does not ask a username the invitation already set', async () => {
    const link = await invitation(t.prisma, { usesUsernames: true, username: 'preset.user' });
    const page = await visitor(english).get(link.path);
    expect(page.html).not.toContain('name="username"');
    const done = await visitor(english).fill(link.path, filled);
    expect(textOf(done.html)).toContain('preset.user');
  });

  it('enrolls on success: an active member, the invitation accepted, a page with the next step', async () => {
    const link = await invitation(t.prisma);
    const done = await visitor(english).fill(link.path, filled);
    expect(done.status).toBe(200);
    const member = await t.prisma.member.findFirstOrThrow({
      where: { organizationId: link.organization.id, email: link.email },
    });
    expect(member).toMatchObject({ status: 'ACTIVE', firstName: 'Ana', lastName: 'Lima' });
    expect(await verifyPassword(STRONG_PASSWORD, member.passwordHash ?? '')).toBe(true);
    expect(await t.prisma.invitation.findUniqueOrThrow({ where: { id: link.invitationId } })).toMatchObject({
      status: 'ACCEPTED',
    });
    const text = textOf(done.html);
    expect(text).toContain(`You joined ${link.organization.name}`);
    expect(text).toContain(`Sign in with your username ${member.username} and the password you just chose.`);
    expect(done.html).not.toContain(STRONG_PASSWORD);
  });

  it('redisplays the form with each error next to its field, a focused summary, the values kept and never the password', async () => {
    const link = await invitation(t.prisma, { usesUsernames: true, mustUseEmail: false });
    const page = await visitor(english).fill(link.path, {
      firstName: '',
      lastName: 'Lima <b>',
      username: 'ab',
      email: 'not-an-address',
      password: 'password1',
      passwordConfirmation: 'password1',
    });
    expect(page.status).toBe(422);
    expect(page.html).toMatch(
      /<div class="error-summary" tabindex="-1" autofocus aria-labelledby="error-summary-title">/,
    );
    const summary = /<div class="error-summary"[\s\S]*?<\/div>/.exec(page.html)?.[0] ?? '';
    expect(summary).toContain('href="#firstName"');
    expect(summary).toContain('href="#username"');
    expect(summary).toContain('href="#email"');
    expect(summary).toContain('href="#password"');
    expect(textOf(summary)).toContain('This password is too common');
    for (const name of ['firstName', 'username', 'email', 'password']) {
      expect(page.html).toMatch(new RegExp(`<p class="field-error" id="${name}-error">`));
      expect(page.html).toMatch(
        new RegExp(`<input id="${name}"[^>]*aria-describedby="[^"]*${name}-error"[^>]*aria-invalid="true"`),
      );
    }
    expect(page.html).toMatch(/<input id="lastName"[^>]*value="Lima &lt;b&gt;"/);
    expect(page.html).toMatch(/<input id="username"[^>]*value="ab"/);
    expect(page.html).toMatch(/<input id="email"[^>]*value="not-an-address"/);
    expect(page.html).not.toContain('password1');
    expect(page.html).not.toMatch(/type="password"[^>]*value=/);
    expect(await t.prisma.member.count({ where: { organizationId: link.organization.id, email: link.email } })).toBe(0);
  });

  it('shows a mismatched confirmation and a taken username next to their fields', async () => {
    const link = await invitation(t.prisma, { usesUsernames: true });
    const mismatch = await visitor(english).fill(link.path, {
      ...filled,
      username: 'ana.lima',
      passwordConfirmation: 'Other7river!',
    });
    expect(mismatch.status).toBe(422);
    expect(mismatch.html).toMatch(/id="passwordConfirmation-error">[\s\S]*The two passwords differ/);

    const owner = await t.prisma.member.findFirstOrThrow({ where: { organizationId: link.organization.id } });
    const taken = await visitor(english).fill(link.path, { ...filled, username: owner.username });
    expect(taken.status).toBe(422);
    expect(taken.html).toMatch(/id="username-error">[\s\S]*is already taken/);
  });

  it('enrolls once when the form is submitted twice', async () => {
    const link = await invitation(t.prisma);
    const v = visitor(english);
    const form = await v.get(link.path);
    const body = { csrf: form.csrf ?? '', ...filled };
    const [a, b] = await Promise.all([v.post(link.path, body), v.post(link.path, body)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const again = await v.post(link.path, body);
    expect(again.status).toBe(409);
    expect(textOf(again.html)).toContain('This invitation was already accepted');
    expect(await t.prisma.member.count({ where: { organizationId: link.organization.id, email: link.email } })).toBe(1);
  });
});

describe('links that no longer work', () => {
  const closedCases = [
    {
      name: 'unknown',
      status: 404,
      title: 'This link is not valid',
      make: async () => '/accept/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    },
    { name: 'malformed', status: 404, title: 'This link is not valid', make: async () => '/accept/not-a-token' },
    {
      name: 'expired',
      status: 410,
      title: 'This invitation has expired',
      make: async () => {
        const link = await invitation(t.prisma);
        await t.prisma.invitation.update({
          where: { id: link.invitationId },
          data: { expiresAt: new Date(Date.now() - 1000) },
        });
        return link.path;
      },
    },
    {
      name: 'revoked',
      status: 410,
      title: 'This invitation was withdrawn',
      make: async () => {
        const link = await invitation(t.prisma);
        await revokeInvitation(t.prisma, link.owner, link.invitationId);
        return link.path;
      },
    },
    {
      name: 'used',
      status: 409,
      title: 'This invitation was already accepted',
      make: async () => {
        const link = await invitation(t.prisma);
        expect((await visitor().fill(link.path, filled)).status).toBe(200);
        return link.path;
      },
    },
  ];

  for (const c of closedCases) {
    it(`says what happened to a ${c.name} link and what to do, without any address or form`, async () => {
      const page = await visitor(english).get(await c.make());
      expect(page.status).toBe(c.status);
      const text = textOf(page.html);
      expect(text).toContain(c.title);
      expect(text).toMatch(/person who invited you|Sign in with the account you created/);
      expect(page.html).not.toContain('@');
      expect(page.html).not.toContain('<form');
    });
  }

  it('answers a form posted to a link that died meanwhile with the same page', async () => {
    const link = await invitation(t.prisma);
    const v = visitor(english);
    const form = await v.get(link.path);
    await revokeInvitation(t.prisma, link.owner, link.invitationId);
    const page = await v.post(link.path, { csrf: form.csrf ?? '', ...filled });
    expect(page.status).toBe(410);
    expect(textOf(page.html)).toContain('This invitation was withdrawn');
    const unknown = await v.post('/accept/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', {
      csrf: form.csrf ?? '',
      ...filled,
    });
    expect(unknown.status).toBe(404);
  });
});

describe('languages', () => {
  it('follows the organization by default, Accept-Language when it asks for fr or en, and ?lang above both', async () => {
    const link = await invitation(t.prisma, { locale: 'fr' });
    const byOrg = await visitor({ 'accept-language': 'de-DE,de;q=0.9' }).get(link.path);
    expect(byOrg.html).toContain('<html lang="fr">');
    expect(textOf(byOrg.html)).toContain(`Rejoindre ${link.organization.name}`);
    expect(textOf(byOrg.html)).toContain(`Camille Durand (${link.owner.member.email}) vous invite`);

    const byHeader = await visitor(english).get(link.path);
    expect(byHeader.html).toContain('<html lang="en">');

    const englishOrg = await invitation(t.prisma, { locale: 'en' });
    const frenchBrowser = await visitor(french).get(englishOrg.path);
    expect(frenchBrowser.html).toContain('<html lang="fr">');
    expect(textOf(frenchBrowser.html)).toContain('Le mot de passe doit');

    const switched = await visitor(french).get(`${englishOrg.path}?lang=en`);
    expect(switched.html).toContain('<html lang="en">');
    // The switch links to the same page in the other language.
    expect(switched.html).toContain(`<a href="${englishOrg.path}?lang=fr" lang="fr" hreflang="fr">Français</a>`);
    expect(switched.html).toContain('<span aria-current="true" lang="en">English</span>');
  });

  it('keeps the chosen language across the POST, errors included', async () => {
    const link = await invitation(t.prisma, { locale: 'en' });
    const v = visitor(english);
    const form = await v.get(`${link.path}?lang=fr`);
    expect(form.html).toContain('name="lang" value="fr"');
    const errors = await v.post(link.path, { ...form.hidden, ...filled, firstName: '', password: 'aaaabbbb1' });
    expect(errors.status).toBe(422);
    const text = textOf(errors.html);
    expect(text).toContain('Il y a un problème');
    expect(text).toContain('Le prénom est obligatoire.');
    expect(text).toContain('caractères répétés ou qui se suivent');
    expect(errors.hidden.lang).toBe('fr');
    const done = await v.post(link.path, { ...errors.hidden, ...filled });
    expect(textOf(done.html)).toContain(`Vous avez rejoint ${link.organization.name}`);
  });

  it('shows closed links in the visitor’s language', async () => {
    const page = await visitor(french).get('/accept/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(textOf(page.html)).toContain("Ce lien n'est pas valide");
    const english = await visitor(french).get('/accept/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA?lang=en');
    expect(textOf(english.html)).toContain('This link is not valid');
  });
});
