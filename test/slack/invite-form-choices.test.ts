// The Slack invite modal's sign-in method (issue 15: with an enabled identity provider) and its
// internal / external choice with the partner company (issue 16): what the modal offers, within
// Slack's Block Kit limits, what a submission writes, and refusals shown on their fields.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCompany } from '../../src/companies/add-company.js';
import { setCompanySecured } from '../../src/companies/secure-company.js';
import type { Db } from '../../src/db/database.js';
import type { JoinMode } from '../../src/generated/prisma/client.js';
import { updateOrganizationSetting } from '../../src/organizations/update-setting.js';
import type { Actor } from '../../src/permissions/actor.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { blockActionPayload, viewSubmissionPayload } from '../support/slack-requests.js';
import { blockKitProblems } from './block-kit-limits.js';
import { command, interaction, linkedWorkspace, messageText, type SlackHarness, startSlack } from './support.js';

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

type Option = { text: { text: string }; value: string };
type Block = {
  type: string;
  block_id?: string;
  hint?: { text: string };
  dispatch_action?: boolean;
  elements?: { text: string }[];
  element?: { type: string; action_id: string; options?: Option[]; initial_option?: Option };
};
type View = { callback_id: string; blocks: Block[] };

const withProvider = (db: Db, organizationId: string, joinMode: JoinMode, label = 'Acme SSO') =>
  db.identityProvider.create({
    data: {
      organizationId,
      issuer: 'https://login.acme.example',
      clientId: 'sesame',
      clientSecret: {},
      label,
      joinMode,
    },
  });

/** The seed's example: Groupe JLO secured (JLO PARIS covered with it), Acier Ouest not secured. */
async function groupeJlo(owner: Actor) {
  await addCompany(t.prisma, owner, { name: 'Acier Ouest' });
  await addCompany(t.prisma, owner, { name: 'Groupe JLO' });
  await addCompany(t.prisma, owner, { name: 'JLO PARIS', parent: 'Groupe JLO' });
  await addCompany(t.prisma, owner, { name: 'Atelier Nord', parent: 'Acier Ouest' });
  await setCompanySecured(t.prisma, owner, 'Groupe JLO', true);
  await updateOrganizationSetting(t.prisma, owner, 'external-seats', '5');
  const companies = await t.prisma.company.findMany({ where: { organizationId: owner.organization.id } });
  const idOf = (name: string) => companies.find((c) => c.name === name)?.id ?? '';
  return { idOf };
}

async function openInviteModal(w: Awaited<ReturnType<typeof linkedWorkspace>>, text = ''): Promise<View> {
  const triggerId = `${Date.now()}.${randomUUID().slice(0, 6)}`;
  await command(h, w.teamId, w.ownerUser, text, { triggerId });
  const opened = await h.fake.waitFor('views.open', (args) => args.trigger_id === triggerId);
  const view = opened.args.view as View;
  expect(blockKitProblems(view)).toEqual([]);
  return view;
}

/** The form drawn again after a click on the kind radio (or the user type), as Slack sends it. */
async function redraw(
  w: Awaited<ReturnType<typeof linkedWorkspace>>,
  actionId: string,
  blockId: string,
  value: string,
  values: Record<string, unknown> = {},
): Promise<View> {
  const viewId = `V${randomUUID().slice(0, 8).toUpperCase()}`;
  await interaction(
    h,
    blockActionPayload({
      userId: w.ownerUser.userId,
      teamId: w.teamId,
      actionId,
      blockId,
      selectedOption: { value },
      view: { id: viewId, hash: 'h1', private_metadata: '{}', state: { values } },
    }),
  );
  const updated = await h.fake.waitFor('views.update', (args) => args.view_id === viewId);
  const view = updated.args.view as View;
  expect(blockKitProblems(view)).toEqual([]);
  return view;
}

const block = (view: View, id: string) => view.blocks.find((b) => b.block_id === id);
const blockIds = (view: View) => view.blocks.map((b) => b.block_id ?? b.type);

