// Which addresses a webhook may reach: public ones only. A webhook URL is typed by an
// organization's administrator, and Sesame POSTs to it from inside the operator's network: without
// this rule it would reach the database port, the cloud metadata service (169.254.169.254) or any
// private service. An operator may allow private addresses for development
// (WEBHOOKS_ALLOW_PRIVATE_ADDRESSES=true).
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { AppError } from '../errors/app-error.js';

/** Not routable on the public Internet (IANA special-purpose registries, IPv4 and IPv6). */
const nonPublic = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", 0.0.0.0 reaches the local machine
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata services
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  nonPublic.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) {
  nonPublic.addSubnet(network, prefix, 'ipv6');
}

/** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d) or NAT64 (64:ff9b::a.b.c.d) IPv6 address. */
function embeddedIpv4(address: string): string | undefined {
  const dotted = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (dotted) return dotted[1];
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return undefined;
  const [high, low] = [Number.parseInt(hex[1] ?? '', 16), Number.parseInt(hex[2] ?? '', 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** True for an IP address a webhook may reach; false for anything else, including non-addresses. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  const v4 = family === 6 ? embeddedIpv4(address) : address;
  if (v4) return !nonPublic.check(v4, 'ipv4');
  return !nonPublic.check(address, 'ipv6');
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** The operator's setting (WEBHOOKS_ALLOW_PRIVATE_ADDRESSES) and the DNS resolution (replaceable in tests). */
export interface WebhookNetwork {
  allowPrivateAddresses: boolean;
  resolve?: Resolver;
}

/** DNS resolution. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family as 4 | 6,
  }));

/** A URL's host as an IP literal or a name ([::1] without its brackets). */
const bareHost = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/**
 * The address to connect to for a webhook URL: an IP literal as is, a name resolved once. Every
 * address the name resolves to must be public (a name with one private answer among public ones
 * is refused: it could be served either). The caller connects to the address returned, never
 * resolving again, so that a DNS answer changed in between (rebinding) cannot redirect it.
 */
export async function resolvePublicAddress(url: URL, options: WebhookNetwork): Promise<ResolvedAddress> {
  const host = bareHost(url);
  const literal = isIP(host);
  const addresses = literal
    ? [{ address: host, family: literal as 4 | 6 }]
    : await (options.resolve ?? systemResolver)(host);
  const first = addresses[0];
  if (!first) throw new AppError('webhook.unresolvable', { host }, 'invalid');
  if (!options.allowPrivateAddresses) {
    const refused = addresses.find((a) => !isPublicAddress(a.address));
    if (refused) throw new AppError('webhook.private_address', { host, address: refused.address }, 'invalid');
  }
  return first;
}
