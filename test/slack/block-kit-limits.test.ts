// The Block Kit limits checker the modal tests rely on: it must see what Slack would refuse.
import { describe, expect, it } from 'vitest';
import { blockKitProblems } from './block-kit-limits.js';

const plain = (text: string) => ({ type: 'plain_text', text });
const option = (text: string, value: string) => ({ text: plain(text), value });

const modal = (blocks: unknown[], extra: Record<string, unknown> = {}) => ({
  type: 'modal',
  title: plain('Invite'),
  submit: plain('Send'),
  blocks,
  ...extra,
});

describe('blockKitProblems', () => {
  it('accepts a modal within the limits', () => {
    const select = { type: 'static_select', action_id: 'value', options: [option('A', 'a'), option('B', 'b')] };
    expect(blockKitProblems(modal([{ type: 'input', block_id: 'x', label: plain('X'), element: select }]))).toEqual([]);
  });

  it('names each broken limit and where it is', () => {
    const options = Array.from({ length: 101 }, (_, i) => option(i === 0 ? 'x'.repeat(76) : `O${i}`, `v${i}`));
    const view = modal(
      [
        {
          type: 'input',
          block_id: 'a',
          label: plain('A'),
          element: { type: 'static_select', action_id: 'v', options },
        },
        {
          type: 'input',
          block_id: 'a',
          label: plain('B'),
          element: {
            type: 'radio_buttons',
            action_id: 'v',
            options: [option('One', '1')],
            initial_option: option('Two', '2'),
          },
        },
      ],
      { title: plain('A title longer than 24 chars') },
    );
    expect(blockKitProblems(view)).toEqual([
      'title: 28 > 24 characters',
      'blocks[0].element.options: 101 > 100 options',
      'blocks[0].element.options[0].text: 76 > 75 characters',
      'blocks[1].block_id: repeats a',
      'blocks[1].element.initial_option: is not exactly one of the options',
    ]);
  });

  it('checks a multi-select’s options and that its initial options are among them', () => {
    const options = Array.from({ length: 101 }, (_, i) => option(`O${i}`, `v${i}`));
    const element = { type: 'multi_static_select', action_id: 'v', options, initial_options: [option('Gone', 'g')] };
    expect(blockKitProblems(modal([{ type: 'input', block_id: 'm', label: plain('M'), element }]))).toEqual([
      'blocks[0].element.options: 101 > 100 options',
      'blocks[0].element.initial_options[0]: is not exactly one of the options',
    ]);
  });
});
