// What Sesame's Slack forms (invite, add a member) share: the form drawn again when its user type
// (whose roles and licences are the only ones offered) or its kind (internal or external: the
// company is asked for an external member only) changes, and a submission answered exactly once.
import type { App, BlockAction, SlackViewMiddlewareArgs, ViewResponseAction } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { inviteFormChoices } from '../../invitations/invite-form-choices.js';
import type { FormDraw } from '../blocks/membership-blocks.js';
import type { SlackDeps } from '../deps.js';
import { type Identity, identify } from '../identify.js';
import { drawState } from '../view-state.js';

type Linked = Extract<Identity, { linked: true }>;

/**
 * The form's user type select and kind radio: the form is drawn again with what is chosen in
 * both, from the choices read again (a company secured meanwhile is offered as covered).
 */
export function registerFormRedraw(
  app: App,
  deps: SlackDeps,
  actions: { userType: string; kind: string },
  redraw: (who: Linked, draw: FormDraw, privateMetadata: string | undefined) => ModalView,
): void {
  const handle = (changed: 'userType' | 'kind') =>
    app.action<BlockAction>(actions[changed], async ({ ack, body, action, client }) => {
      await ack();
      if (!body.view || !body.team) return;
      const who = await identify(deps.db, client, { teamId: body.team.id, userId: body.user.id });
      if (!who.linked) return;
      // The state Slack sends holds both choices; the one just made is also in the action.
      const chosen = 'selected_option' in action ? action.selected_option?.value : undefined;
      const state = drawState.parse(body.view.state?.values ?? {});
      const draw: FormDraw = {
        choices: await inviteFormChoices(deps.db, who.actor),
        userType: changed === 'userType' ? chosen : state.userType,
        external: changed === 'kind' ? chosen === 'external' : state.external,
        licences: state.licences,
        organizationLocale: who.organization.locale,
      };
      await client.views.update({
        view_id: body.view.id,
        hash: body.view.hash,
        view: redraw(who, draw, body.view.private_metadata),
      });
    });
  handle('userType');
  handle('kind');
}

/** A view submission is answered once (field errors, an update or closing); later calls do nothing. */
export function answerOnce(ack: SlackViewMiddlewareArgs['ack']) {
  let answered = false;
  return async (response?: ViewResponseAction): Promise<void> => {
    if (answered) return;
    answered = true;
    await ack(response);
  };
}
