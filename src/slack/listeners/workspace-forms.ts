// Submissions of the workspace forms: creating the organization of an unlinked workspace, and the
// settings (the managers' channel).
import type { App } from '@slack/bolt';
import { createOrganizationForWorkspace } from '../../chat/link-workspace.js';
import { setManagersChannel } from '../../chat/managers-channel.js';
import { AppError } from '../../errors/app-error.js';
import { callbacks } from '../blocks/forms.js';
import type { SlackDeps } from '../deps.js';
import { identify, slackProfile, workspaceRef } from '../identify.js';
import { errorText, reply } from '../reply.js';
import { slackTexts } from '../texts.js';
import { settingsState, setupState } from '../view-state.js';

export function registerWorkspaceForms(app: App, deps: SlackDeps): void {
  app.view(callbacks.setup, async ({ ack, body, view, client }) => {
    const teamId = body.team?.id ?? '';
    const profile = await slackProfile(client, teamId, body.user.id);
    const s = slackTexts(profile.locale);
    const state = setupState.safeParse(view.state.values);
    if (!state.success || !state.data.name || !(state.data.seats >= 1)) {
      const errors: Record<string, string> = {};
      if (!state.data?.name)
        errors.name = errorText(
          new AppError('org.setting_invalid', { key: 'name', expected: '1-100' }),
          profile.locale,
          deps.log,
          'setup',
        );
      if (!(Number(state.data?.seats) >= 1))
        errors.seats = errorText(
          new AppError('org.setting_invalid', { key: 'seats', expected: '>= 1' }),
          profile.locale,
          deps.log,
          'setup',
        );
      return ack({ response_action: 'errors', errors });
    }
    try {
      if (!profile.email) throw new AppError('chat.no_verified_email', {}, 'forbidden');
      const organization = await createOrganizationForWorkspace(deps.db, workspaceRef(teamId), {
        name: state.data.name,
        seats: state.data.seats,
        linker: { email: profile.email, locale: profile.locale },
        isWorkspaceAdmin: profile.isWorkspaceAdmin,
      });
      await ack();
      await reply({ client, userId: body.user.id }, { text: s.setupDone(organization.name) });
    } catch (error) {
      // The name is the field most likely at fault (taken); show the reason there.
      await ack({ response_action: 'errors', errors: { name: errorText(error, profile.locale, deps.log, 'setup') } });
    }
  });

  app.view(callbacks.settings, async ({ ack, body, view, client }) => {
    const userId = body.user.id;
    let locale: 'en' | 'fr' = 'en';
    try {
      const who = await identify(deps.db, client, { teamId: body.team?.id ?? '', userId });
      if (!who.linked) throw new AppError('chat.not_linked', {}, 'forbidden');
      locale = who.actor.locale;
      const state = settingsState.parse(view.state.values);
      if (!state.managersChannelId) return await ack({ response_action: 'errors', errors: { managers_channel: '?' } });
      await setManagersChannel(deps.db, who.actor, who.ref, state.managersChannelId);
      await ack();
      await reply({ client, userId }, { text: slackTexts(locale).settingsSaved(state.managersChannelId) });
    } catch (error) {
      await ack({
        response_action: 'errors',
        errors: { managers_channel: errorText(error, locale, deps.log, 'settings') },
      });
    }
  });
}