const inviteValues = (p: {
  emails: string;
  signIn?: 'password' | 'enterprise';
  kind?: 'internal' | 'external';
  companyId?: string;
  companyName?: string;
}) => ({
  emails: { value: { type: 'plain_text_input', value: p.emails } },
  user_type: { invite_user_type: { type: 'static_select', selected_option: { value: 'viewer' } } },
  'role:viewer': { value: { type: 'static_select', selected_option: { value: 'viewer' } } },
  must_use_email: { value: { type: 'checkboxes', selected_options: [{ value: 'yes' }] } },
  ...(p.signIn ? { sign_in: { value: { type: 'radio_buttons', selected_option: { value: p.signIn } } } } : {}),
  ...(p.kind ? { kind: { invite_kind: { type: 'radio_buttons', selected_option: { value: p.kind } } } } : {}),
  ...(p.companyId !== undefined
    ? {
        company: {
          company_id: { type: 'static_select', selected_option: p.companyId ? { value: p.companyId } : null },
        },
      }
    : {}),
  ...(p.companyName !== undefined
    ? { company: { company_name: { type: 'plain_text_input', value: p.companyName } } }
    : {}),
});

async function submitInvite(
  w: Awaited<ReturnType<typeof linkedWorkspace>>,
  values: Record<string, Record<string, unknown>>,
) {
  const path = `/respond/${randomUUID()}`;
  const res = await interaction(
    h,
    viewSubmissionPayload({
      userId: w.ownerUser.userId,
      teamId: w.teamId,
      callbackId: 'invite_submit',
      privateMetadata: JSON.stringify({ responseUrl: `${h.fake.url}${path}` }),
      values,
    }),
  );
  const answer = () => h.fake.waitFor('response_url', (args) => args.responseUrlPath === path, 10_000);
  return { res, answer };
}

describe('the invite modal without a provider or companies', () => {
  it('offers neither the sign-in method nor the membership, as before', async () => {
    const w = await linkedWorkspace(t, h);
    const view = await openInviteModal(w);
    expect(blockIds(view)).not.toContain('sign_in');
    expect(blockIds(view)).not.toContain('kind');
    expect(blockIds(view)).not.toContain('company');
    expect(JSON.stringify(view)).not.toContain('enterprise login');
  });
});

describe('the sign-in method', () => {
  it('defaults to the enterprise login when the organization allows either, and invites an enterprise invitation', async () => {
    const w = await linkedWorkspace(t, h);
    await withProvider(t.prisma, w.organization.id, 'EITHER');
    const view = await openInviteModal(w);
    const signIn = block(view, 'sign_in');
    expect(signIn?.element?.type).toBe('radio_buttons');
    expect(signIn?.element?.options?.map((o) => [o.value, o.text.text])).toEqual([
      ['enterprise', 'Continue with Acme SSO (enterprise login)'],
      ['password', 'A password of their choosing'],
    ]);
    expect(signIn?.element?.initial_option?.value).toBe('enterprise');
    expect(signIn?.hint?.text).toContain('may still choose a password');

    const { res, answer } = await submitInvite(w, inviteValues({ emails: 'sso@example.com', signIn: 'enterprise' }));
    expect(res.text).toBe('');
    expect(messageText((await answer()).args)).toContain('sso@example.com');
    const invitation = await t.prisma.invitation.findFirstOrThrow({ where: { organizationId: w.organization.id } });
    expect([invitation.email, invitation.enterprise, invitation.mustUseEmail]).toEqual(['sso@example.com', true, true]);
  });

  it('invites with a password when the admin chooses it', async () => {
    const w = await linkedWorkspace(t, h);
    await withProvider(t.prisma, w.organization.id, 'EITHER');
    const { answer } = await submitInvite(w, inviteValues({ emails: 'pw@example.com', signIn: 'password' }));
    await answer();
    const invitation = await t.prisma.invitation.findFirstOrThrow({ where: { organizationId: w.organization.id } });
    expect(invitation.enterprise).toBe(false);
  });

  it('keeps the password as the default where the organization joins with a password', async () => {
    const w = await linkedWorkspace(t, h, { slackLocale: 'fr-FR' });
    await withProvider(t.prisma, w.organization.id, 'PASSWORD', 'Okta <Acme>');
    const signIn = block(await openInviteModal(w), 'sign_in');
    expect(signIn?.element?.initial_option?.value).toBe('password');
    // Plain text: the label is shown as typed, and French.
    expect(signIn?.element?.options?.[0]?.text.text).toBe('Continuer avec Okta <Acme> (connexion d’entreprise)');
  });

  it('says the enterprise login is the only way where the organization joins through it, and offers no password', async () => {
    const w = await linkedWorkspace(t, h);
    await withProvider(t.prisma, w.organization.id, 'ENTERPRISE', '<!here> SSO');
    const view = await openInviteModal(w);
    expect(block(view, 'sign_in')).toBeUndefined();
    const shown = JSON.stringify(view);
    expect(shown).toContain('Continue with &lt;!here&gt; SSO (enterprise login)');
    expect(shown).not.toContain('A password of their choosing');

    const { answer } = await submitInvite(w, inviteValues({ emails: 'only-sso@example.com' }));
    await answer();
    const invitation = await t.prisma.invitation.findFirstOrThrow({ where: { organizationId: w.organization.id } });
    expect(invitation.enterprise).toBe(true);
  });
});

