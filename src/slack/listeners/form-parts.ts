// What Sesame's Slack forms (invite, add a member) share: the user type select that rebuilds the
// role options, and a submission answered exactly once.
import type { App, BlockAction, SlackViewMiddlewareArgs, StaticSelectAction, ViewResponseAction } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { SlackDeps } from '../deps.js';
import { type Identity, identify } from '../identify.js';

type Linked = Extract<Identity, { linked: true }>;

/**
 * The form's user type select: the form is drawn again for the chosen type, whose roles are the
 * only ones offered (the catalogue's compatibility table).
 */
export function registerUserTypeSwitch(
  app: App,
  deps: SlackDeps,
  actionId: string,
  redraw: (who: Linked, userType: string | undefined, privateMetadata: string | undefined) => ModalView,
): void {
  app.action<BlockAction<StaticSelectAction>>(actionId, async ({ ack, body, action, client }) => {
    await ack();
    if (!body.view || !body.team) return;
    const who = await identify(deps.db, client, { teamId: body.team.id, userId: body.user.id });
    if (!who.linked) return;
    await client.views.update({
      view_id: body.view.id,
      hash: body.view.hash,
      view: redraw(who, action.selected_option?.value, body.view.private_metadata),
    });
  });
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
