// What the Slack invite and add modals' member properties do on submission (issue 17): the
// licences, credits and language written to the invitation or the member, refusals on their
// fields (none left with the count, incompatible, bad credits or language), an add by Enterprise
// ID that carries them too, and the pending list's line for an invitation that has some.
import { describe, expect, it } from 'vitest';
import { invite } from '../../src/invitations/invite.js';
import { messageProblems } from './block-kit-limits.js';
import { type Block, ctx, formValues, submit, useFormsHarness, withLicences } from './member-properties-support.js';
import { command, linkedWorkspace, messageText } from './support.js';

useFormsHarness();

describe('what a submission writes', () => {
  it('invites with the licences, credits and language chosen', async () => {
    const w = await linkedWorkspace(ctx.t, ctx.h);
    await withLicences(w.owner);
    const { errors, done } = await submit(
      w,
      'invite',
      formValues('invite', {
        address: 'ana@example.com',
        userType: 'creator',
        licences: ['insights', 'field'],
        credits: '250',
        language: 'fr',
      }),
    );
    expect(errors).toBeUndefined();
    await done();
    const unlimited = await submit(
      w,
      'invite',
      formValues('invite', { address: 'bo@example.com', userType: 'viewer', credits: 'illimité' }),
    );
    await unlimited.done();
    const rows = await ctx.t.prisma.invitation.findMany({
      where: { organizationId: w.organization.id },
      orderBy: { email: 'asc' },
    });
    expect(rows.map((r) => [r.email, r.licences, r.credits, r.creditsUnlimited, r.language])).toEqual([
      ['ana@example.com', ['insights', 'field'], 250, false, 'fr'],
      ['bo@example.com', [], null, true, null],
    ]);
  });

  it('adds a member with the licences, credits and language chosen', async () => {
    const w = await linkedWorkspace(ctx.t, ctx.h);
    await withLicences(w.owner);
    const { errors, done } = await submit(
      w,
      'add',
      formValues('add', {
        address: 'ana@example.com',
        userType: 'editor',
        licences: ['urban'],
        credits: 'unlimited',
        language: 'en',
      }),
    );
    expect(errors).toBeUndefined();
    expect(JSON.stringify((await done()).args.view)).toContain('Temporary password');
    const member = await ctx.t.prisma.member.findFirstOrThrow({
      where: { organizationId: w.organization.id, email: 'ana@example.com' },
    });
    expect([member.licences, member.credits, member.creditsUnlimited, member.language]).toEqual([
      ['urban'],
      null,
      true,
      'en',
    ]);
  });
});

describe('refusals on their fields', () => {
  it.each(['invite', 'add'] as const)('%s: no licence left, with the count, and nothing written', async (form) => {
    const w = await linkedWorkspace(ctx.t, ctx.h);
    await withLicences(w.owner);
    await invite(ctx.t.prisma, w.owner, { emails: ['first@example.com'], userType: 'editor', licences: ['urban'] });
    const { errors } = await submit(
      w,
      form,
      formValues(form, { address: 'second@example.com', userType: 'editor', licences: ['urban'] }),
    );
    expect(Object.keys(errors ?? {})).toEqual(['licences:editor']);
    expect(errors?.['licences:editor']).toMatch(/^ArcGIS Urban: 0 of 1 left\. Free one/);
    expect(await ctx.t.prisma.invitation.count({ where: { organizationId: w.organization.id } })).toBe(1);
    expect(await ctx.t.prisma.member.count({ where: { organizationId: w.organization.id } })).toBe(1);
  });

  it('invites as many addresses as licences are left, and names the others refused with the count', async () => {
    const w = await linkedWorkspace(ctx.t, ctx.h);
    await withLicences(w.owner, { insights: '2', urban: '1' });
    const addresses = 'a@example.com, b@example.com, c@example.com';
    const { errors, done } = await submit(
      w,
      'invite',
      formValues('invite', { address: addresses, userType: 'creator', licences: ['insights'] }),
    );
    expect(errors).toBeUndefined();
    expect(messageText((await done()).args)).toContain('ArcGIS Insights: 0 of 2 left.');
    expect(await ctx.t.prisma.invitation.count({ where: { organizationId: w.organization.id } })).toBe(2);
  });

  it('refuses a licence the user type cannot hold, bad credits and an unknown language on their fields', async () => {
    const w = await linkedWorkspace(ctx.t, ctx.h);
    await withLicences(w.owner);
    const incompatible = await submit(
      w,
      'add',
      formValues('add', { address: 'x@example.com', userType: 'viewer', licences: ['insights'] }),
    );
    expect(incompatible.errors).toEqual({
      'licences:viewer': 'ArcGIS Insights is not compatible with Viewer: choose another user type or assign it later.',
    });
    const bad = await submit(
      w,
      'invite',
      formValues('invite', { address: 'x@example.com', userType: 'viewer', credits: 'lots', language: 'de' }),
    );
    expect(bad.errors).toEqual({
      credits: '"lots" is not a credit allocation: a whole number from 0 to 1,000,000,000, or "unlimited".',
      language: '"de" is not a language Sesame speaks: fr or en.',
    });
    expect(await ctx.t.prisma.invitation.count({ where: { organizationId: w.organization.id } })).toBe(0);
  });
});

describe('an add by Enterprise ID', () => {
  it('carries the member properties, as an add with a password does', async () => {
    const w = await linkedWorkspace(ctx.t, ctx.h);
    await withLicences(w.owner);
    await ctx.t.prisma.identityProvider.create({
      data: {
        organizationId: w.organization.id,
        issuer: 'https://login.acme.example',
        clientId: 'sesame',
        clientSecret: {},
        label: 'Acme SSO',
      },
    });
    const values = formValues('add', { address: 'sso@example.com', userType: 'viewer', language: 'fr' });
    const { errors, done } = await submit(w, 'add', {
      ...values,
      enterprise_id: { value: { type: 'plain_text_input', value: '00uSSO' } },
    });
    expect(errors).toBeUndefined();
    await done();
    expect(await ctx.t.prisma.member.findFirst({ where: { email: 'sso@example.com' } })).toMatchObject({
      enterpriseId: '00uSSO',
      passwordHash: null,
      language: 'fr',
    });
  });
});

describe('the pending list', () => {
  it('shows an invitation’s member properties on a line of their own, escaped, and nothing for one without', async () => {
    const w = await linkedWorkspace(ctx.t, ctx.h);
    await withLicences(w.owner);
    await invite(ctx.t.prisma, w.owner, {
      emails: ['props@example.com'],
      userType: 'creator',
      licences: ['insights'],
      credits: '250',
      language: 'fr',
    });
    await invite(ctx.t.prisma, w.owner, { emails: ['plain@example.com'] });
    // A value as the database could hold it: the line escapes it like every other text.
    await ctx.t.prisma.invitation.updateMany({
      where: { organizationId: w.organization.id, email: 'props@example.com' },
      data: { licences: ['insights', '<!here>'] },
    });
    const answer = await (await command(ctx.h, w.teamId, w.ownerUser, 'pending')).answer();
    const blocks = answer.args.blocks as Block[];
    expect(messageProblems(blocks)).toEqual([]);
    const blockAfter = (email: string) => {
      const at = blocks.findIndex((b) => JSON.stringify(b).includes(`*${email}*`));
      return blocks[at + 1];
    };
    expect(blockAfter('props@example.com')).toMatchObject({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'Licences: insights, &lt;!here&gt; · Credits: 250 · Language: French' }],
    });
    expect(blockAfter('plain@example.com')?.type).toBe('actions');
  });
});
