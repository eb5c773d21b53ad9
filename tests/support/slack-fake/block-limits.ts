/**
 * Block Kit limits as Slack enforces them on chat.postMessage / chat.update / views.open: a
 * violation is `invalid_blocks` with a message like Slack's (`[ERROR] … [json-pointer:/blocks/3/text/text]`).
 * Only the limits the bot can run into are modelled; the first violation found is reported.
 */

/** Blocks in one message. */
export const MAX_MESSAGE_BLOCKS = 50;
/** Blocks in one modal. */
export const MAX_MODAL_BLOCKS = 100;
/** Top-level `text` of a message (Slack answers `msg_too_long` past it). */
export const MAX_MESSAGE_TEXT = 40_000;

const BLOCK_TYPES = new Set([
  'section',
  'actions',
  'context',
  'divider',
  'header',
  'image',
  'input',
  'rich_text',
  'markdown',
  'file',
  'video',
]);

type Json = Record<string, unknown>;

class Violation extends Error {}

function fail(pointer: string, message: string): never {
  throw new Violation(`[ERROR] ${message} [json-pointer:${pointer}]`);
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function maxLength(value: unknown, max: number, pointer: string): void {
  if (typeof value === 'string' && value.length > max)
    fail(pointer, `must be less than ${max + 1} characters`);
}

function textObject(value: unknown, pointer: string, max: number, plainOnly = false): void {
  if (!isObject(value)) fail(pointer, 'must provide an object');
  if (value.type !== 'plain_text' && (plainOnly || value.type !== 'mrkdwn'))
    fail(`${pointer}/type`, plainOnly ? 'must be plain_text' : 'must be one of plain_text, mrkdwn');
  if (typeof value.text !== 'string' || value.text.length === 0)
    fail(`${pointer}/text`, 'must be a non-empty string');
  maxLength(value.text, max, `${pointer}/text`);
}

function element(value: unknown, pointer: string, actionIds: Set<string>): void {
  if (!isObject(value) || typeof value.type !== 'string')
    fail(pointer, 'must provide an element with a type');
  if (value.action_id !== undefined) {
    if (typeof value.action_id !== 'string') fail(`${pointer}/action_id`, 'must be a string');
    maxLength(value.action_id, 255, `${pointer}/action_id`);
    if (actionIds.has(value.action_id))
      fail(`${pointer}/action_id`, 'action_id already exists in this block');
    actionIds.add(value.action_id);
  }
  if (value.type === 'button') {
    textObject(value.text, `${pointer}/text`, 75, true);
    maxLength(value.value, 2000, `${pointer}/value`);
    maxLength(value.url, 3000, `${pointer}/url`);
    if (value.style !== undefined && value.style !== 'primary' && value.style !== 'danger')
      fail(`${pointer}/style`, 'must be one of primary, danger');
  }
}

function block(value: unknown, pointer: string, blockIds: Set<string>): void {
  if (!isObject(value) || typeof value.type !== 'string') fail(pointer, 'must provide an object with a type');
  if (!BLOCK_TYPES.has(value.type)) fail(`${pointer}/type`, `unsupported type: ${value.type.slice(0, 40)}`);
  if (value.block_id !== undefined) {
    if (typeof value.block_id !== 'string') fail(`${pointer}/block_id`, 'must be a string');
    maxLength(value.block_id, 255, `${pointer}/block_id`);
    if (blockIds.has(value.block_id)) fail(`${pointer}/block_id`, 'duplicate block_id');
    blockIds.add(value.block_id);
  }
  const actionIds = new Set<string>();
  switch (value.type) {
    case 'section': {
      if (value.text === undefined && value.fields === undefined)
        fail(pointer, 'must provide either text or fields');
      if (value.text !== undefined) textObject(value.text, `${pointer}/text`, 3000);
      if (value.fields !== undefined) {
        if (!Array.isArray(value.fields)) fail(`${pointer}/fields`, 'must be an array');
        if (value.fields.length > 10) fail(`${pointer}/fields`, 'must provide no more than 10 items');
        for (const [i, field] of value.fields.entries()) textObject(field, `${pointer}/fields/${i}`, 2000);
      }
      if (value.accessory !== undefined) element(value.accessory, `${pointer}/accessory`, actionIds);
      break;
    }
    case 'header':
      textObject(value.text, `${pointer}/text`, 150, true);
      break;
    case 'context': {
      if (!Array.isArray(value.elements) || value.elements.length === 0)
        fail(`${pointer}/elements`, 'must provide at least 1 item');
      if (value.elements.length > 10) fail(`${pointer}/elements`, 'must provide no more than 10 items');
      for (const [i, item] of value.elements.entries()) {
        if (isObject(item) && (item.type === 'plain_text' || item.type === 'mrkdwn'))
          textObject(item, `${pointer}/elements/${i}`, 3000);
      }
      break;
    }
    case 'actions': {
      if (!Array.isArray(value.elements) || value.elements.length === 0)
        fail(`${pointer}/elements`, 'must provide at least 1 item');
      if (value.elements.length > 25) fail(`${pointer}/elements`, 'must provide no more than 25 items');
      for (const [i, item] of value.elements.entries()) element(item, `${pointer}/elements/${i}`, actionIds);
      break;
    }
    case 'input':
      textObject(value.label, `${pointer}/label`, 2000, true);
      element(value.element, `${pointer}/element`, actionIds);
      break;
    case 'markdown':
      if (typeof value.text !== 'string') fail(`${pointer}/text`, 'must be a string');
      maxLength(value.text, 12_000, `${pointer}/text`);
      break;
    default:
      break;
  }
}

/** Slack's answer to a bad `blocks` argument, or `undefined` when the blocks pass. */
export function checkBlocks(
  blocks: unknown,
  maxBlocks: number,
): { error: 'invalid_blocks' | 'invalid_blocks_format'; message: string } | undefined {
  if (!Array.isArray(blocks))
    return { error: 'invalid_blocks_format', message: '[ERROR] must be an array [json-pointer:/blocks]' };
  try {
    if (blocks.length > maxBlocks) fail('/blocks', `no more than ${maxBlocks} items allowed`);
    const blockIds = new Set<string>();
    for (const [i, item] of blocks.entries()) block(item, `/blocks/${i}`, blockIds);
    return undefined;
  } catch (error) {
    if (error instanceof Violation) return { error: 'invalid_blocks', message: error.message };
    throw error;
  }
}

/** Slack's answer to a bad modal view (views.open), or `undefined` when it passes. */
export function checkModal(view: unknown): { error: string; message: string } | undefined {
  if (!isObject(view) || view.type !== 'modal')
    return { error: 'invalid_arguments', message: '[ERROR] must be a modal view [json-pointer:/view/type]' };
  try {
    textObject(view.title, '/view/title', 24, true);
    if (view.submit !== undefined) textObject(view.submit, '/view/submit', 24, true);
    if (view.close !== undefined) textObject(view.close, '/view/close', 24, true);
    maxLength(view.private_metadata, 3000, '/view/private_metadata');
    maxLength(view.callback_id, 255, '/view/callback_id');
  } catch (error) {
    if (error instanceof Violation) return { error: 'invalid_arguments', message: error.message };
    throw error;
  }
  return checkBlocks(view.blocks, MAX_MODAL_BLOCKS);
}
