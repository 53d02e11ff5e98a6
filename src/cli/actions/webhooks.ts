// The work of `sesame webhooks`, `webhooks add` and `webhooks remove`.
import type { Command } from 'commander';
import {
  addWebhookEndpoint,
  type EndpointView,
  listWebhookEndpoints,
  removeWebhookEndpoint,
} from '../../webhooks/manage-endpoints.js';
import { formatDate, table } from '../output.js';
import { runAsMember } from '../session.js';

const texts = {
  en: {
    headers: ['id', 'url', 'events', 'active', 'created'],
    all: 'all',
    none: 'No webhook endpoint yet: add one with `sesame webhooks add <url>`.',
    added: (id: string) => `Webhook endpoint ${id} added.`,
    secret: (secret: string) =>
      `Signing secret (shown once, keep it in the receiving product): ${secret}\nEach call carries Sesame-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, t + "." + body)>.`,
    removed: (id: string) => `Webhook endpoint ${id} removed: no more events will be sent to it.`,
    yes: 'yes',
    no: 'no',
  },
  fr: {
    headers: ['id', 'url', 'événements', 'actif', 'créé le'],
    all: 'tous',
    none: 'Aucun point de terminaison de webhook : ajoutez-en un avec `sesame webhooks add <url>`.',
    added: (id: string) => `Point de terminaison de webhook ${id} ajouté.`,
    secret: (secret: string) =>
      `Secret de signature (affiché une seule fois, à conserver dans le produit qui reçoit) : ${secret}\nChaque appel porte Sesame-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, t + "." + body)>.`,
    removed: (id: string) => `Point de terminaison de webhook ${id} retiré : plus aucun événement ne lui sera envoyé.`,
    yes: 'oui',
    no: 'non',
  },
};

const json = (endpoint: EndpointView) => ({
  id: endpoint.id,
  url: endpoint.url,
  events: endpoint.events,
  active: endpoint.active,
  createdAt: endpoint.createdAt,
});

export function listEndpoints(command: Command): Promise<void> {
  return runAsMember(command, async ({ db, actor, out, locale }) => {
    const endpoints = await listWebhookEndpoints(db, actor);
    if (out.json) return out.result({ endpoints: endpoints.map(json) });
    const words = texts[locale];
    if (endpoints.length === 0) return out.line(words.none);
    out.line(
      table(
        words.headers,
        endpoints.map((e) => [
          e.id,
          e.url,
          e.events.join(', ') || words.all,
          e.active ? words.yes : words.no,
          formatDate(e.createdAt),
        ]),
      ),
    );
  });
}

export function addEndpoint(url: string, options: { event?: string[] }, command: Command): Promise<void> {
  return runAsMember(command, async ({ db, actor, out, locale, env }) => {
    const { endpoint, secret } = await addWebhookEndpoint(
      db,
      actor,
      { url, events: options.event },
      { allowPrivateAddresses: env.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES },
    );
    if (out.json) return out.result({ endpoint: json(endpoint), secret });
    out.line(texts[locale].added(endpoint.id));
    out.line(texts[locale].secret(secret));
  });
}

export function removeEndpoint(id: string, command: Command): Promise<void> {
  return runAsMember(command, async ({ db, actor, out, locale }) => {
    await removeWebhookEndpoint(db, actor, id);
    if (out.json) return out.result({ removed: id });
    out.line(texts[locale].removed(id));
  });
}
