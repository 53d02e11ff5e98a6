// The chat help names every command the parser understands, on both platforms and in both
// languages: a command added without its help line is a command nobody finds.
import { describe, expect, it } from 'vitest';
import { parseChatCommand } from '../../src/chat/command-text.js';
import { chatHelp } from '../../src/chat/rendering/help-texts.js';

// Each typed word with the request kind it must parse to, and the word the help shows it by.
const commands = [
  ['pending', 'pending'],
  ['resend a@b.c', 'resend'],
  ['revoke a@b.c', 'revoke'],
  ['seats', 'seats'],
  ['companies', 'companies'],
  ['audit', 'audit'],
  ['import', 'import'],
  ['add', 'add'],
  ['password a@b.c', 'password'],
  ['remove a@b.c', 'remove'],
  ['status a@b.c', 'status'],
  ['request a@b.c', 'request'],
  ['settings', 'settings'],
  ['link 123456', 'link'],
] as const;

describe('the chat help', () => {
  it.each(['en', 'fr'] as const)('names every command in %s, in Slack and Teams', (locale) => {
    for (const [typed, shown] of commands) {
      expect(parseChatCommand(typed).kind, typed).not.toBe('invite');
      for (const platform of ['slack', 'teams'] as const) {
        const help = chatHelp(locale, platform);
        const french = {
          remove: 'retirer',
          status: 'statut',
          request: 'demande',
          audit: 'journal',
          add: 'ajouter',
          password: 'motdepasse',
        } as Record<string, string>;
        const word = locale === 'fr' && platform === 'slack' ? (french[shown] ?? shown) : shown;
        const alternatives = [word, shown, french[shown]].filter(Boolean) as string[];
        expect(
          alternatives.some(
            (w) =>
              help.includes(`\`${platform === 'slack' ? '/invite ' : ''}${w}`) ||
              help.includes(` \`${w}`) ||
              help.includes(`· \`${w}`),
          ),
          `${platform} ${locale} help names ${shown}`,
        ).toBe(true);
      }
    }
  });
});
