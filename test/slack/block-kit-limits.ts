// Slack's documented Block Kit limits for the modals Sesame opens (docs.slack.dev, "Block Kit":
// views, blocks, block elements, composition objects). Slack refuses a whole view that breaks one
// (views.open answers invalid_arguments and the admin sees nothing), so every modal a test
// produces goes through `blockKitProblems`, which lists each broken rule with where it is.

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;

export const MODAL_LIMITS = {
  title: 24,
  button: 24,
  blocks: 100,
  privateMetadata: 3000,
  id: 255,
  label: 2000,
  hint: 2000,
  placeholder: 150,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  optionText: 75,
  optionValue: 150,
  selectOptions: 100,
  optionGroups: 100,
  radioOptions: 10,
  textInput: 3000,
} as const;

/** Every limit the view breaks, e.g. "blocks[3].element.options[0].text: 80 > 75 characters". */
export function blockKitProblems(view: unknown): string[] {
  const problems: string[] = [];
  const fail = (where: string, what: string): void => {
    problems.push(`${where}: ${what}`);
  };
  const plain = (where: string, value: unknown, max: number) => {
    if (!isObject(value) || value.type !== 'plain_text') return fail(where, 'must be a plain_text object');
    text(where, value, max);
  };
  const text = (where: string, value: unknown, max: number) => {
    if (!isObject(value) || (value.type !== 'plain_text' && value.type !== 'mrkdwn'))
      return fail(where, 'must be a text object');
    const shown = typeof value.text === 'string' ? value.text : '';
    if (shown.length === 0) fail(where, 'is empty');
    if (shown.length > max) fail(where, `${shown.length} > ${max} characters`);
  };
  const id = (where: string, value: unknown) => {
    if (value === undefined) return;
    if (typeof value !== 'string' || value.length === 0 || value.length > MODAL_LIMITS.id)
      fail(where, `must be 1 to ${MODAL_LIMITS.id} characters`);
  };
  const options = (where: string, list: unknown, max: number, plainOnly: boolean): Json[] => {
    if (!Array.isArray(list) || list.length === 0) {
      fail(where, 'must be a non-empty array');
      return [];
    }
    if (list.length > max) fail(where, `${list.length} > ${max} options`);
    const values = new Set<string>();
    list.forEach((option, i) => {
      if (!isObject(option)) {
        fail(`${where}[${i}]`, 'must be an object');
        return;
      }
      (plainOnly ? plain : text)(`${where}[${i}].text`, option.text, MODAL_LIMITS.optionText);
      const value = option.value;
      if (typeof value !== 'string' || value.length === 0 || value.length > MODAL_LIMITS.optionValue)
        fail(`${where}[${i}].value`, `must be 1 to ${MODAL_LIMITS.optionValue} characters`);
      else if (values.has(value)) fail(`${where}[${i}].value`, `repeats ${value}`);
      else values.add(value);
    });
    return list.filter(isObject);
  };
  /** Slack wants an initial option that is exactly one of the options. */
  const initial = (where: string, given: unknown, offered: Json[]) => {
    if (given === undefined) return;
    const same = offered.some((o) => JSON.stringify(o) === JSON.stringify(given));
    if (!same) fail(where, 'is not exactly one of the options');
  };
  const element = (where: string, value: unknown) => {
    if (!isObject(value)) return fail(where, 'must be an element');
    id(`${where}.action_id`, value.action_id);
    if (value.placeholder !== undefined) plain(`${where}.placeholder`, value.placeholder, MODAL_LIMITS.placeholder);
    switch (value.type) {
      case 'plain_text_input': {
        const max = value.max_length;
        if (max !== undefined && (typeof max !== 'number' || max < 1 || max > MODAL_LIMITS.textInput))
          fail(`${where}.max_length`, `must be 1 to ${MODAL_LIMITS.textInput}`);
        break;
      }
      case 'static_select': {
        if ((value.options === undefined) === (value.option_groups === undefined))
          return fail(where, 'needs either options or option_groups');
        let offered: Json[] = [];
        if (value.options !== undefined)
          offered = options(`${where}.options`, value.options, MODAL_LIMITS.selectOptions, true);
        else if (Array.isArray(value.option_groups)) {
          if (value.option_groups.length > MODAL_LIMITS.optionGroups)
            fail(`${where}.option_groups`, `${value.option_groups.length} > ${MODAL_LIMITS.optionGroups} groups`);
          value.option_groups.forEach((group, i) => {
            if (!isObject(group)) {
              fail(`${where}.option_groups[${i}]`, 'must be an object');
              return;
            }
            plain(`${where}.option_groups[${i}].label`, group.label, MODAL_LIMITS.optionText);
            offered.push(
              ...options(`${where}.option_groups[${i}].options`, group.options, MODAL_LIMITS.selectOptions, true),
            );
          });
          if (offered.length > MODAL_LIMITS.selectOptions)
            fail(`${where}.option_groups`, `${offered.length} > ${MODAL_LIMITS.selectOptions} options in all`);
        }
        initial(`${where}.initial_option`, value.initial_option, offered);
        break;
      }
      case 'multi_static_select': {
        const offered = options(`${where}.options`, value.options, MODAL_LIMITS.selectOptions, true);
        if (Array.isArray(value.initial_options))
          value.initial_options.forEach((o, i) => {
            initial(`${where}.initial_options[${i}]`, o, offered);
          });
        break;
      }
      case 'radio_buttons':
      case 'checkboxes': {
        const offered = options(`${where}.options`, value.options, MODAL_LIMITS.radioOptions, false);
        if (value.type === 'radio_buttons') initial(`${where}.initial_option`, value.initial_option, offered);
        else if (Array.isArray(value.initial_options))
          value.initial_options.forEach((o, i) => {
            initial(`${where}.initial_options[${i}]`, o, offered);
          });
        break;
      }
      case 'number_input':
      case 'conversations_select':
      case 'file_input':
      case 'button':
        break;
      default:
        fail(where, `unknown element type ${String(value.type)}`);
    }
  };

  if (!isObject(view)) return ['view: must be an object'];
  if (view.type !== 'modal') fail('type', 'must be modal');
  plain('title', view.title, MODAL_LIMITS.title);
  if (view.submit !== undefined) plain('submit', view.submit, MODAL_LIMITS.button);
  if (view.close !== undefined) plain('close', view.close, MODAL_LIMITS.button);
  id('callback_id', view.callback_id);
  if (typeof view.private_metadata === 'string' && view.private_metadata.length > MODAL_LIMITS.privateMetadata)
    fail('private_metadata', `${view.private_metadata.length} > ${MODAL_LIMITS.privateMetadata} characters`);
  const blocks = Array.isArray(view.blocks) ? view.blocks : [];
  if (blocks.length === 0) fail('blocks', 'must be a non-empty array');
  if (blocks.length > MODAL_LIMITS.blocks) fail('blocks', `${blocks.length} > ${MODAL_LIMITS.blocks} blocks`);
  const blockIds = new Set<string>();
  let inputs = 0;
  blocks.forEach((block, i) => {
    const where = `blocks[${i}]`;
    if (!isObject(block)) {
      fail(where, 'must be a block');
      return;
    }
    id(`${where}.block_id`, block.block_id);
    if (typeof block.block_id === 'string') {
      if (blockIds.has(block.block_id)) fail(`${where}.block_id`, `repeats ${block.block_id}`);
      blockIds.add(block.block_id);
    }
    switch (block.type) {
      case 'input':
        inputs++;
        plain(`${where}.label`, block.label, MODAL_LIMITS.label);
        if (block.hint !== undefined) plain(`${where}.hint`, block.hint, MODAL_LIMITS.hint);
        element(`${where}.element`, block.element);
        break;
      case 'section':
        text(`${where}.text`, block.text, MODAL_LIMITS.sectionText);
        break;
      case 'header':
        plain(`${where}.text`, block.text, MODAL_LIMITS.headerText);
        break;
      case 'context': {
        const elements = Array.isArray(block.elements) ? block.elements : [];
        if (elements.length === 0 || elements.length > MODAL_LIMITS.contextElements)
          fail(`${where}.elements`, `must hold 1 to ${MODAL_LIMITS.contextElements} elements`);
        elements.forEach((e, j) => {
          text(`${where}.elements[${j}]`, e, MODAL_LIMITS.sectionText);
        });
        break;
      }
      case 'divider':
        break;
      default:
        fail(where, `unknown block type ${String(block.type)}`);
    }
  });
  // A modal with inputs needs a submit button to send them.
  if (inputs > 0 && view.submit === undefined) fail('submit', 'is needed by a modal with inputs');
  return problems;
}

