// `/invite import`: the upload (or paste) is acked at once with a "checking" view, fetched,
// dry-run and kept as a draft; the review replaces the view. Confirming runs the draft once,
// with a progress message in the admin's DM updated as the rows are written.
import type { App } from '@slack/bolt';
import type { KnownBlock, WebClient } from '@slack/web-api';
import { z } from 'zod';
import { chatTexts } from '../../chat/rendering/texts.js';
import { importSubject, recordChatPost } from '../../chat/workspaces/chat-posts.js';
import { AppError } from '../../errors/app-error.js';
import type { Locale } from '../../i18n/locale.js';
import type { ImportPhase } from '../../imports/import-types.js';
import { runImportDraft } from '../../imports/run-import-draft.js';
import { saveImportDraft } from '../../imports/save-import-draft.js';
import { enterpriseLoginChoice } from '../../invitations/invite-form-choices.js';
import type { Actor } from '../../permissions/actor.js';
import { canManageInvitations } from '../../permissions/policy.js';
import { seatSummary } from '../../seats/seat-summary.js';
import { appHome } from '../blocks/app-home.js';
import { callbacks, workingModal } from '../blocks/forms.js';
import { importDoneBlocks, importReview } from '../blocks/import-review.js';
import type { SlackDeps } from '../deps.js';
import { downloadSlackFile } from '../download-file.js';
import { identify } from '../identify.js';
import { fitSlackMessage } from '../limits.js';
import { errorText, type ReplyTarget, reply } from '../reply.js';
import { importState, parseJson, parseMetadata, replyMetadata } from '../view-state.js';

const reviewMetadata = z
  .object({ draftId: z.uuid().optional(), responseUrl: z.url().optional(), channelId: z.string().optional() })
  .catch({});

/** Slack allows about one chat.update a second per message; a progress line every 2 s is plenty. */
const PROGRESS_EVERY_MS = 2000;

export function registerImportFlow(app: App, deps: SlackDeps): void {
  app.view(callbacks.importCheck, async ({ ack, body, view, client }) => {
    const userId = body.user.id;
    const metadata = parseMetadata(replyMetadata, view.private_metadata);
    // Whoever submits is answered within Slack's 3 s, on the form, even when they cannot import.
    let who: Awaited<ReturnType<typeof identify>>;
    try {
      who = await identify(deps.db, client, { teamId: body.team?.id ?? '', userId });
      if (!who.linked) throw new AppError('chat.not_linked', {}, 'forbidden');
    } catch (error) {
      return ack({ response_action: 'errors', errors: { file: errorText(error, 'en', deps.log, 'import') } });
    }
    const locale = who.actor.locale;
    const texts = chatTexts(locale);
    const state = importState.safeParse(view.state.values);
    if (!state.success || (state.data.files.length === 0 && !state.data.pasted)) {
      return ack({
        response_action: 'errors',
        errors: { file: errorText(new AppError('import.no_source', {}), locale, deps.log, 'import') },
      });
    }
    await ack({ response_action: 'update', view: workingModal(locale, texts.importChecking) });
    const viewId = view.id;
    try {
      const file = state.data.files[0];
      const content = file ? await downloadSlackFile(file, client.token ?? '', deps.slackApiUrl) : state.data.pasted;
      const saved = await saveImportDraft(deps.db, who.actor, { content, fileName: file?.name });
      await client.views.update({
        view_id: viewId,
        view: importReview(saved.dryRun, locale, { draftId: saved.draftId, ...metadata }),
      });
    } catch (error) {
      const text = `${texts.importFailed}\n${errorText(error, locale, deps.log, 'import check')}`;
      await client.views.update({ view_id: viewId, view: workingModal(locale, text) });
    }
  });

  app.view(callbacks.importConfirm, async ({ ack, body, view, client }) => {
    await ack();
    const userId = body.user.id;
    const metadata = reviewMetadata.parse(parseJson(view.private_metadata));
    const target = { client, userId, responseUrl: metadata.responseUrl };
    let locale: Locale = 'en';
    try {
      const who = await identify(deps.db, client, { teamId: body.team?.id ?? '', userId });
      if (!who.linked) return;
      locale = who.actor.locale;
      if (!metadata.draftId) throw new AppError('import_draft.not_found', {}, 'not_found');
      await runWithProgress(deps, client, who.actor, {
        draftId: metadata.draftId,
        userId,
        teamId: who.ref.externalId,
        elsewhere: { ...target, channelId: metadata.channelId },
      });
    } catch (error) {
      await reply(target, { text: errorText(error, locale, deps.log, 'import confirm') });
    }
  });
}

