// The Slack app asks for the scopes its code needs, and no more (issue 12, item 22): the manifest
// and the OAuth installer ask for the same list; each Web API method the code calls is covered by
// one of them; im:write (conversations.open) is not requested, since DMs are posted to the user
// id with chat:write; the Messages tab shows the bot's DMs but takes no typed message, which
// nothing would answer.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SLACK_SCOPES } from '../../src/slack/create-slack-app.js';

const root = new URL('../../', import.meta.url).pathname;
const manifest = JSON.parse(await readFile(join(root, 'manifests/slack/manifest.json'), 'utf8'));

/** The bot scope each Web API method needs (Slack's method pages); views.* need none. */
const scopeOf: Record<string, string | null> = {
  'chat.postMessage': 'chat:write',
  'chat.update': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'users.info': 'users:read',
  'users.lookupByEmail': 'users:read.email',
  'conversations.info': 'channels:read',
  'conversations.open': 'im:write',
  'views.open': null,
  'views.update': null,
  'views.publish': null,
  'views.push': null,
  'auth.test': null,
};

async function slackSources(): Promise<string> {
  const files = (await readdir(join(root, 'src'), { recursive: true })).filter(
    (f) => f.endsWith('.ts') && !f.startsWith('teams') && !f.startsWith('generated'),
  );
  return (await Promise.all(files.map((f) => readFile(join(root, 'src', f), 'utf8')))).join('\n');
}

describe('Slack scopes', () => {
  it('are the same in the manifest and the OAuth installer', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...SLACK_SCOPES].sort());
  });

  it('cover every Web API method the code calls, and im:write is not asked for', async () => {
    const source = await slackSources();
    const called = [...new Set([...source.matchAll(/client\.(chat|users|conversations|views|auth)\.(\w+)\(/g)])].map(
      (m) => `${m[1]}.${m[2]}`,
    );
    expect(called.length).toBeGreaterThan(3);
    for (const method of called) {
      expect(scopeOf, `${method} is missing from this test's table`).toHaveProperty([method]);
      const scope = scopeOf[method];
      if (scope) expect(SLACK_SCOPES, `${method} needs ${scope}`).toContain(scope);
    }
    expect(called).not.toContain('conversations.open');
    expect(SLACK_SCOPES).not.toContain('im:write');
    // Files attached to an import are downloaded from their url_private: files:read.
    expect(source).toContain('url_private');
    expect(SLACK_SCOPES).toContain('files:read');
  });

  it('keeps the Messages tab for the bot DMs, read-only', () => {
    expect(manifest.features.app_home).toMatchObject({
      messages_tab_enabled: true,
      messages_tab_read_only_enabled: true,
    });
  });
});
