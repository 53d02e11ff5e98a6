// The brand and the sender/next-step settings, through the domain: owners only, every value
// checked before anything is written, the logo kept apart from the organization row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../src/errors/app-error.js';
import { translate } from '../../src/i18n/messages.js';
import { NO_BRAND, readBrand, readLogo, resetBrand, setBrand } from '../../src/organizations/brand.js';
import { updateOrganizationSetting } from '../../src/organizations/update-setting.js';
import { SAMPLE_PNG, SAMPLE_SVG } from '../brand/samples.js';
import { failure, memberActor, newOrganization } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.close());

describe('the brand', () => {
  it('starts empty, takes a logo, a colour, a display name and the footer, and is reset', async () => {
    const { organization, owner } = await newOrganization(t.prisma);
    expect(await readBrand(t.prisma, organization.id)).toEqual(NO_BRAND);

    const brand = await setBrand(t.prisma, owner, { logo: SAMPLE_PNG, color: '#0B6E4F', displayName: ' Acme Corp ' });
    expect(brand).toMatchObject({ displayName: 'Acme Corp', color: '#0b6e4f', sesameFooter: true });
    expect(brand.logo).toEqual({ type: 'image/png', hash: expect.stringMatching(/^[0-9a-f]{16}$/) });
    const logo = await readLogo(t.prisma, organization.id);
    expect(Buffer.from(logo?.bytes ?? []).equals(Buffer.from(SAMPLE_PNG))).toBe(true);

    // One change leaves the rest as it was.
    const svg = await setBrand(t.prisma, owner, { logo: Buffer.from(SAMPLE_SVG), sesameFooter: false });
    expect(svg).toMatchObject({ displayName: 'Acme Corp', color: '#0b6e4f', sesameFooter: false });
    expect(svg.logo?.type).toBe('image/svg+xml');
    expect(svg.logo?.hash).not.toBe(brand.logo?.hash);
    expect((await setBrand(t.prisma, owner, { logo: null, displayName: null })).logo).toBeNull();
    expect(await readLogo(t.prisma, organization.id)).toBeNull();

    expect(await resetBrand(t.prisma, owner)).toEqual(NO_BRAND);
    expect(await readBrand(t.prisma, organization.id)).toEqual(NO_BRAND);
    const actions = await t.prisma.auditEvent.findMany({
      where: { organizationId: organization.id, action: { startsWith: 'organization.brand' } },
      orderBy: { id: 'asc' },
    });
    expect(actions.map((a) => a.action)).toEqual([
      'organization.brand_changed',
      'organization.brand_changed',
      'organization.brand_changed',
      'organization.brand_reset',
    ]);
  });

  it('refuses an unreadable colour or an unsafe logo, and then writes nothing', async () => {
    const { organization, owner } = await newOrganization(t.prisma);
    const light = await failure<AppError>(setBrand(t.prisma, owner, { color: '#ffcc00', displayName: 'Acme' }));
    expect(light.code).toBe('brand.color_contrast');
    expect(translate('en', light.code, light.params as never)).toContain('WCAG AA asks at least 4.5:1');
    const script = await failure<AppError>(
      setBrand(t.prisma, owner, { logo: Buffer.from('<svg><script>alert(1)</script></svg>'), displayName: 'Acme' }),
    );
    expect(script.params).toEqual({ flaw: 'script' });
    expect((await failure<AppError>(setBrand(t.prisma, owner, { displayName: 'a\u0007b' }))).code).toBe(
      'brand.display_name_invalid',
    );
    expect((await failure<AppError>(setBrand(t.prisma, owner, {}))).code).toBe('brand.nothing_to_change');
    expect(await readBrand(t.prisma, organization.id)).toEqual(NO_BRAND);
  });

  it('is the owners’ to change', async () => {
    const { owner } = await newOrganization(t.prisma);
    const admin = await memberActor(t.prisma, owner, { email: 'admin@brand.example', role: 'administrator' });
    expect((await failure<AppError>(setBrand(t.prisma, admin, { color: '#1a56db' }))).kind).toBe('forbidden');
    expect((await failure<AppError>(resetBrand(t.prisma, admin))).kind).toBe('forbidden');
  });
});

describe('the sender and next-step settings', () => {
  it('takes a from name, a reply-to, a sign-in URL and a getting-started URL, and "none" for the default', async () => {
    const { owner } = await newOrganization(t.prisma);
    let org = await updateOrganizationSetting(t.prisma, owner, 'from-name', '  Acme Support ');
    expect(org.emailFromName).toBe('Acme Support');
    org = await updateOrganizationSetting(t.prisma, owner, 'reply-to', 'Help@Acme.example');
    expect(org.emailReplyTo).toBe('help@acme.example');
    org = await updateOrganizationSetting(t.prisma, owner, 'sign-in-url', 'https://app.acme.example/login');
    expect(org.signInUrl).toBe('https://app.acme.example/login');
    org = await updateOrganizationSetting(t.prisma, owner, 'getting-started-url', 'http://localhost:8080/start');
    expect(org.gettingStartedUrl).toBe('http://localhost:8080/start');
    for (const key of ['from-name', 'reply-to', 'sign-in-url', 'getting-started-url']) {
      org = await updateOrganizationSetting(t.prisma, owner, key, 'none');
    }
    expect(org).toMatchObject({ emailFromName: null, emailReplyTo: null, signInUrl: null, gettingStartedUrl: null });
  });

  it('refuses a sign-in URL that is not https (http only on this machine), with the reason', async () => {
    const { owner } = await newOrganization(t.prisma);
    for (const bad of ['http://app.acme.example/login', 'ftp://acme.example', 'javascript:alert(1)', 'not a url']) {
      const refused = await failure<AppError>(updateOrganizationSetting(t.prisma, owner, 'sign-in-url', bad));
      expect(refused.code, bad).toBe('brand.url_invalid');
    }
    const refused = await failure<AppError>(
      updateOrganizationSetting(t.prisma, owner, 'sign-in-url', 'http://app.acme.example'),
    );
    expect(translate('fr', refused.code, refused.params as never)).toBe(
      '« http://app.acme.example » ne peut pas servir pour sign-in-url : une adresse https:// est attendue (http:// seulement sur cette machine, comme http://localhost), ou « none ».',
    );
    expect((await failure<AppError>(updateOrganizationSetting(t.prisma, owner, 'reply-to', 'nobody'))).code).toBe(
      'brand.reply_to_invalid',
    );
    expect((await failure<AppError>(updateOrganizationSetting(t.prisma, owner, 'from-name', ' '))).code).toBe(
      'brand.from_name_invalid',
    );
  });
});
