// SendGrid's Event Webhook signature: ECDSA P-256 with SHA-256 over `timestamp + rawBody`,
// sent base64 (DER) in X-Twilio-Email-Event-Webhook-Signature, with the timestamp (Unix
// seconds) in X-Twilio-Email-Event-Webhook-Timestamp. The verification key is the one
// SendGrid's settings page shows: base64 of the SPKI DER (a PEM is accepted too).
import { createPublicKey, type KeyObject, verify } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-twilio-email-event-webhook-signature';
export const TIMESTAMP_HEADER = 'x-twilio-email-event-webhook-timestamp';

export function parseEventWebhookKey(key: string): KeyObject {
  try {
    const object = key.includes('BEGIN PUBLIC KEY')
      ? createPublicKey(key)
      : createPublicKey({ key: Buffer.from(key.replace(/\s+/g, ''), 'base64'), format: 'der', type: 'spki' });
    if (object.asymmetricKeyType !== 'ec') throw new Error('not an EC key');
    return object;
  } catch {
    throw new Error(
      'SENDGRID_WEBHOOK_PUBLIC_KEY is not an ECDSA public key (expected base64 SPKI DER, as SendGrid shows it)',
    );
  }
}

export type SignatureCheck = 'ok' | 'missing' | 'stale' | 'forged';

/**
 * What can be checked before the body is read: both headers present, the timestamp well formed and
 * fresh. A request failing here is refused without reading (or buffering) its body.
 */
export function checkEventHeaders(
  request: { signature: string | undefined; timestamp: string | undefined },
  options: { now: Date; toleranceSeconds: number },
): SignatureCheck {
  const { signature, timestamp } = request;
  if (!signature || !timestamp) return 'missing';
  if (!/^\d{1,12}$/.test(timestamp)) return 'forged';
  // Both ways: a timestamp from the future is as suspect as an old one.
  if (Math.abs(options.now.getTime() / 1000 - Number(timestamp)) > options.toleranceSeconds) return 'stale';
  return 'ok';
}

export function checkEventSignature(
  key: KeyObject,
  request: { signature: string | undefined; timestamp: string | undefined; rawBody: Buffer },
  options: { now: Date; toleranceSeconds: number },
): SignatureCheck {
  const headers = checkEventHeaders(request, options);
  if (headers !== 'ok') return headers;
  const { signature = '', timestamp = '' } = request;
  const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), request.rawBody]);
  try {
    return verify('sha256', signed, key, Buffer.from(signature, 'base64')) ? 'ok' : 'forged';
  } catch {
    return 'forged';
  }
}
