// The pages in the organization's brand (issue 18): its name, logo and colour, the inviter by
// name with their address, a reserved username up front, and the next step after enrolling; the
// logo and theme served by Sesame with their caching and safety headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterpriseJoinedPage, signedInPage } from '../../src/enrollment/sso-page.js';
import { addMember } from '../../src/members/add-member.js';
import { resetBrand, setBrand } from '../../src/organizations/brand.js';
import { updateOrganizationSetting } from '../../src/organizations/update-setting.js';
import { SAMPLE_PNG, SAMPLE_SVG } from '../brand/samples.js';
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

const english = { 'accept-language': 'en-GB,en;q=0.9' };
const french = { 'accept-language': 'fr-FR,fr;q=0.9' };
const filled = { firstName: 'Ana', lastName: 'Lima', password: STRONG_PASSWORD, passwordConfirmation: STRONG_PASSWORD };

describe('the accept page without a brand', () => {
  it('shows the organization’s name, the inviter with their address, and Sesame only in the footer', async () => {
    const link = await invitation(t.prisma);
    const page = await new Visitor(pages.base, english).get(link.path);
    const text = textOf(page.html);
    expect(page.html).toContain(`<span class="brand-name">${link.organization.name}</span>`);
    expect(text).toContain(
      `Camille Durand (${link.owner.member.email}) invited you to join ${link.organization.name}.`,
    );
    expect(page.html).not.toContain('class="brand"');
    expect(page.html).not.toContain('/brand/theme/');
    expect(page.html).toContain('<footer class="sent-with">Sent with Sesame</footer>');
    expect(page.headers.get('content-security-policy')).toContain("img-src 'self'");
  });

  it('shows a username reserved by the admin up front (French)', async () => {
    const link = await invitation(t.prisma, { locale: 'fr', usesUsernames: true, username: 'ana.lima' });
    const page = await new Visitor(pages.base, french).get(link.path);
    expect(textOf(page.html)).toContain("Votre nom d'utilisateur, choisi par la personne qui vous invite : ana.lima");
    expect(page.html).not.toContain('name="username"');
  });

  it('says after enrolling that the organization will tell where to sign in, when it set no sign-in URL', async () => {
    const link = await invitation(t.prisma);
    const done = await new Visitor(pages.base, english).fill(link.path, filled);
    expect(done.status).toBe(200);
    expect(textOf(done.html)).toContain(`${link.organization.name} will tell you where to sign in.`);
    expect(done.html).not.toContain('class="button"');
  });
});

describe('the accept page with a brand', () => {
  it('shows the logo, the colour, the display name and hides the footer when asked; the success page links to sign in', async () => {
    const link = await invitation(t.prisma, { locale: 'fr' });
    const brand = await setBrand(t.prisma, link.owner, {
      logo: SAMPLE_PNG,
      color: '#0b6e4f',
      displayName: 'Atelier <Géo>',
      sesameFooter: false,
    });
    await updateOrganizationSetting(
      t.prisma,
      link.owner,
      'sign-in-url',
      'https://app.atelier.example/login?from=sesame&x=1',
    );
    await updateOrganizationSetting(t.prisma, link.owner, 'getting-started-url', 'https://docs.atelier.example/');
    const visitor = new Visitor(pages.base, french);
    const page = await visitor.get(link.path);
    const logoUrl = `/brand/${link.organization.id}/logo?v=${brand.logo?.hash}`;
    expect(page.html).toContain(`<img class="brand-logo" src="${logoUrl}" alt="Atelier &lt;Géo&gt;">`);
    expect(page.html).toContain('<link rel="stylesheet" href="/brand/theme/0b6e4f.css">');
    expect(page.html).toContain('<h1>Rejoindre Atelier &lt;Géo&gt;</h1>');
    expect(page.html).toContain('<title>Rejoindre Atelier &lt;Géo&gt; · Atelier &lt;Géo&gt;</title>');
    expect(page.html).not.toContain('Sesame');
    expect(page.html).not.toContain(link.organization.name);

    const done = await visitor.post(link.path, { ...page.hidden, ...filled });
    expect(done.status).toBe(200);
    expect(done.html).toContain(
      '<a class="button" href="https://app.atelier.example/login?from=sesame&amp;x=1">Se connecter à Atelier &lt;Géo&gt;</a>',
    );
    expect(done.html).toContain('<a href="https://docs.atelier.example/">Lire le guide de prise en main</a>');
    expect(textOf(done.html)).toContain('Vous avez rejoint Atelier <Géo>');
    await resetBrand(t.prisma, link.owner);
  });
});

