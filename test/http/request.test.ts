import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config/env.js';
import { forwardedAddress } from '../../src/http/request.js';

const request = (headers: Record<string, string>, remoteAddress = '10.0.0.2') =>
  ({ headers, socket: { remoteAddress } }) as unknown as IncomingMessage;

describe('client address behind a proxy', () => {
  it('takes the entry the proxy added (the last one), not the ones the client wrote', () => {
    expect(forwardedAddress(request({ 'x-forwarded-for': '1.2.3.4, 203.0.113.9' }))).toBe('203.0.113.9');
    expect(forwardedAddress(request({ 'x-forwarded-for': '198.51.100.7' }))).toBe('198.51.100.7');
  });
  it('falls back to the socket peer without the header', () => {
    expect(forwardedAddress(request({}))).toBe('10.0.0.2');
  });
  it('is off unless configured, and the setting is validated', () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(() => parseEnv({ TRUST_PROXY: 'maybe' })).toThrow(/TRUST_PROXY="maybe": expected true or false/);
  });
});