describe('internal or external', () => {
  it('offers the membership, internal first; External shows the companies, covered ones first, the others marked', async () => {
    const w = await linkedWorkspace(t, h);
    const { idOf } = await groupeJlo(w.owner);
    const view = await openInviteModal(w);
    const kind = block(view, 'kind');
    expect(kind?.dispatch_action).toBe(true);
    expect(kind?.element?.options?.map((o) => o.value)).toEqual(['internal', 'external']);
    expect(kind?.element?.initial_option?.value).toBe('internal');
    // No company to choose for an internal member (Slack cannot empty a select once chosen).
    expect(block(view, 'company')).toBeUndefined();

    const external = await redraw(w, 'invite_kind', 'kind', 'external', {
      user_type: { invite_user_type: { type: 'static_select', selected_option: { value: 'editor' } } },
    });
    // The chosen user type is kept: its roles are offered.
    expect(blockIds(external)).toContain('role:editor');
    const company = block(external, 'company');
    expect(company?.element?.type).toBe('static_select');
    expect(company?.element?.options?.map((o) => [o.text.text, o.value])).toEqual([
      ['Groupe JLO', idOf('Groupe JLO')],
      ['Groupe JLO/JLO PARIS', idOf('JLO PARIS')],
      ['Acier Ouest (not secured)', idOf('Acier Ouest')],
      ['Acier Ouest/Atelier Nord (not secured)', idOf('Atelier Nord')],
    ]);
    expect(company?.hint?.text).toContain('/invite companies');
    expect(blockIds(external).indexOf('company')).toBe(blockIds(external).indexOf('kind') + 1);

    // The user type switched while External is chosen: the company stays offered.
    const switched = await redraw(w, 'invite_user_type', 'user_type', 'viewer', {
      kind: { invite_kind: { type: 'radio_buttons', selected_option: { value: 'external' } } },
    });
    expect(blockIds(switched)).toContain('company');
    expect(blockIds(switched)).toContain('role:viewer');
    // Back to Internal: the company goes.
    expect(blockIds(await redraw(w, 'invite_kind', 'kind', 'internal'))).not.toContain('company');
  });

  it('invites an external member for a covered company', async () => {
    const w = await linkedWorkspace(t, h);
    const { idOf } = await groupeJlo(w.owner);
    const { res, answer } = await submitInvite(
      w,
      inviteValues({ emails: 'ana@jlo.example', kind: 'external', companyId: idOf('JLO PARIS') }),
    );
    expect(res.text).toBe('');
    await answer();
    const invitation = await t.prisma.invitation.findFirstOrThrow({ where: { organizationId: w.organization.id } });
    expect([invitation.external, invitation.companyName, invitation.companyId]).toEqual([
      true,
      'JLO PARIS',
      idOf('JLO PARIS'),
    ]);
  });

  it('refuses an uncovered company on the company field, naming what to secure, and writes nothing', async () => {
    const w = await linkedWorkspace(t, h);
    const { idOf } = await groupeJlo(w.owner);
    const { res } = await submitInvite(
      w,
      inviteValues({ emails: 'bo@ouest.example', kind: 'external', companyId: idOf('Atelier Nord') }),
    );
    expect(res.json).toEqual({
      response_action: 'errors',
      errors: { company: 'Atelier Nord is not secured: secure it or one of its parent companies (Acier Ouest).' },
    });
    expect(await t.prisma.invitation.count({ where: { organizationId: w.organization.id } })).toBe(0);
  });

  it('says it in French to a French-speaking admin', async () => {
    const w = await linkedWorkspace(t, h, { slackLocale: 'fr-FR' });
    const { idOf } = await groupeJlo(w.owner);
    const { res } = await submitInvite(
      w,
      inviteValues({ emails: 'bo@ouest.example', kind: 'external', companyId: idOf('Acier Ouest') }),
    );
    expect(res.json).toEqual({
      response_action: 'errors',
      errors: {
        company: "Acier Ouest n'est pas sécurisée : sécurisez-la d'abord (sesame companies secure « Acier Ouest »).",
      },
    });
  });

  it('asks for the company of an external member on its field', async () => {
    const w = await linkedWorkspace(t, h);
    await groupeJlo(w.owner);
    const { res } = await submitInvite(
      w,
      inviteValues({ emails: 'no@company.example', kind: 'external', companyId: '' }),
    );
    expect(res.json).toEqual({
      response_action: 'errors',
      errors: { company: 'An external member belongs to a partner company: choose it.' },
    });
  });

  it('invites an internal member when Internal is chosen, whatever company an older draw of the form still held', async () => {
    const w = await linkedWorkspace(t, h);
    const { idOf } = await groupeJlo(w.owner);
    const { answer } = await submitInvite(
      w,
      inviteValues({ emails: 'inside@example.com', kind: 'internal', companyId: idOf('JLO PARIS') }),
    );
    await answer();
    const invitation = await t.prisma.invitation.findFirstOrThrow({ where: { organizationId: w.organization.id } });
    expect([invitation.external, invitation.companyName]).toEqual([false, null]);
  });

  it('cuts a long path from the left so that the company’s own name stays within 75 characters', async () => {
    const w = await linkedWorkspace(t, h);
    const long = 'Holding internationale des ateliers réunis';
    await addCompany(t.prisma, w.owner, { name: long });
    await addCompany(t.prisma, w.owner, { name: 'Filiale européenne de distribution', parent: long });
    await addCompany(t.prisma, w.owner, {
      name: 'Agence Bretagne',
      parent: `${long}/Filiale européenne de distribution`,
    });
    const view = await redraw(w, 'invite_kind', 'kind', 'external');
    const texts = block(view, 'company')?.element?.options?.map((o) => o.text.text) ?? [];
    expect(texts.at(-1)).toMatch(/^….*\/Agence Bretagne \(not secured\)$/);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(75);
  });

  it('beyond 100 companies, the company is typed (name or path) and checked like a chosen one', async () => {
    const w = await linkedWorkspace(t, h);
    await groupeJlo(w.owner);
    const rows = Array.from({ length: 100 }, (_, i) => ({
      organizationId: w.organization.id,
      name: `Partner ${String(i).padStart(3, '0')}`,
      nameKey: `partner ${String(i).padStart(3, '0')}`,
    }));
    await t.prisma.company.createMany({ data: rows });
    const view = await redraw(w, 'invite_kind', 'kind', 'external');
    const company = block(view, 'company');
    expect(company?.element?.type).toBe('plain_text_input');
    expect(company?.element?.action_id).toBe('company_name');
    expect(company?.hint?.text).toContain('Groupe JLO/JLO PARIS');

    const refused = await submitInvite(
      w,
      inviteValues({ emails: 'x@partner.example', kind: 'external', companyName: 'Partner 042' }),
    );
    expect(refused.res.json).toEqual({
      response_action: 'errors',
      errors: { company: 'Partner 042 is not secured: secure it first (sesame companies secure "Partner 042").' },
    });
    const unknown = await submitInvite(
      w,
      inviteValues({ emails: 'x@partner.example', kind: 'external', companyName: 'Nowhere' }),
    );
    expect((unknown.res.json as { errors: Record<string, string> }).errors.company).toContain(
      'No company named "Nowhere"',
    );
    const { answer } = await submitInvite(
      w,
      inviteValues({ emails: 'ana@jlo.example', kind: 'external', companyName: 'jlo paris' }),
    );
    await answer();
    const invitation = await t.prisma.invitation.findFirstOrThrow({ where: { organizationId: w.organization.id } });
    expect(invitation.companyName).toBe('JLO PARIS');
  });
});
