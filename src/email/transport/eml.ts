// A message as an .eml file (RFC 5322, MIME multipart/alternative): any mail client opens it,
// and it stays readable in a text editor (8-bit UTF-8 parts; quoted-printable only for a part
// with a line too long for SMTP).
import { createHash, randomBytes } from 'node:crypto';
import { type Address, fromAddress, type OutgoingEmail } from '../outgoing-email.js';

const CRLF = '\r\n';

export function buildEml(email: OutgoingEmail, from: Address, date: Date): string {
  const boundary = `sesame-${randomBytes(12).toString('hex')}`;
  const messageId = createHash('sha256').update(email.key).digest('hex').slice(0, 32);
  const headers = [
    `From: ${address(fromAddress(email, from))}`,
    `To: ${address(email.to)}`,
    ...(email.replyTo ? [`Reply-To: ${address(email.replyTo)}`] : []),
    `Subject: ${encodeWord(email.composed.subject)}`,
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${messageId}@sesame.invalid>`,
    `X-Sesame-Key: ${oneLine(email.key)}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
  ];
  return [
    ...headers,
    '',
    `--${boundary}`,
    ...part('text/plain', email.composed.text),
    `--${boundary}`,
    ...part('text/html', email.composed.html),
    `--${boundary}--`,
    '',
  ].join(CRLF);
}

function part(type: string, body: string): string[] {
  const lines = body.split(/\r?\n/);
  const long = lines.some((line) => Buffer.byteLength(line) > 998);
  return [
    `Content-Type: ${type}; charset=utf-8`,
    `Content-Transfer-Encoding: ${long ? 'quoted-printable' : '8bit'}`,
    '',
    long ? quotedPrintable(lines) : lines.join(CRLF),
  ];
}

const oneLine = (value: string) => value.replace(/[\r\n]+/g, ' ');

const printableAscii = /^[\x20-\x7e]*$/;

function address(a: Address): string {
  const email = oneLine(a.email);
  if (!a.name) return `<${email}>`;
  const name = printableAscii.test(a.name) ? `"${oneLine(a.name).replace(/["\\]/g, '\\$&')}"` : encodeWord(a.name);
  return `${name} <${email}>`;
}

/** RFC 2047 encoded words (base64), split on character boundaries, folded. */
function encodeWord(value: string): string {
  const text = oneLine(value);
  if (printableAscii.test(text) && text.length <= 900) return text;
  const words: string[] = [];
  let current = '';
  for (const char of text) {
    if (Buffer.byteLength(current + char) > 45) {
      words.push(current);
      current = '';
    }
    current += char;
  }
  if (current) words.push(current);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`).join(`${CRLF} `);
}

function quotedPrintable(lines: string[]): string {
  const out: string[] = [];
  for (const line of lines) {
    const bytes = Buffer.from(line);
    let current = '';
    bytes.forEach((byte, i) => {
      const last = i === bytes.length - 1;
      const plain = (byte >= 33 && byte <= 126 && byte !== 61) || ((byte === 32 || byte === 9) && !last);
      const chunk = plain ? String.fromCharCode(byte) : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      if (current.length + chunk.length > 75) {
        out.push(`${current}=`);
        current = '';
      }
      current += chunk;
    });
    out.push(current);
  }
  return out.join(CRLF);
}