async function runWithProgress(
  deps: SlackDeps,
  client: WebClient,
  actor: Actor,
  job: { draftId: string; userId: string; teamId: string; elsewhere: OtherRoute },
): Promise<void> {
  const texts = chatTexts(actor.locale);
  let message: { channel: string; ts: string } | undefined;
  /** The DM could not be posted: progress is not shown, the outcome goes by another route. */
  let noDm = false;
  let lastUpdate = 0;
  let pending: Promise<unknown> = Promise.resolve();
  const show = (done: number, total: number | undefined, phase: ImportPhase) => {
    if (!message || Date.now() - lastUpdate < PROGRESS_EVERY_MS) return;
    lastUpdate = Date.now();
    const { channel, ts } = message;
    // Progress is best effort: a failed update must not stop the import.
    pending = pending
      .then(() => client.chat.update({ channel, ts, text: texts.importProgress(done, total, phase) }))
      .catch((error: unknown) => deps.log.warn('Import progress not shown', { error: String(error) }));
  };
  let result: Awaited<ReturnType<typeof runImportDraft>>;
  try {
    result = await runImportDraft(deps.db, actor, job.draftId, {
      onProgress: show,
      onStart: async () => {
        const text = texts.importProgress(0, undefined, 'reading');
        const posted = await client.chat.postMessage({ channel: job.userId, text }).catch((error: unknown) => {
          // The review modal is closed: a DM Slack refuses (messages tab off, a user the bot cannot
          // write to) must not drop the import. It runs, and is reported by another route.
          deps.log.warn('Import progress DM not posted; reporting by another route', { error: String(error) });
          noDm = true;
          return undefined;
        });
        if (noDm) await tellElsewhere(deps, client, actor, job.elsewhere, { text });
        if (!posted) return;
        if (posted.channel && posted.ts) {
          message = { channel: posted.channel, ts: posted.ts };
          lastUpdate = Date.now();
          await recordChatPost(
            deps.db,
            { platform: 'slack', externalId: job.teamId },
            {
              subject: importSubject(job.draftId),
              channelId: posted.channel,
              messageId: posted.ts,
            },
          );
        }
      },
    });
  } catch (error) {
    await pending;
    // The progress message must not say "in progress" for ever: it says why the import stopped.
    if (!message) {
      if (!noDm) throw error;
      return tellElsewhere(deps, client, actor, job.elsewhere, {
        text: `${texts.importFailed}\n${errorText(error, actor.locale, deps.log, 'import run')}`,
      });
    }
    const text = `${texts.importFailed}\n${errorText(error, actor.locale, deps.log, 'import run')}`;
    await client.chat.update({ channel: message.channel, ts: message.ts, text, blocks: [] });
    return;
  }
  await pending;
  const done = importDoneBlocks(result, actor.locale);
  if (message) await client.chat.update({ channel: message.channel, ts: message.ts, ...done });
  else if (noDm) await tellElsewhere(deps, client, actor, job.elsewhere, done);
  else await client.chat.postMessage({ channel: job.userId, ...done });
}

/** Where else an import can be reported: the command's response_url, or the channel it was typed in. */
type OtherRoute = ReplyTarget & { channelId?: string };

/**
 * Reports without the DM: through the response_url (then the DM, as reply() does), else as an
 * ephemeral message in the channel where `/invite import` was typed. Never throws: the import's
 * outcome is also in its draft and the audit log.
 */
async function tellElsewhere(
  deps: SlackDeps,
  client: WebClient,
  actor: Actor,
  route: OtherRoute,
  message: { text: string; blocks?: KnownBlock[] },
): Promise<void> {
  try {
    return await reply(route, message);
  } catch {
    // Neither the response_url nor the DM: try the channel.
  }
  const fitted = fitSlackMessage(message);
  if (route.channelId) {
    const posted = await client.chat
      .postEphemeral({ channel: route.channelId, user: route.userId, text: fitted.text, blocks: fitted.blocks })
      .then(() => true)
      .catch((error: unknown) => {
        deps.log.warn('Import not reported in the channel; trying the App Home', { error: String(error) });
        return false;
      });
    if (posted) return;
  }
  // Last: the member's App Home tab (an import started from its button has no channel), with the
  // report above the seats and buttons; it stays there until the tab is drawn again.
  try {
    const [seats, login] = await Promise.all([
      seatSummary(deps.db, actor),
      enterpriseLoginChoice(deps.db, actor.organization.id),
    ]);
    const canManage = canManageInvitations(actor.member, actor.organization);
    const view = appHome(actor.locale, { organization: actor.organization, seats, login, canManage, report: fitted });
    await client.views.publish({ user_id: route.userId, view });
  } catch (error) {
    deps.log.warn('Import not reported: no DM, no response_url, no channel, no App Home', { error: String(error) });
  }
}
