// Adding, listing and removing an organization's webhook endpoints; events reach the outbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../src/errors/app-error.js';
import { invite } from '../../src/invitations/invite.js';
import { revokeInvitation } from '../../src/invitations/revoke.js';
import {
  addWebhookEndpoint,
  listWebhookEndpoints,
  removeWebhookEndpoint,
} from '../../src/webhooks/manage-endpoints.js';
import { memberActor, newOrganization } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (e: unknown) => (e as AppError).code,
  );

describe('webhook endpoints', () => {
  it('adds with a secret shown once, lists without it, queues the events it listens to, removes', async () => {
    const { owner } = await newOrganization(t.prisma);
    const { endpoint, secret } = await addWebhookEndpoint(t.prisma, owner, {
      url: 'https://hooks.example.com/sesame',
      events: ['invitation.created', 'invitation.revoked'],
    });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const listed = await listWebhookEndpoints(t.prisma, owner);
    expect(listed).toEqual([expect.objectContaining({ id: endpoint.id, active: true })]);
    expect(JSON.stringify(listed)).not.toContain(secret);

    await invite(t.prisma, owner, { emails: ['a@x.com', 'b@x.com'] });
    await revokeInvitation(t.prisma, owner, 'a@x.com');
    const rows = await t.prisma.outboxMessage.findMany({
      where: { organizationId: owner.organization.id, kind: 'webhook' },
    });
    expect(rows.map((r) => (r.payload as { event: string }).event).sort()).toEqual([
      'invitation.created',
      'invitation.created',
      'invitation.revoked',
    ]);

    await removeWebhookEndpoint(t.prisma, owner, endpoint.id);
    await invite(t.prisma, owner, { emails: ['c@x.com'] });
    expect(
      await t.prisma.outboxMessage.count({ where: { organizationId: owner.organization.id, kind: 'webhook' } }),
    ).toBe(3);
    expect(await code(removeWebhookEndpoint(t.prisma, owner, endpoint.id))).toBe('webhook.not_found');
  });

  it('refuses plain http (but for localhost), unknown events, non-admins and other organizations', async () => {
    const allowLocal = { allowPrivateAddresses: true };
    const { owner } = await newOrganization(t.prisma);
    const other = await newOrganization(t.prisma);
    const viewer = await memberActor(t.prisma, owner, { email: 'v@x.com' });
    expect(await code(addWebhookEndpoint(t.prisma, owner, { url: 'http://hooks.example.com' }))).toBe(
      'webhook.invalid_url',
    );
    expect(await code(addWebhookEndpoint(t.prisma, owner, { url: 'not a url' }))).toBe('webhook.invalid_url');
    // A local receiver (a private address) only with the operator's development setting.
    expect(await code(addWebhookEndpoint(t.prisma, owner, { url: 'http://127.0.0.1:9/x' }, allowLocal))).toBe('ok');
    expect(await code(addWebhookEndpoint(t.prisma, owner, { url: 'https://h.example.com', events: ['nope'] }))).toBe(
      'webhook.unknown_event',
    );
    expect(await code(addWebhookEndpoint(t.prisma, viewer, { url: 'https://h.example.com' }))).toBe(
      'permission.manage_webhooks',
    );
    const [mine] = await listWebhookEndpoints(t.prisma, owner);
    expect(await code(removeWebhookEndpoint(t.prisma, other.owner, mine?.id ?? ''))).toBe('webhook.not_found');
    expect(await listWebhookEndpoints(t.prisma, other.owner)).toEqual([]);
  });
});