/** Slack's documented limits for a message's blocks (docs.slack.dev, Block Kit: blocks, elements, composition objects). */
export const MESSAGE_LIMITS = {
  blocks: 50,
  sectionText: 3000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  id: 255,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
} as const;

/** Every limit an answer's blocks break (sections, context, actions with buttons and their confirm dialogs). */
export function messageProblems(blocks: unknown): string[] {
  const problems: string[] = [];
  const fail = (problem: string): void => {
    problems.push(problem);
  };
  const within = (where: string, value: unknown, max: number, plainOnly = true): void => {
    const types = plainOnly ? ['plain_text'] : ['plain_text', 'mrkdwn'];
    if (!isObject(value) || !types.includes(String(value.type))) {
      fail(`${where}: must be a ${types.join(' or ')} object`);
      return;
    }
    const text = typeof value.text === 'string' ? value.text : '';
    if (text.length === 0) fail(`${where}: is empty`);
    if (text.length > max) fail(`${where}: ${text.length} > ${max} characters`);
  };
  const button = (at: string, element: Json): void => {
    within(`${at}.text`, element.text, MESSAGE_LIMITS.buttonText);
    if (typeof element.value === 'string' && element.value.length > MESSAGE_LIMITS.buttonValue)
      fail(`${at}.value: ${element.value.length} > ${MESSAGE_LIMITS.buttonValue}`);
    if (element.style !== undefined && !['primary', 'danger'].includes(String(element.style))) fail(`${at}.style`);
    const confirm = element.confirm;
    if (confirm === undefined) return;
    if (!isObject(confirm)) {
      fail(`${at}.confirm: must be an object`);
      return;
    }
    within(`${at}.confirm.title`, confirm.title, MESSAGE_LIMITS.confirmTitle);
    within(`${at}.confirm.text`, confirm.text, MESSAGE_LIMITS.confirmText, false);
    within(`${at}.confirm.confirm`, confirm.confirm, MESSAGE_LIMITS.confirmButton);
    within(`${at}.confirm.deny`, confirm.deny, MESSAGE_LIMITS.confirmButton);
    if (confirm.style !== undefined && !['primary', 'danger'].includes(String(confirm.style)))
      fail(`${at}.confirm.style`);
  };
  const actions = (where: string, elements: unknown[]): void => {
    if (elements.length === 0 || elements.length > MESSAGE_LIMITS.actionsElements)
      fail(`${where}.elements: must hold 1 to ${MESSAGE_LIMITS.actionsElements}`);
    const actionIds = new Set<string>();
    for (const [j, element] of elements.entries()) {
      const at = `${where}.elements[${j}]`;
      if (!isObject(element) || element.type !== 'button') {
        fail(`${at}: expected a button`);
        continue;
      }
      const id = String(element.action_id ?? '');
      if (id.length === 0 || id.length > MESSAGE_LIMITS.id) fail(`${at}.action_id: 1 to ${MESSAGE_LIMITS.id}`);
      if (actionIds.has(id)) fail(`${at}.action_id: repeats ${id}`);
      actionIds.add(id);
      button(at, element);
    }
  };
  const list = Array.isArray(blocks) ? blocks : [];
  if (list.length > MESSAGE_LIMITS.blocks) fail(`blocks: ${list.length} > ${MESSAGE_LIMITS.blocks}`);
  const blockIds = new Set<string>();
  for (const [i, block] of list.entries()) {
    const where = `blocks[${i}]`;
    if (!isObject(block)) {
      fail(`${where}: must be a block`);
      continue;
    }
    if (typeof block.block_id === 'string') {
      if (blockIds.has(block.block_id)) fail(`${where}.block_id: repeats ${block.block_id}`);
      if (block.block_id.length > MESSAGE_LIMITS.id) fail(`${where}.block_id: too long`);
      blockIds.add(block.block_id);
    }
    const elements = Array.isArray(block.elements) ? block.elements : [];
    if (block.type === 'section') within(`${where}.text`, block.text, MESSAGE_LIMITS.sectionText, false);
    else if (block.type === 'context')
      for (const [j, e] of elements.entries()) within(`${where}.elements[${j}]`, e, MESSAGE_LIMITS.sectionText, false);
    else if (block.type === 'actions') actions(where, elements);
    else fail(`${where}: unexpected block type ${String(block.type)}`);
  }
  return problems;
}
