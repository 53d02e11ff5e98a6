// The Slack invite and add modals offer the member properties (issue 17, the seed's "Set member
// properties" step): the add-on licences the chosen user type may hold, each with how many are
// left, the others named with the reason; credits for administrators; the language, in English
// and French. (What a submission writes: member-properties-submission.test.ts.)
import { describe, expect, it } from 'vitest';
import type { InviteFormChoices } from '../../src/invitations/invite-form-choices.js';
import { addLicence } from '../../src/licences/manage-licences.js';
import { defaultCatalogue } from '../../src/organizations/catalogue.js';
import { addMemberModal } from '../../src/slack/blocks/add-member-modal.js';
import { inviteModal } from '../../src/slack/blocks/invite-modal.js';
import { blockKitProblems } from './block-kit-limits.js';
import {
  type Block,
  chooseUserType,
  ctx,
  formValues,
  licencesBlock,
  licencesValue,
  openModal,
  optionsOf,
  shownText,
  submit,
  useFormsHarness,
  withLicences,
} from './member-properties-support.js';
import { linkedWorkspace } from './support.js';

useFormsHarness();

describe('the licences offered', () => {
  it.each(['invite', 'add'] as const)(
    '%s: the user type’s licences with how many are left; the others named with the reason',
    async (form) => {
      const w = await linkedWorkspace(ctx.t, ctx.h);
      await withLicences(w.owner);
      const viewer = await openModal(w, form);
      const offered = licencesBlock(viewer);
      expect(offered).toMatchObject({ block_id: 'licences:viewer', optional: true });
      expect(offered?.element?.type).toBe('multi_static_select');
      expect(optionsOf(offered)).toEqual([['field', 'Field Apps']]);
      expect(shownText(viewer)).toContain(
        'ArcGIS Insights and ArcGIS Urban are not compatible with Viewer: choose another user type or assign them later.',
      );

      // Another user type: its licences, and the choice kept where the new type allows it.
      const editor = await chooseUserType(w, form, 'editor', licencesValue('viewer', ['field']));
      expect(optionsOf(licencesBlock(editor))).toEqual([
        ['field', 'Field Apps'],
        ['urban', 'ArcGIS Urban (1 left)'],
      ]);
      expect(licencesBlock(editor)?.element?.initial_options?.map((o) => o.value)).toEqual(['field']);
      expect(shownText(editor)).toContain(
        'ArcGIS Insights is not compatible with Editor: choose another user type or assign it later.',
      );
      const creator = await chooseUserType(w, form, 'creator', licencesValue('editor', ['urban', 'field']));
      expect(optionsOf(licencesBlock(creator))).toEqual([
        ['field', 'Field Apps'],
        ['insights', 'ArcGIS Insights (3 left)'],
        ['urban', 'ArcGIS Urban (1 left)'],
      ]);
      expect(licencesBlock(creator)?.element?.initial_options?.map((o) => o.value)).toEqual(['field', 'urban']);
      expect(shownText(creator)).not.toContain('not compatible');
      const back = await chooseUserType(w, form, 'viewer', licencesValue('creator', ['urban', 'field']));
      expect(licencesBlock(back)?.element?.initial_options?.map((o) => o.value)).toEqual(['field']);
    },
  );

  it('offers no licence field when the catalogue has none, and credits and the language all the same', async () => {
    const w = await linkedWorkspace(ctx.t, ctx.h);
    const view = await openModal(w, 'invite');
    expect(licencesBlock(view)).toBeUndefined();
    expect(shownText(view)).not.toContain('compatible');
    const ids = view.blocks.map((b) => b.block_id);
    expect(ids).toContain('credits');
    const language = view.blocks.find((b) => b.block_id === 'language');
    expect(optionsOf(language)).toEqual([
      ['organization', 'Organization’s language (English)'],
      ['fr', 'Français'],
      ['en', 'English'],
    ]);
    expect(language?.element?.initial_option?.value).toBe('organization');
  });

  it('says why nothing is offered when the user type may hold none of the licences', async () => {
    const w = await linkedWorkspace(ctx.t, ctx.h);
    await addLicence(ctx.t.prisma, w.owner, 'insights', {
      nameEn: 'ArcGIS Insights',
      nameFr: 'ArcGIS Insights',
      userTypes: ['creator'],
      owned: '3',
    });
    const view = await openModal(w, 'invite');
    expect(licencesBlock(view)).toBeUndefined();
    expect(shownText(view)).toContain(
      'ArcGIS Insights is not compatible with Viewer: choose another user type or assign it later.',
    );
  });

  it('has no credits field for an actor who may not allocate credits', () => {
    const choices: InviteFormChoices = { enterpriseLogin: null, companies: [], licences: [], canSetCredits: false };
    const draw = { choices, organizationLocale: 'fr' as const };
    for (const view of [inviteModal(defaultCatalogue, 'en', {}, draw), addMemberModal(defaultCatalogue, 'en', draw)]) {
      expect(blockKitProblems(view)).toEqual([]);
      const ids = view.blocks.map((b) => b.block_id);
      expect(ids).not.toContain('credits');
      const language = view.blocks.find((b) => b.block_id === 'language') as Block | undefined;
      expect(language?.element?.initial_option?.text.text).toBe('Organization’s language (French)');
    }
  });

  it('speaks French to a French-speaking admin', async () => {
    const w = await linkedWorkspace(ctx.t, ctx.h, { slackLocale: 'fr-FR' });
    await withLicences(w.owner);
    const editor = await chooseUserType(w, 'invite', 'editor');
    expect(optionsOf(licencesBlock(editor))).toEqual([
      ['field', 'Applications de terrain'],
      ['urban', 'ArcGIS Urban (1 restante)'],
    ]);
    expect(shownText(editor)).toContain(
      'ArcGIS Insights n’est pas compatible avec Editor : choisissez un autre type d’utilisateur ou attribuez-la plus tard.',
    );
    expect(optionsOf(licencesBlock(await chooseUserType(w, 'invite', 'creator')))).toContainEqual([
      'insights',
      'ArcGIS Insights (3 restantes)',
    ]);
    const language = editor.blocks.find((b) => b.block_id === 'language');
    expect(language?.element?.initial_option?.text.text).toBe('Langue de l’organisation (anglais)');
    const { errors } = await submit(
      w,
      'invite',
      formValues('invite', { address: 'x@example.com', userType: 'viewer', credits: 'beaucoup' }),
    );
    expect(errors).toEqual({
      credits:
        "« beaucoup » n'est pas une allocation de crédits\u00a0: un entier de 0 à 1 000 000 000, ou « illimité ».",
    });
  });
});
