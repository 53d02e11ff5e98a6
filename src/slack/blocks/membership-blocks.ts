// The blocks the invite and add modals share for how a member joins and for whom: the sign-in
// method (with an enabled identity provider), the Enterprise ID of a direct add, and internal or
// external with the partner company. Drawn from inviteFormChoices, read once when a form opens.
//
// Slack cannot empty a select once something is chosen in it, so the company is asked only while
// "External" is chosen: the kind radio redraws the form (dispatch_action), and choosing
// "Internal" again takes the company away. A select holds 100 options at most: beyond that many
// companies, the company is typed (its name or path), and checked the same way on submission.
import type { KnownBlock, PlainTextOption } from '@slack/types';
import { membershipTexts } from '../../chat/rendering/membership-texts.js';
import type { Locale } from '../../i18n/locale.js';
import type { CompanyChoice, EnterpriseLoginChoice, InviteFormChoices } from '../../invitations/invite-form-choices.js';
import { escapeMrkdwn } from '../reply.js';

export const membershipBlockIds = {
  signIn: 'sign_in',
  kind: 'kind',
  company: 'company',
  enterpriseId: 'enterprise_id',
} as const;

/** The company block's element: a select of the companies, or a text input beyond COMPANY_SELECT_MAX. */
export const companyActions = { select: 'company_id', typed: 'company_name' } as const;

/** What the invite and add forms are drawn from: the choices read when one opened, and what was chosen so far. */
export interface FormDraw {
  choices: InviteFormChoices;
  userType?: string;
  /** "External" is chosen: the company is asked. */
  external?: boolean;
  /** The licences chosen so far: those the user type still allows stay chosen (member-properties-blocks.ts). */
  licences?: string[];
  /** The organization's language, named in the language select's default (left unnamed when not given). */
  organizationLocale?: Locale;
}

/** Slack's limit on a static select's options. */
export const COMPANY_SELECT_MAX = 100;
/** Slack's limit on an option's text. */
const OPTION_TEXT_MAX = 75;

const plain = (text: string, max = 2000) => ({ type: 'plain_text' as const, text: text.slice(0, max) });
const option = (text: string, value: string): PlainTextOption => ({ text: plain(text, OPTION_TEXT_MAX), value });

/**
 * Password or enterprise login, when a provider is enabled. Where the organization allows both,
 * the enterprise login comes first and is chosen (an invitee keeps the password form on the
 * accept page); where it joins with a password, the password stays the default. Where it joins
 * through the provider only, there is nothing to choose: the form says so.
 */
export function signInBlocks(login: EnterpriseLoginChoice | null, locale: Locale): KnownBlock[] {
  if (!login) return [];
  const texts = membershipTexts(locale);
  if (login.joinMode === 'ENTERPRISE') {
    return [
      {
        type: 'context',
        elements: [
          { type: 'mrkdwn', text: `*${texts.signInLabel}*: ${texts.signInEnterprise(escapeMrkdwn(login.label))}` },
          { type: 'mrkdwn', text: texts.signInHint(login.joinMode) },
        ],
      },
    ];
  }
  const enterprise = option(texts.signInEnterprise(login.label), 'enterprise');
  const password = option(texts.signInPassword, 'password');
  return [
    {
      type: 'input',
      block_id: membershipBlockIds.signIn,
      label: plain(texts.signInLabel),
      hint: plain(texts.signInHint(login.joinMode)),
      element: {
        type: 'radio_buttons',
        action_id: 'value',
        options: [enterprise, password],
        initial_option: login.joinMode === 'EITHER' ? enterprise : password,
      },
    },
  ];
}

/** The Enterprise ID of a direct add, offered only with an enabled provider; optional. */
export function enterpriseIdBlocks(login: EnterpriseLoginChoice | null, locale: Locale): KnownBlock[] {
  if (!login) return [];
  const texts = membershipTexts(locale);
  return [
    {
      type: 'input',
      block_id: membershipBlockIds.enterpriseId,
      optional: true,
      label: plain(texts.enterpriseIdLabel),
      hint: plain(texts.enterpriseIdHint(login.label)),
      element: { type: 'plain_text_input', action_id: 'value', max_length: 255 },
    },
  ];
}

/**
 * Internal or external (only when the organization has partner companies), and the company while
 * "External" is chosen. `kindAction` is the radio's action id, whose listener redraws the form.
 */
export function membershipBlocks(
  companies: readonly CompanyChoice[],
  locale: Locale,
  kindAction: string,
  external: boolean,
): KnownBlock[] {
  if (companies.length === 0) return [];
  const texts = membershipTexts(locale);
  const internalOption = option(texts.kindInternal, 'internal');
  const externalOption = option(texts.kindExternal, 'external');
  const kind: KnownBlock = {
    type: 'input',
    block_id: membershipBlockIds.kind,
    dispatch_action: true,
    label: plain(texts.kindLabel),
    element: {
      type: 'radio_buttons',
      action_id: kindAction,
      options: [internalOption, externalOption],
      initial_option: external ? externalOption : internalOption,
    },
  };
  return external ? [kind, companyBlock(companies, locale)] : [kind];
}

function companyBlock(companies: readonly CompanyChoice[], locale: Locale): KnownBlock {
  const texts = membershipTexts(locale);
  if (companies.length > COMPANY_SELECT_MAX) {
    return {
      type: 'input',
      block_id: membershipBlockIds.company,
      label: plain(texts.companyLabel),
      hint: plain(texts.companyTypedHint),
      element: { type: 'plain_text_input', action_id: companyActions.typed, max_length: 1000 },
    };
  }
  return {
    type: 'input',
    block_id: membershipBlockIds.company,
    label: plain(texts.companyLabel),
    hint: plain(texts.companyHint),
    element: {
      type: 'static_select',
      action_id: companyActions.select,
      // The id: a path may be longer than an option's value may be (150 characters).
      options: companies.map((company) => option(companyOptionText(company, locale), company.id)),
    },
  };
}

/**
 * "Groupe JLO/JLO PARIS", or "… (not secured)" for a company that cannot be chosen yet, within the
 * 75 characters of an option: a long path loses its first parents, never the company's own name.
 */
export function companyOptionText(company: CompanyChoice, locale: Locale): string {
  const shown = company.covered ? (path: string) => path : membershipTexts(locale).companyNotSecured;
  if (shown(company.path).length <= OPTION_TEXT_MAX) return shown(company.path);
  const chars = Array.from(company.path);
  while (chars.length > 1 && shown(`…${chars.join('')}`).length > OPTION_TEXT_MAX) chars.shift();
  return shown(`…${chars.join('')}`).slice(0, OPTION_TEXT_MAX);
}
