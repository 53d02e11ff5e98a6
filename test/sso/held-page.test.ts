// The page an automatic join ends on when it waits for a manager (no seat left) is in the
// organization's brand, like the other pages after an enterprise login (issue 18). Over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setBrand } from '../../src/organizations/brand.js';
import { SAMPLE_PNG } from '../brand/samples.js';
import { textOf } from '../enrollment/support.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { signInToOrganization } from './sign-in.js';
import { organizationWithProvider, type SsoWorld, startSsoWorld } from './support.js';

let t: TestDatabase;
let world: SsoWorld;
beforeAll(async () => {
  t = await createTestDatabase();
  world = await startSsoWorld(t);
});
afterAll(async () => {
  await world?.close();
  await t?.close();
});

/** An organization with automatic join for held.example and no seat left: every join waits. */
async function fullOrganization() {
  const { owner } = await organizationWithProvider(t.prisma, world, {
    autoJoin: true,
    autoJoinDomains: ['held.example'],
  });
  await t.prisma.organization.update({ where: { id: owner.organization.id }, data: { seatLimit: 1 } });
  return owner;
}

const newLogin = (prefix: string) => {
  const login = `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
  world.provider.accounts.set(login, { email: `${login}@held.example`, email_verified: true });
  return login;
};

describe('the page of an automatic join held for approval', { timeout: 60_000 }, () => {
  it('shows the brand’s name, logo and colour, and not the organization’s own name', async () => {
    const owner = await fullOrganization();
    const brand = await setBrand(t.prisma, owner, { logo: SAMPLE_PNG, color: '#0b6e4f', displayName: 'Acme <Corp>' });
    const held = await signInToOrganization(world, owner.organization.id, newLogin('ana'));
    expect(held.status).toBe(202);
    expect(held.html).toContain(
      `<img class="brand-logo" src="/brand/${owner.organization.id}/logo?v=${brand.logo?.hash}" alt="Acme &lt;Corp&gt;">`,
    );
    expect(held.html).toContain('<link rel="stylesheet" href="/brand/theme/0b6e4f.css">');
    expect(held.html).toContain('<h1>Your request to join Acme &lt;Corp&gt; is waiting</h1>');
    expect(held.html).toContain('<footer class="sent-with">Sent with Sesame</footer>');
    expect(held.html).not.toContain(owner.organization.name);
  });

  it('without a brand shows the organization’s name in place of Sesame’s mark (French)', async () => {
    const owner = await fullOrganization();
    const held = await signInToOrganization(world, owner.organization.id, newLogin('leo'), 'fr');
    expect(held.status).toBe(202);
    expect(held.html).toContain(`<span class="brand-name">${owner.organization.name}</span>`);
    expect(textOf(held.html)).toContain(`Votre demande pour rejoindre ${owner.organization.name} est en attente`);
    expect(held.html).not.toContain('class="brand"');
  });
});
