// The App Home tab, drawn when a member opens it (Slack retries the event when it is not acked in
// time: drawing it again is harmless), and its buttons, which open the same forms as /invite.
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { pendingPage } from '../../chat/rendering/pending-list.js';
import { AppError } from '../../errors/app-error.js';
import type { Locale } from '../../i18n/locale.js';
import { enterpriseLoginChoice, inviteFormChoices } from '../../invitations/invite-form-choices.js';
import { assertCanManageInvitations, canManageInvitations } from '../../permissions/policy.js';
import { seatSummary } from '../../seats/seat-summary.js';
import { asMember, type MemberIdentity } from '../as-member.js';
import { addMemberModal } from '../blocks/add-member-modal.js';
import { appHome, homeActions } from '../blocks/app-home.js';
import { importModal } from '../blocks/forms.js';
import { inviteModal } from '../blocks/invite-modal.js';
import { pendingList } from '../blocks/pending-list.js';
import type { SlackDeps } from '../deps.js';
import { identify } from '../identify.js';
import { errorText, type ReplyTarget, reply } from '../reply.js';

export function registerAppHome(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const teamId = (body as { team_id?: string }).team_id ?? '';
    let locale: Locale = 'en';
    let view: ReturnType<typeof appHome>;
    try {
      const who = await identify(deps.db, client, { teamId, userId: event.user });
      if (!who.linked) {
        locale = who.profile.locale;
        throw new AppError('chat.not_linked', {}, 'forbidden');
      }
      locale = who.actor.locale;
      const [seats, login] = await Promise.all([
        seatSummary(deps.db, who.actor),
        enterpriseLoginChoice(deps.db, who.organization.id),
      ]);
      const canManage = canManageInvitations(who.actor.member, who.organization);
      view = appHome(locale, { organization: who.organization, seats, login, canManage });
    } catch (error) {
      view = appHome(locale, { problem: errorText(error, locale, deps.log, 'home') });
    }
    await client.views.publish({ user_id: event.user, view });
  });

  const button = (id: string, work: (who: MemberIdentity, target: ReplyTarget, triggerId: string) => Promise<void>) =>
    app.action<BlockAction<ButtonAction>>(id, async ({ ack, body, client }) => {
      await ack();
      const request = { teamId: body.team?.id, userId: body.user.id };
      await asMember(deps, client, request, id, (who, target) => work(who, target, body.trigger_id));
    });

  // The forms' choices are read once, with the domain's permission check, before the trigger's 3 s run out.
  button(homeActions.invite, async ({ actor, organization }, target, triggerId) => {
    const choices = await inviteFormChoices(deps.db, actor);
    await target.client.views.open({
      trigger_id: triggerId,
      view: inviteModal(
        organization.catalogue,
        actor.locale,
        {},
        { choices, organizationLocale: organization.locale },
        organization.usesUsernames,
      ),
    });
  });
  button(homeActions.import, async ({ actor }, target, triggerId) => {
    assertCanManageInvitations(actor);
    await target.client.views.open({ trigger_id: triggerId, view: importModal(actor.locale, {}) });
  });
  button(homeActions.add, async ({ actor, organization }, target, triggerId) => {
    const choices = await inviteFormChoices(deps.db, actor);
    await target.client.views.open({
      trigger_id: triggerId,
      view: addMemberModal(organization.catalogue, actor.locale, { choices, organizationLocale: organization.locale }),
    });
  });
  // The list goes to the member's DM with the bot (a Home tab click has no response_url).
  button(homeActions.pending, async ({ actor, organization }, target) => {
    const { page } = await pendingPage(deps.db, actor, {});
    await reply(target, { ...pendingList(page, organization, {}, actor.locale), replaceOriginal: false });
  });
}
