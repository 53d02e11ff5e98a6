// The smaller modals: create an organization (unlinked workspace), settings (the managers'
// channel), the import upload, and the reason asked when a manager denies seats.
import type { ModalView } from '@slack/types';
import { chatTexts } from '../../chat/rendering/texts.js';
import type { Locale } from '../../i18n/locale.js';
import { section } from '../reply.js';
import type { InviteModalMetadata } from './invite-modal.js';

export const callbacks = {
  setup: 'setup_submit',
  settings: 'settings_submit',
  importCheck: 'import_check',
  importConfirm: 'import_confirm',
  deny: 'seat_deny_submit',
} as const;

const plain = (text: string) => ({ type: 'plain_text' as const, text });
const title = (text: string) => plain(text.slice(0, 24));

export function setupModal(locale: Locale): ModalView {
  const texts = chatTexts(locale);
  return {
    type: 'modal',
    callback_id: callbacks.setup,
    title: title(texts.setupTitle),
    submit: plain(texts.save),
    close: plain(texts.cancel),
    blocks: [
      {
        type: 'input',
        block_id: 'name',
        label: plain(texts.setupNameLabel),
        element: { type: 'plain_text_input', action_id: 'value', max_length: 100 },
      },
      {
        type: 'input',
        block_id: 'seats',
        label: plain(texts.setupSeatsLabel),
        element: {
          type: 'number_input',
          action_id: 'value',
          is_decimal_allowed: false,
          min_value: '1',
          initial_value: '10',
        },
      },
    ],
  };
}

/** `brand`: the organization's brand as its owners review it (mrkdwn, values already escaped). */
export function settingsModal(locale: Locale, managersChannelId?: string, brand?: string): ModalView {
  const texts = chatTexts(locale);
  return {
    type: 'modal',
    callback_id: callbacks.settings,
    title: title(texts.settingsTitle),
    submit: plain(texts.save),
    close: plain(texts.cancel),
    blocks: [
      {
        type: 'input',
        block_id: 'managers_channel',
        label: plain(texts.managersChannelLabel),
        hint: plain(texts.managersChannelHint),
        element: {
          type: 'conversations_select',
          action_id: 'value',
          filter: { include: ['public', 'private'], exclude_bot_users: true },
          ...(managersChannelId ? { initial_conversation: managersChannelId } : {}),
        },
      },
      ...(brand ? [{ type: 'divider' as const }, section(brand.slice(0, 3000))] : []),
    ],
  };
}

export function importModal(locale: Locale, metadata: InviteModalMetadata): ModalView {
  const texts = chatTexts(locale);
  return {
    type: 'modal',
    callback_id: callbacks.importCheck,
    title: title(texts.importTitle),
    submit: plain(texts.importCheck),
    close: plain(texts.cancel),
    private_metadata: JSON.stringify(metadata),
    blocks: [
      {
        type: 'input',
        block_id: 'file',
        optional: true,
        label: plain(texts.importFileLabel),
        hint: plain(texts.importFileHint),
        element: { type: 'file_input', action_id: 'value', filetypes: ['csv', 'txt', 'tsv'], max_files: 1 },
      },
      {
        type: 'input',
        block_id: 'paste',
        optional: true,
        label: plain(texts.importPasteLabel),
        element: {
          type: 'plain_text_input',
          action_id: 'value',
          multiline: true,
          max_length: 3000,
          placeholder: plain('Email;First Name;Last Name;User Type;Role'),
        },
      },
    ],
  };
}

/** Shown while the file is fetched and checked (the submission is acked at once). */
export function workingModal(locale: Locale, text: string): ModalView {
  const texts = chatTexts(locale);
  return {
    type: 'modal',
    title: title(texts.importTitle),
    close: plain(texts.close),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
  };
}

export function denyModal(
  locale: Locale,
  metadata: { requestId: string; channelId?: string; messageTs?: string },
): ModalView {
  const texts = chatTexts(locale);
  return {
    type: 'modal',
    callback_id: callbacks.deny,
    title: title(texts.denyTitle),
    submit: plain(texts.deny),
    close: plain(texts.cancel),
    private_metadata: JSON.stringify(metadata),
    blocks: [
      {
        type: 'input',
        block_id: 'reason',
        label: plain(texts.denyReasonLabel),
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: 500 },
      },
    ],
  };
}
