import { type ButtonData, buttonValue } from './blocks-actions.js';
import type {
  ActionsBlock,
  Block,
  BlockMessage,
  ButtonElement,
  ContextBlock,
  HeaderBlock,
  MrkdwnTextObject,
  PlainTextObject,
  SectionBlock,
} from './blocks-types.js';
import { LIMITS } from './blocks-types.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { clipMrkdwn, clipPlain } from './mrkdwn-clip.js';

/*
 * Block constructors that enforce Slack's per-block limits (text lengths, element counts) by
 * clipping with `…`, and the message composer that enforces the 50-block limit. Text given to the
 * mrkdwn constructors must already be mrkdwn (escaped); plain-text constructors take any text.
 */

/** Characters of a title inside a section. */
export const TITLE_MAX = 300;

/** `1 page`, `2 pages`: a count with its noun. */
export const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** A title as mrkdwn inside a section: one line, clipped to {@link TITLE_MAX}, escaped. */
export const titleText = (text: string): string => escapeMrkdwn(clipPlain(text, TITLE_MAX));

/** Shown instead of an empty text (Slack rejects empty text objects). */
const EMPTY = '—';

/** A mrkdwn text object clipped to `max`; never empty. */
export function mrkdwn(text: string, max: number = LIMITS.sectionText): MrkdwnTextObject {
  return { type: 'mrkdwn', text: text.trim() === '' ? EMPTY : clipMrkdwn(text, max) };
}

/** A plain-text object clipped to `max` (one line); never empty. */
export function plain(text: string, max: number): PlainTextObject {
  const clipped = clipPlain(text, max);
  return { type: 'plain_text', text: clipped.trim() === '' ? EMPTY : clipped, emoji: true };
}

/** A section of mrkdwn text (clipped to 3,000 characters), with an optional button beside it. */
export function section(text: string, accessory?: ButtonElement): SectionBlock {
  return { type: 'section', text: mrkdwn(text), ...(accessory ? { accessory } : {}) };
}

/** A section of up to 10 mrkdwn fields (each clipped to 2,000 characters), with optional text. */
export function fieldsSection(fields: readonly string[], text?: string): SectionBlock {
  return {
    type: 'section',
    ...(text !== undefined ? { text: mrkdwn(text) } : {}),
    fields: fields.slice(0, LIMITS.sectionFields).map((field) => mrkdwn(field, LIMITS.fieldText)),
  };
}

/** A context block (small grey text) of up to 10 mrkdwn elements. */
export function context(...texts: string[]): ContextBlock {
  return {
    type: 'context',
    elements: texts.slice(0, LIMITS.contextElements).map((text) => mrkdwn(text, LIMITS.contextText)),
  };
}

/** A header (plain text, clipped to 150 characters). */
export function header(text: string): HeaderBlock {
  return { type: 'header', text: plain(text, LIMITS.headerText) };
}

/**
 * A button for `verb` carrying `data` as its value (see `blocks-actions.ts`), or undefined when the
 * value would exceed 2,000 characters (the caller says what to do instead).
 */
export function button(
  label: string,
  verb: string,
  data: ButtonData,
  style?: 'primary' | 'danger',
): ButtonElement | undefined {
  const value = buttonValue(data);
  if (value === undefined) return undefined;
  return {
    type: 'button',
    text: plain(label, LIMITS.buttonText),
    action_id: verb.slice(0, LIMITS.actionId),
    value,
    ...(style ? { style } : {}),
  };
}

/** An actions block of the defined buttons (at most 25), or undefined when there are none. */
export function actions(buttons: readonly (ButtonElement | undefined)[]): ActionsBlock | undefined {
  const elements = buttons
    .filter((b): b is ButtonElement => b !== undefined)
    .slice(0, LIMITS.actionsElements);
  return elements.length > 0 ? { type: 'actions', elements } : undefined;
}

/** Blocks without the undefined ones (optional parts of a message). */
export function compact(blocks: readonly (Block | undefined | false)[]): Block[] {
  return blocks.filter((b): b is Block => b !== undefined && b !== false);
}

/** Result of {@link fitItems}. */
export interface FittedItems {
  readonly blocks: Block[];
  readonly shown: number;
}

/**
 * Renders items in order while their blocks fit in `room`; stops at the first that does not. Only
 * the items shown are rendered, so the cost is bounded by `room`, not by the list.
 */
export function fitItems<T>(items: readonly T[], room: number, render: (item: T) => Block[]): FittedItems {
  const blocks: Block[] = [];
  let shown = 0;
  for (const item of items) {
    const rendered = render(item);
    if (blocks.length + rendered.length > room) break;
    blocks.push(...rendered);
    shown += 1;
  }
  return { blocks, shown };
}

/**
 * Packs mrkdwn lines into at most `maxSections` texts of at most 3,000 characters each, in order;
 * a line longer than a section is clipped. Returns the texts and how many lines they hold.
 */
export function packLines(lines: readonly string[], maxSections: number): { texts: string[]; shown: number } {
  const texts: string[] = [];
  let current = '';
  let shown = 0;
  for (const raw of lines) {
    const line = clipMrkdwn(raw, LIMITS.sectionText);
    if (current !== '' && current.length + 1 + line.length > LIMITS.sectionText) {
      if (texts.length + 1 >= maxSections) break;
      texts.push(current);
      current = '';
    }
    current = current === '' ? line : `${current}\n${line}`;
    shown += 1;
  }
  if (current !== '' && texts.length < maxSections) texts.push(current);
  return { texts, shown };
}

/** "Showing the first N of M …" note for a list cut to fit a Slack message. */
export function showingNote(shown: number, total: number, noun: string, advice: string): string {
  const note = `Showing the first ${shown} of ${total} ${noun} here.`;
  return advice === '' ? note : `${note} ${advice}`;
}

/** The {@link showingNote} as a context block when a list was cut (`shown < total`), else undefined. */
export function cutNote(shown: number, total: number, noun: string, advice = ''): ContextBlock | undefined {
  return shown < total ? context(showingNote(shown, total, noun, advice)) : undefined;
}

/**
 * The final message: `fallback` (mrkdwn: escape user text in it) on one line and clipped, blocks
 * cut to Slack's 50 (the renderers already fit their lists; this is the last guard, ending with a
 * visible `…` note).
 */
export function message(fallback: string, blocks: readonly Block[]): BlockMessage {
  const text = clipMrkdwn(fallback.replace(/\s+/g, ' ').trim() || EMPTY, LIMITS.fallbackText);
  if (blocks.length <= LIMITS.messageBlocks) return { text, blocks };
  const kept = blocks.slice(0, LIMITS.messageBlocks - 1);
  return { text, blocks: [...kept, context('… more was left out to fit a Slack message.')] };
}
