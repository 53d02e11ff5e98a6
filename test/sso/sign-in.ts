// A whole enterprise sign-in from Sesame's start page (no invitation: an organization's members
// and automatic joins), through the test provider, back to Sesame's callback: the page it ends on.
import { expect } from 'vitest';
import type { Locale } from '../../src/i18n/locale.js';
import { signInAtProvider } from './provider.js';
import { Browser, type SsoWorld } from './support.js';

export async function signInToOrganization(
  world: SsoWorld,
  organizationId: string,
  login: string,
  locale: Locale = 'en',
): Promise<{ status: number; html: string }> {
  const browser = new Browser(world.base);
  const started = await browser.get(`/sso/start?org=${organizationId}&lang=${locale}`);
  expect(started.status).toBe(303);
  const callback = await signInAtProvider(started.headers.get('location') ?? '', login, world.callback);
  const back = await browser.get(callback);
  return { status: back.status, html: await back.text() };
}
