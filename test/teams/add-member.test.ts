// "Add a member" from Teams: the `add` command answers a card that opens the dialog; problems
// show above their fields; the member is created with a temporary password shown once in the
// dialog (never posted in the conversation) and kept only as a hash.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMemberWithTemporaryPassword } from '../../src/members/add-member-with-temporary-password.js';
import { verifyPassword } from '../../src/members/hash-password.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { messageActivity, taskFetchInvoke, taskSubmitInvoke } from '../support/teams-requests.js';
import { checkCardsAfterEach, linkedTenant, post, sentTo, startTeams, type TeamsHarness } from './support.js';

let t: TestDatabase;
let h: TeamsHarness;
beforeAll(async () => {
  t = await createTestDatabase();
  h = await startTeams(t);
});
checkCardsAfterEach(() => h);
afterAll(async () => {
  await h?.close();
  await t?.close();
});

describe('adding a member from Teams', () => {
  it('opens the dialog from the add command, shows problems on its fields, then adds with a password shown once', async () => {
    const w = await linkedTenant(t, h);
    const base = { user: w.ownerUser, conversation: w.ownerUser.personal, serviceUrl: h.fake.url };
    const from = h.fake.calls.length;
    await post(h, messageActivity({ ...base, text: 'add' }));
    const card = sentTo(h, w.ownerUser.personal.id, from).join('\n');
    expect(card).toContain('add_member_form');

    const fetched = await post(h, taskFetchInvoke({ ...base, data: { verb: 'add_member_form' } }));
    expect(JSON.stringify(fetched.json)).toContain('"id":"firstName"');

    const bad = await post(
      h,
      taskSubmitInvoke({
        ...base,
        data: {
          verb: 'add_member_form',
          email: 'not-an-address',
          firstName: 'Kim',
          lastName: 'Lee',
          assignment: 'viewer/publisher',
        },
      }),
    );
    const badText = JSON.stringify(bad.json);
    expect(badText).toContain('does not allow the Publisher role');
    expect(badText).toContain('"value":"not-an-address"');
    expect(await t.prisma.member.count({ where: { organizationId: w.organization.id } })).toBe(1);

    const before = h.fake.calls.length;
    const good = await post(
      h,
      taskSubmitInvoke({
        ...base,
        data: {
          verb: 'add_member_form',
          email: 'kim.lee@example.com',
          firstName: 'Kim',
          lastName: 'Lee',
          username: 'kim.lee.gis',
          assignment: 'editor/data_editor',
        },
      }),
    );
    const shown = JSON.stringify(good.json);
    expect(shown).toContain('is a member');
    const password = /"text":"([a-z0-9]{5}-[a-z0-9]{5}-[a-z0-9]{4})"/.exec(shown)?.[1] ?? '';
    expect(password).not.toBe('');
    const member = await t.prisma.member.findFirstOrThrow({
      where: { organizationId: w.organization.id, email: 'kim.lee@example.com' },
    });
    expect(member).toMatchObject({ username: 'kim.lee.gis', role: 'data_editor', status: 'MUST_CHANGE_PASSWORD' });
    expect(await verifyPassword(password, member.passwordHash ?? '')).toBe(true);
    // Nothing was posted in the conversation: the password lives only in the dialog.
    expect(JSON.stringify(h.fake.calls.slice(before))).not.toContain(password);
  });

  it('issues a new temporary password from the password command, in a dialog only', async () => {
    const w = await linkedTenant(t, h);
    const added = await addMemberWithTemporaryPassword(t.prisma, w.owner, {
      email: 'lost.teams@example.com',
      firstName: 'Lo',
      lastName: 'St',
    });
    const base = { user: w.ownerUser, conversation: w.ownerUser.personal, serviceUrl: h.fake.url };
    const from = h.fake.calls.length;
    await post(h, messageActivity({ ...base, text: 'password lost.teams@example.com' }));
    const card = sentTo(h, w.ownerUser.personal.id, from).join('\n');
    expect(card).toContain('reissue_password');
    expect(card).toContain('lost.teams@example.com');

    const fetched = await post(
      h,
      taskFetchInvoke({ ...base, data: { verb: 'reissue_password', email: 'lost.teams@example.com' } }),
    );
    const shown = JSON.stringify(fetched.json);
    expect(shown).toContain('A new temporary password for');
    const password = /"text":"([a-z0-9]{5}-[a-z0-9]{5}-[a-z0-9]{4})"/.exec(shown)?.[1] ?? '';
    const member = await t.prisma.member.findUniqueOrThrow({ where: { id: added.member.id } });
    expect(await verifyPassword(password, member.passwordHash ?? '')).toBe(true);
    expect(JSON.stringify(h.fake.calls.slice(from))).not.toContain(password);
  });

  it('refuses a member who may not add people, and an address that is already a member', async () => {
    const w = await linkedTenant(t, h);
    const viewer = await w.member('teams.viewer.add@acme.example', 'viewer');
    const fetched = await post(
      h,
      taskFetchInvoke({
        user: viewer,
        conversation: viewer.personal,
        serviceUrl: h.fake.url,
        data: { verb: 'add_member_form' },
      }),
    );
    expect(JSON.stringify(fetched.json)).toContain('only owners and administrators');

    const again = await post(
      h,
      taskSubmitInvoke({
        user: w.ownerUser,
        conversation: w.ownerUser.personal,
        serviceUrl: h.fake.url,
        data: {
          verb: 'add_member_form',
          email: 'teams.viewer.add@acme.example',
          firstName: 'Vi',
          lastName: 'Ewer',
          assignment: 'editor/data_editor',
        },
      }),
    );
    expect(JSON.stringify(again.json)).toContain('The member was not added');
  });
});
