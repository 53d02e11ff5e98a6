// The Slack "add a member" modal with an identity provider (issue 15: an Enterprise ID instead of a
// temporary password) and with partner companies (issue 16: internal or external, the company):
// what the modal offers, within Slack's Block Kit limits, and what a submission creates.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCompany } from '../../src/companies/add-company.js';
import { setCompanySecured } from '../../src/companies/secure-company.js';
import { updateOrganizationSetting } from '../../src/organizations/update-setting.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { blockActionPayload, viewSubmissionPayload } from '../support/slack-requests.js';
import { blockKitProblems } from './block-kit-limits.js';
import { command, interaction, linkedWorkspace, type SlackHarness, startSlack } from './support.js';

let t: TestDatabase;
let h: SlackHarness;
beforeAll(async () => {
  t = await createTestDatabase();
  h = await startSlack(t);
});
afterAll(async () => {
  await h?.close();
  await t?.close();
});

type Workspace = Awaited<ReturnType<typeof linkedWorkspace>>;
type Block = { type: string; block_id?: string; hint?: { text: string }; element?: { type: string } };
type View = { blocks: Block[] };

async function withProviderAndCompanies(w: Workspace) {
  await t.prisma.identityProvider.create({
    data: {
      organizationId: w.organization.id,
      issuer: 'https://login.acme.example',
      clientId: 'sesame',
      clientSecret: {},
      label: 'Acme <SSO>',
    },
  });
  await addCompany(t.prisma, w.owner, { name: 'Groupe JLO' });
  await addCompany(t.prisma, w.owner, { name: 'JLO PARIS', parent: 'Groupe JLO' });
  await addCompany(t.prisma, w.owner, { name: 'Acier Ouest' });
  await setCompanySecured(t.prisma, w.owner, 'Groupe JLO', true);
  await updateOrganizationSetting(t.prisma, w.owner, 'external-seats', '3');
  const companies = await t.prisma.company.findMany({ where: { organizationId: w.organization.id } });
  return (name: string) => companies.find((c) => c.name === name)?.id ?? '';
}

async function openAddModal(w: Workspace): Promise<View> {
  const triggerId = `${Date.now()}.${randomUUID().slice(0, 6)}`;
  await command(h, w.teamId, w.ownerUser, 'add', { triggerId });
  const opened = await h.fake.waitFor('views.open', (args) => args.trigger_id === triggerId);
  const view = opened.args.view as View;
  expect(blockKitProblems(view)).toEqual([]);
  return view;
}

const addValues = (p: {
  email: string;
  username?: string;
  enterpriseId?: string;
  kind?: 'internal' | 'external';
  companyId?: string;
}) => ({
  email: { value: { type: 'plain_text_input', value: p.email } },
  first_name: { value: { type: 'plain_text_input', value: 'Ana' } },
  last_name: { value: { type: 'plain_text_input', value: 'Lopes' } },
  username: { value: { type: 'plain_text_input', value: p.username ?? null } },
  user_type: { add_member_user_type: { type: 'static_select', selected_option: { value: 'viewer' } } },
  'role:viewer': { value: { type: 'static_select', selected_option: { value: 'viewer' } } },
  ...(p.enterpriseId !== undefined
    ? { enterprise_id: { value: { type: 'plain_text_input', value: p.enterpriseId } } }
    : {}),
  ...(p.kind ? { kind: { add_member_kind: { type: 'radio_buttons', selected_option: { value: p.kind } } } } : {}),
  ...(p.companyId
    ? { company: { company_id: { type: 'static_select', selected_option: { value: p.companyId } } } }
    : {}),
});

async function submitAdd(w: Workspace, values: Record<string, Record<string, unknown>>) {
  const viewId = `V${randomUUID().slice(0, 8).toUpperCase()}`;
  const res = await interaction(
    h,
    viewSubmissionPayload({
      userId: w.ownerUser.userId,
      teamId: w.teamId,
      callbackId: 'add_member_submit',
      viewId,
      values,
    }),
  );
  const shown = async () => {
    const updated = await h.fake.waitFor('views.update', (args) => args.view_id === viewId, 10_000);
    return JSON.stringify(updated.args.view);
  };
  return { res, shown };
}

