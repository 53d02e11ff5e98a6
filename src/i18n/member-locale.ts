// The one rule for the language Sesame speaks to a member (issue 17): their own `language` when
// set, which overrides everything; else what their chat says of them (Slack's profile locale,
// Teams' activity locale) when it is a language Sesame speaks; else their organization's locale.
// Every reply, card and direct message to a member in chat takes it, and every e-mail to them
// (which have no chat to ask: `channelLocale` is then left out).
import type { Locale } from './locale.js';
import { pickLocale } from './locale.js';

export interface MemberLocaleSources {
  /** The member's own language (null: not set, or no member known). */
  language: Locale | null | undefined;
  /** What the chat says of the person (fr-FR, en_US...), raw; unknown or unspoken ones are ignored. */
  channelLocale?: string | null;
  organizationLocale: Locale;
}

export function memberLocale(sources: MemberLocaleSources): Locale {
  return sources.language ?? pickLocale(sources.channelLocale, sources.organizationLocale);
}
