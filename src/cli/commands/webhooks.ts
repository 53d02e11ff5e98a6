// sesame webhooks | webhooks add <url> [--event <e>]... | webhooks remove <id>
import { createRequire } from 'node:module';
import { type Command, Option } from 'commander';
import { collect } from '../values.js';

const work = () => import('../actions/webhooks.js');
const require = createRequire(import.meta.url);
/** The events an endpoint may listen to: named in `webhooks add --help` only. */
const webhookEvents = (): readonly string[] =>
  (require('../../webhooks/emit-webhook-event.js') as typeof import('../../webhooks/emit-webhook-event.js'))
    .webhookEvents;

export function registerWebhooks(program: Command): void {
  const webhooks = program
    .command('webhooks')
    .description("the organization's outbound webhook endpoints (owners and administrators)")
    .addHelpText(
      'after',
      '\nJSON output (--json): { "endpoints": [ { "id", "url", "events": string[], "active", "createdAt" } ] }',
    )
    .action(async (_options: unknown, command: Command) => (await work()).listEndpoints(command));

  const event = new Option('--event <event>', 'an event to send (repeatable)').argParser(collect);
  webhooks
    .command('add')
    .description('add an endpoint that receives signed events (all events unless --event is given)')
    .argument('<url>', 'https:// URL of the receiving product (http:// only for localhost)')
    .addOption(event)
    .on('beforeHelp', () => {
      event.description = `an event to send (repeatable): ${webhookEvents().join(', ')}`;
    })
    .addHelpText(
      'after',
      '\nJSON output (--json): { "endpoint": { "id", "url", "events", "active", "createdAt" }, "secret": string }',
    )
    .action(async (url: string, options: { event?: string[] }, command: Command) =>
      (await work()).addEndpoint(url, options, command),
    );

  webhooks
    .command('remove')
    .description('stop sending events to an endpoint')
    .argument('<id>', 'the endpoint id (see `sesame webhooks`)')
    .action(async (id: string, _options: unknown, command: Command) => (await work()).removeEndpoint(id, command));
}
