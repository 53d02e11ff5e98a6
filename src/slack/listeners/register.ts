// Every Slack listener, registered on one Bolt app.
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import { registerAddMemberModal } from './add-member-modal.js';
import { registerAppHome } from './app-home.js';
import { registerBulkActions } from './bulk-actions.js';
import { registerDigestActions } from './digest-actions.js';
import { registerImportFlow } from './import-flow.js';
import { registerInviteCommand } from './invite-command.js';
import { registerInviteModal } from './invite-modal.js';
import { registerInviteRequestActions } from './invite-request-actions.js';
import { registerPendingActions } from './pending-actions.js';
import { registerMemberRemoval } from './remove-member.js';
import { registerSeatActions } from './seat-actions.js';
import { registerWorkspaceForms } from './workspace-forms.js';

export function registerListeners(app: App, deps: SlackDeps): void {
  registerInviteCommand(app, deps);
  registerInviteModal(app, deps);
  registerAddMemberModal(app, deps);
  registerPendingActions(app, deps);
  registerBulkActions(app, deps);
  registerMemberRemoval(app, deps);
  registerImportFlow(app, deps);
  registerSeatActions(app, deps);
  registerDigestActions(app, deps);
  registerInviteRequestActions(app, deps);
  registerWorkspaceForms(app, deps);
  registerAppHome(app, deps);
}
