// The small HTTP pieces the pages stand on: routing by prefix, rate limiting, language, escaping.
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.js';
import { html } from '../../src/enrollment/html.js';
import { RateLimiter } from '../../src/http/rate-limit.js';
import { preferredLocale } from '../../src/http/request.js';
import { createHttpServer } from '../../src/http/server.js';
import { createLogger } from '../../src/log/logger.js';

describe('createHttpServer', () => {
  it('matches exact routes first, then the longest prefix route, and never the bare prefix', async () => {
    const answer = (text: string) => async (_req: unknown, res: import('node:http').ServerResponse) =>
      void res.end(text);
    const server = createHttpServer({
      db: {} as Db,
      log: createLogger('silent'),
      routes: {
        'GET /a/*': answer('a-prefix'),
        'GET /a/b/*': answer('ab-prefix'),
        'GET /a/exact': answer('exact'),
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const get = async (path: string, method = 'GET') => {
        const res = await fetch(base + path, { method });
        return `${res.status} ${await res.text()}`;
      };
      expect(await get('/a/exact')).toBe('200 exact');
      expect(await get('/a/exact?x=1')).toBe('200 exact');
      expect(await get('/a/token')).toBe('200 a-prefix');
      expect(await get('/a/b/token')).toBe('200 ab-prefix');
      expect(await get('/a/')).toBe('404 {"error":"not found"}');
      expect(await get('/a/token', 'POST')).toBe('404 {"error":"not found"}');
    } finally {
      server.close();
    }
  });
});

describe('RateLimiter', () => {
  it('allows a burst, then one try per refill period, per key', () => {
    let now = 0;
    const limiter = new RateLimiter({ capacity: 2, refillMs: 1000 }, 100, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([true, true, false]);
    expect(limiter.allows('a')).toBe(false);
    expect(limiter.retryAfter('a')).toBe(1);
    expect(limiter.allows('b')).toBe(true);
    now = 1000;
    expect(limiter.take('a')).toBe(true);
    expect(limiter.take('a')).toBe(false);
  });

  it('keeps its memory bounded, forgetting the least recently used key first', () => {
    let now = 0;
    const limiter = new RateLimiter({ capacity: 1, refillMs: 1000 }, 3, () => now);
    limiter.take('old');
    now = 5000;
    for (const key of ['k1', 'k2', 'k3']) limiter.take(key);
    // 'old' was the least recently used and was forgotten; the three recent, empty buckets are kept.
    expect(['k1', 'k2', 'k3'].map((k) => limiter.allows(k))).toEqual([false, false, false]);
    limiter.take('k4');
    expect(limiter.allows('k4')).toBe(false);
    expect(limiter.allows('k1')).toBe(true); // the least recent one made room
  });
});

describe('RateLimiter under many addresses', () => {
  it('never keeps more than its cap of keys, however many addresses fail', () => {
    const limiter = new RateLimiter({ capacity: 1, refillMs: 60_000 }, 1000, () => 0);
    for (let i = 0; i < 50_000; i++) limiter.take(`198.51.${i >> 8}.${i & 255}`);
    expect(limiter.size).toBe(1000);
    // The most recent addresses are the ones remembered (their one try spent); the oldest were forgotten.
    expect(limiter.allows('198.51.195.79')).toBe(false);
    expect(limiter.allows('198.51.0.0')).toBe(true);
  });
});

describe('preferredLocale', () => {
  it('picks French or English by preference, and nothing for other languages', () => {
    expect(preferredLocale('fr-CA,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(preferredLocale('de-DE,de;q=0.9,en;q=0.7,fr;q=0.8')).toBe('fr');
    expect(preferredLocale('en-US,en;q=0.9')).toBe('en');
    expect(preferredLocale('de-DE,de;q=0.9')).toBeUndefined();
    expect(preferredLocale('fr;q=0')).toBeUndefined();
    expect(preferredLocale(undefined)).toBeUndefined();
  });
});

describe('html', () => {
  it('escapes what it is given unless it is markup already', () => {
    const name = `<script>alert("x")</script> & 'co'`;
    expect(html`<p title="${name}">${name}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</p>',
    );
    expect(html`<ul>${['a', '<b>'].map((x) => html`<li>${x}</li>`)}</ul>`.value).toBe(
      '<ul><li>a</li><li>&lt;b&gt;</li></ul>',
    );
    expect(html`${null}${undefined}${false}${0}`.value).toBe('0');
  });
});