describe('the add modal with an identity provider and partner companies', () => {
  it('has no Enterprise ID and no membership without a provider or companies', async () => {
    const w = await linkedWorkspace(t, h);
    const ids = (await openAddModal(w)).blocks.map((b) => b.block_id);
    expect(ids).not.toContain('enterprise_id');
    expect(ids).not.toContain('kind');
  });

  it('offers an optional Enterprise ID that warns about a wrong one, and internal or external', async () => {
    const w = await linkedWorkspace(t, h);
    await withProviderAndCompanies(w);
    const view = await openAddModal(w);
    const enterpriseId = view.blocks.find((b) => b.block_id === 'enterprise_id');
    expect(enterpriseId).toMatchObject({ optional: true, element: { type: 'plain_text_input' } });
    expect(enterpriseId?.hint?.text).toContain('A wrong ID makes an account nobody can use');
    expect(enterpriseId?.hint?.text).toContain('Acme <SSO>');
    expect(view.blocks.map((b) => b.block_id)).toContain('kind');

    // External: the company is asked, as in the invite modal.
    const viewId = `V${randomUUID().slice(0, 8).toUpperCase()}`;
    await interaction(
      h,
      blockActionPayload({
        userId: w.ownerUser.userId,
        teamId: w.teamId,
        actionId: 'add_member_kind',
        blockId: 'kind',
        selectedOption: { value: 'external' },
        view: { id: viewId, hash: 'h1', private_metadata: '', state: { values: {} } },
      }),
    );
    const updated = await h.fake.waitFor('views.update', (args) => args.view_id === viewId);
    const redrawn = updated.args.view as View & { callback_id: string };
    expect(redrawn.callback_id).toBe('add_member_submit');
    expect(blockKitProblems(redrawn)).toEqual([]);
    expect(redrawn.blocks.find((b) => b.block_id === 'company')?.element?.type).toBe('static_select');
    expect(redrawn.blocks.map((b) => b.block_id)).toContain('enterprise_id');
  });

  it('adds a member by Enterprise ID: active, no password, told they sign in with the enterprise login', async () => {
    const w = await linkedWorkspace(t, h);
    await withProviderAndCompanies(w);
    const { res, shown } = await submitAdd(w, addValues({ email: 'ana@acme.example', enterpriseId: '00uANA42' }));
    expect(res.json).toMatchObject({ response_action: 'update' });
    const text = await shown();
    expect(text).toContain('*Ana Lopes* (ana@acme.example) is a member');
    expect(text).toContain('No temporary password: they sign in with Acme &lt;SSO&gt;, their enterprise login.');
    expect(text).not.toContain('Temporary password, shown only this once');
    const member = await t.prisma.member.findFirstOrThrow({
      where: { organizationId: w.organization.id, email: 'ana@acme.example' },
    });
    expect([member.enterpriseId, member.passwordHash, member.status, member.external]).toEqual([
      '00uANA42',
      null,
      'ACTIVE',
      false,
    ]);
    const emails = await t.prisma.outboxMessage.findMany({ where: { organizationId: w.organization.id } });
    expect(emails.map((e) => e.kind)).toContain('member.added_email');
  });

  it('refuses an Enterprise ID with spaces, and a username beside an Enterprise ID, on their fields', async () => {
    const w = await linkedWorkspace(t, h);
    await withProviderAndCompanies(w);
    const { res } = await submitAdd(
      w,
      addValues({ email: 'bo@acme.example', enterpriseId: 'two words', username: 'bo.lopes' }),
    );
    const body = res.json as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(body.errors.enterprise_id).toContain('without spaces');
    expect(body.errors.username).toContain('Leave the username empty with an Enterprise ID');
    expect(await t.prisma.member.count({ where: { organizationId: w.organization.id } })).toBe(1);
  });

  it('adds an external member of a covered company, with a temporary password or by Enterprise ID', async () => {
    const w = await linkedWorkspace(t, h);
    const idOf = await withProviderAndCompanies(w);
    const withPassword = await submitAdd(
      w,
      addValues({ email: 'paul@jlo.example', kind: 'external', companyId: idOf('JLO PARIS') }),
    );
    expect(await withPassword.shown()).toContain('Temporary password, shown only this once');
    const byId = await submitAdd(
      w,
      addValues({ email: 'lea@jlo.example', kind: 'external', companyId: idOf('Groupe JLO'), enterpriseId: '00uLEA' }),
    );
    expect(await byId.shown()).toContain('their enterprise login');
    const members = await t.prisma.member.findMany({
      where: { organizationId: w.organization.id, external: true },
      orderBy: { email: 'asc' },
    });
    expect(members.map((m) => [m.email, m.companyName, m.enterpriseId])).toEqual([
      ['lea@jlo.example', 'Groupe JLO', '00uLEA'],
      ['paul@jlo.example', 'JLO PARIS', null],
    ]);
  });

  it('refuses an uncovered company on the company field, before anything is added', async () => {
    const w = await linkedWorkspace(t, h);
    const idOf = await withProviderAndCompanies(w);
    const { res } = await submitAdd(
      w,
      addValues({ email: 'max@ouest.example', kind: 'external', companyId: idOf('Acier Ouest') }),
    );
    expect(res.json).toEqual({
      response_action: 'errors',
      errors: { company: 'Acier Ouest is not secured: secure it first (sesame companies secure "Acier Ouest").' },
    });
    expect(await t.prisma.member.count({ where: { organizationId: w.organization.id } })).toBe(1);
  });
});
