// Import drafts: kept between the dry run and the confirmation, run exactly once, taken over only
// when a run was abandoned (its process died); and workspace set-up racing another admin.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganizationForWorkspace } from '../../src/chat/workspaces/link-workspace.js';
import type { AppError } from '../../src/errors/app-error.js';
import { runImportDraft } from '../../src/imports/run-import-draft.js';
import { saveImportDraft } from '../../src/imports/save-import-draft.js';
import { failure, newOrganization } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const csv = 'Email,First Name\nana@example.com,Ana\nbo@example.com,Bo\n';

describe('import drafts', () => {
  it('keeps the dry run, runs once, and refuses a second confirmation', async () => {
    const { owner } = await newOrganization(t.prisma);
    const saved = await saveImportDraft(t.prisma, owner, { content: csv, fileName: 'people.csv' });
    expect(saved.dryRun).toMatchObject({ rows: 2, valid: 2, toInvite: 2 });
    expect(await t.prisma.invitation.count({ where: { organizationId: owner.organization.id } })).toBe(0);
    const [first, second] = await Promise.allSettled([
      runImportDraft(t.prisma, owner, saved.draftId),
      runImportDraft(t.prisma, owner, saved.draftId),
    ]);
    const outcomes = [first.status, second.status].sort();
    expect(outcomes).toEqual(['fulfilled', 'rejected']);
    const refused = (first.status === 'rejected' ? first.reason : (second as PromiseRejectedResult).reason) as AppError;
    expect(refused.code).toBe('import_draft.already_started');
    expect(await t.prisma.invitation.count({ where: { organizationId: owner.organization.id } })).toBe(2);
    const draft = await t.prisma.importDraft.findUniqueOrThrow({ where: { id: saved.draftId } });
    expect(draft).toMatchObject({ status: 'DONE', content: '' });
  });

  it('refuses a file that is not UTF-8 or is empty, and keeps nothing', async () => {
    const { owner } = await newOrganization(t.prisma);
    const latin1 = Buffer.from('Email,Prénom\nana@example.com,Zoé\n', 'latin1');
    expect((await failure<AppError>(saveImportDraft(t.prisma, owner, { content: latin1 }))).code).toBe(
      'import.not_utf8',
    );
    expect((await failure<AppError>(saveImportDraft(t.prisma, owner, { content: '  ' }))).code).toBe(
      'import.no_source',
    );
    expect(await t.prisma.importDraft.count({ where: { organizationId: owner.organization.id } })).toBe(0);
  });

  it('takes over a run abandoned long ago, never one still going', async () => {
    const { owner } = await newOrganization(t.prisma);
    const saved = await saveImportDraft(t.prisma, owner, { content: csv });
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
    await t.prisma.importDraft.update({
      where: { id: saved.draftId },
      data: { status: 'IMPORTING', startedAt: minutesAgo(2) },
    });
    expect((await failure<AppError>(runImportDraft(t.prisma, owner, saved.draftId))).code).toBe(
      'import_draft.already_started',
    );
    await t.prisma.importDraft.update({ where: { id: saved.draftId }, data: { startedAt: minutesAgo(60) } });
    expect((await runImportDraft(t.prisma, owner, saved.draftId)).invited).toBe(2);
  });
});

describe('creating the organization of a workspace', () => {
  it('links once when two admins set it up at the same moment, and leaves no stray organization', async () => {
    const ref = { platform: 'slack' as const, externalId: `T${randomUUID().slice(0, 8)}` };
    const names = [`Race A ${randomUUID().slice(0, 6)}`, `Race B ${randomUUID().slice(0, 6)}`];
    const results = await Promise.allSettled(
      names.map((name, i) =>
        createOrganizationForWorkspace(t.prisma, ref, {
          name,
          seats: 5,
          linker: { email: `admin${i}@race.example`, locale: 'en' },
          isWorkspaceAdmin: true,
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((rejected.reason as AppError).code).toBe('chat.already_linked');
    expect(await t.prisma.organization.count({ where: { name: { in: names } } })).toBe(1);
  });
});