describe('the first-login page with a brand', () => {
  it('is branded, and its success shows the sign-in button', async () => {
    const link = await invitation(t.prisma);
    await setBrand(t.prisma, link.owner, { color: '#6b21a8', displayName: 'Acme Corp' });
    await updateOrganizationSetting(t.prisma, link.owner, 'sign-in-url', 'https://app.acme.example/');
    await addMember(t.prisma, link.owner, {
      email: 'tom@example.org',
      firstName: 'Tom',
      lastName: 'Martin',
      password: 'Temp0rary!x',
      username: 'tom.martin',
    });
    const visitor = new Visitor(pages.base, english);
    const path = `/first-login?org=${link.organization.id}`;
    const form = await visitor.get(path);
    expect(form.html).toContain('<span class="brand-name">Acme Corp</span>');
    expect(form.html).toContain('/brand/theme/6b21a8.css');
    expect(textOf(form.html)).toContain('An administrator added you to Acme Corp');
    const done = await visitor.post(path, {
      ...form.hidden,
      login: 'tom.martin',
      temporaryPassword: 'Temp0rary!x',
      newPassword: STRONG_PASSWORD,
      passwordConfirmation: STRONG_PASSWORD,
    });
    expect(done.status).toBe(200);
    expect(done.html).toContain('<a class="button" href="https://app.acme.example/">Sign in to Acme Corp</a>');
  });
});

describe('the pages after an enterprise login', () => {
  const brand = { name: 'Acme Corp', color: '#0b6e4f', sesameFooter: true };
  it('show the brand and the sign-in button, without a password line', () => {
    const joined = enterpriseJoinedPage({
      locale: 'en',
      organization: 'acme-prod',
      label: 'Acme SSO',
      brand,
      nextStep: { signInUrl: 'https://app.acme.example/', gettingStartedUrl: null },
    });
    expect(joined).toContain('<h1>You joined Acme Corp</h1>');
    expect(joined).toContain('<a class="button" href="https://app.acme.example/">Sign in to Acme Corp</a>');
    expect(joined).not.toContain('the password you just chose');
    const signedIn = signedInPage({
      locale: 'fr',
      organization: 'acme-prod',
      label: 'Acme SSO',
      brand,
      nextStep: { signInUrl: null, gettingStartedUrl: null },
    });
    expect(textOf(signedIn)).toContain('Acme Corp vous indiquera où vous connecter.');
    expect(signedIn).toContain('/brand/theme/0b6e4f.css');
  });
});

describe('the brand’s files', () => {
  it('serves the logo with its type, a year of cache under its versioned URL, an ETag, and 304 when unchanged', async () => {
    const link = await invitation(t.prisma);
    const brand = await setBrand(t.prisma, link.owner, { logo: SAMPLE_PNG });
    const url = `${pages.base}/brand/${link.organization.id}/logo`;
    const res = await fetch(`${url}?v=${brand.logo?.hash}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(SAMPLE_PNG))).toBe(true);
    const etag = res.headers.get('etag') as string;
    expect(etag).toBe(`"${brand.logo?.hash}"`);
    const again = await fetch(`${url}?v=${brand.logo?.hash}`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    // An old or missing version: today's logo, cached briefly.
    const old = await fetch(`${url}?v=0123456789abcdef`);
    expect(old.status).toBe(200);
    expect(old.headers.get('cache-control')).toBe('public, max-age=300');
  });

  it('serves an SVG logo under a policy that forbids scripts', async () => {
    const link = await invitation(t.prisma);
    await setBrand(t.prisma, link.owner, { logo: Buffer.from(SAMPLE_SVG) });
    const res = await fetch(`${pages.base}/brand/${link.organization.id}/logo`);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(await res.text()).toBe(SAMPLE_SVG);
  });

  it('answers 404 for an organization without a logo, or a malformed id', async () => {
    const link = await invitation(t.prisma);
    for (const path of [`/brand/${link.organization.id}/logo`, '/brand/nope/logo', '/brand/x']) {
      expect((await fetch(pages.base + path)).status, path).toBe(404);
    }
  });

  it('answers the browsers’ favicon request with no content rather than an error', async () => {
    const res = await fetch(`${pages.base}/favicon.ico`);
    expect(res.status).toBe(204);
  });

  it('serves the theme of a colour, and nothing for anything else', async () => {
    const res = await fetch(`${pages.base}/brand/theme/0b6e4f.css`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await res.text()).toContain('--accent:#0b6e4f;');
    expect((await fetch(`${pages.base}/brand/theme/red;}body{x.css`)).status).toBe(404);
  });
});
