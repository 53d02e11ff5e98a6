// Submissions of the workspace forms: creating the organization of an unlinked workspace, and the
// settings (the managers' channel). A submission is answered once: field errors, or closed.
import type { App } from '@slack/bolt';
import { escapeMrkdwn } from '../../chat/rendering/mrkdwn.js';
import { chatTexts } from '../../chat/rendering/texts.js';
import { createOrganizationForWorkspace } from '../../chat/workspaces/link-workspace.js';
import { setManagersChannel } from '../../chat/workspaces/managers-channel.js';
import { AppError } from '../../errors/app-error.js';
import type { Locale } from '../../i18n/locale.js';
import { translate } from '../../i18n/messages.js';
import { assertOwner } from '../../permissions/policy.js';
import { callbacks } from '../blocks/forms.js';
import { assertBotCanPost } from '../channel-check.js';
import type { SlackDeps } from '../deps.js';
import { identify, identifyWithoutSlack, slackProfile, withinBudget, workspaceRef } from '../identify.js';
import { errorText, reply } from '../reply.js';
import { settingsState, setupState } from '../view-state.js';

export function registerWorkspaceForms(app: App, deps: SlackDeps): void {
  app.view(callbacks.setup, async ({ ack, body, view, client }) => {
    const teamId = body.team?.id ?? '';
    let locale: Locale = 'en';
    let created: string;
    try {
      locale = (await identifyWithoutSlack(deps.db, { teamId, userId: body.user.id })).locale;
      // The organization's creation is refused on the name field (taken), so it comes before the
      // answer, and with it the profile: users.info is given part of Slack's 3 s only.
      const profile = await withinBudget(slackProfile(client, teamId, body.user.id));
      locale = profile.locale;
      const state = setupState.safeParse(view.state.values);
      const invalid = (key: 'name' | 'seats', expected: string) =>
        translate(locale, 'org.setting_invalid', { key, expected });
      if (!state.success || !state.data.name || !(state.data.seats >= 1)) {
        const errors: Record<string, string> = {};
        if (!state.data?.name) errors.name = invalid('name', '1-100');
        if (!(Number(state.data?.seats) >= 1)) errors.seats = invalid('seats', '>= 1');
        return await ack({ response_action: 'errors', errors });
      }
      if (!profile.email) throw new AppError('chat.no_verified_email', {}, 'forbidden');
      const organization = await createOrganizationForWorkspace(deps.db, workspaceRef(teamId), {
        name: state.data.name,
        seats: state.data.seats,
        linker: { email: profile.email, locale, chatUserId: body.user.id },
        isWorkspaceAdmin: profile.isWorkspaceAdmin,
      });
      created = organization.name;
    } catch (error) {
      // The name is the field most likely at fault (taken); show the reason there.
      return ack({ response_action: 'errors', errors: { name: errorText(error, locale, deps.log, 'setup') } });
    }
    await ack();
    await reply({ client, userId: body.user.id }, { text: chatTexts(locale).setupDone(escapeMrkdwn(created)) });
  });

  app.view(callbacks.settings, async ({ ack, body, view, client }) => {
    const userId = body.user.id;
    let locale: Locale = 'en';
    let saved: string;
    try {
      const state = settingsState.parse(view.state.values);
      // Asked at once, alongside who the user is: both must fit in Slack's 3 s before the answer.
      const canPost = state.managersChannelId ? assertBotCanPost(client, state.managersChannelId) : undefined;
      canPost?.catch(() => {});
      const who = await identify(deps.db, client, { teamId: body.team?.id ?? '', userId });
      if (!who.linked) throw new AppError('chat.not_linked', {}, 'forbidden');
      locale = who.actor.locale;
      if (!state.managersChannelId) throw new AppError('org.setting_invalid', { key: 'channel', expected: '#channel' });
      assertOwner(who.actor);
      await canPost;
      await setManagersChannel(deps.db, who.actor, who.ref, state.managersChannelId);
      saved = state.managersChannelId;
    } catch (error) {
      const text = errorText(error, locale, deps.log, 'settings');
      return ack({ response_action: 'errors', errors: { managers_channel: text } });
    }
    await ack();
    await reply({ client, userId }, { text: chatTexts(locale).settingsSaved(saved) });
  });
}
