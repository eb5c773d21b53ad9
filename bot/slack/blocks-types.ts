/**
 * The few Block Kit shapes the Slack edge sends, declared here so view rendering needs no Slack
 * package. Field names are Slack's wire names. Limits are Slack's documented maxima; the renderers
 * keep every message and modal within them whatever the data size.
 */

/** Slack's documented Block Kit limits that the renderers enforce. */
export const LIMITS = {
  /** Blocks in one message. */
  messageBlocks: 50,
  /** Blocks in one modal view. */
  modalBlocks: 100,
  /** Characters of a section's `text`. */
  sectionText: 3000,
  /** Fields in one section. */
  sectionFields: 10,
  /** Characters of one section field. */
  fieldText: 2000,
  /** Elements in one context block. */
  contextElements: 10,
  /** Characters of one context element (same cap as a section text). */
  contextText: 3000,
  /** Characters of a header's plain text. */
  headerText: 150,
  /** Elements in one actions block. */
  actionsElements: 25,
  /** Characters of a button's text. */
  buttonText: 75,
  /** Characters of a button's `value`. */
  buttonValue: 2000,
  /** Characters of an `action_id` or `block_id`. */
  actionId: 255,
  /** Characters of a modal's title, submit and close texts. */
  modalTitle: 24,
  /** Characters of a modal's `private_metadata`. */
  privateMetadata: 3000,
  /** Characters of an input placeholder. */
  placeholder: 150,
  /** Characters of an input label or hint. */
  inputLabel: 2000,
  /** Fallback `text` the renderers produce (Slack allows far more; a notification needs little). */
  fallbackText: 500,
} as const;

/** Text shown literally (no mrkdwn, no mentions). */
export interface PlainTextObject {
  readonly type: 'plain_text';
  readonly text: string;
  readonly emoji?: boolean;
}

/** Text in Slack mrkdwn: every piece of user or page text in it is escaped (see `mrkdwn.ts`). */
export interface MrkdwnTextObject {
  readonly type: 'mrkdwn';
  readonly text: string;
  /** True: Slack does not auto-link names, channels or URLs that are not already markup. */
  readonly verbatim?: boolean;
}

/** Either kind of text object. */
export type TextObject = PlainTextObject | MrkdwnTextObject;

/** A button. `action_id` is a card verb; `value` a compact JSON of that verb's data. */
export interface ButtonElement {
  readonly type: 'button';
  readonly text: PlainTextObject;
  readonly action_id: string;
  readonly value?: string;
  readonly url?: string;
  readonly style?: 'primary' | 'danger';
}

/** Text (≤ 3,000), or up to 10 fields (≤ 2,000 each), with an optional button beside it. */
export interface SectionBlock {
  readonly type: 'section';
  readonly text?: MrkdwnTextObject;
  readonly fields?: readonly TextObject[];
  readonly accessory?: ButtonElement;
  readonly block_id?: string;
}

/** Small grey text: up to 10 elements. */
export interface ContextBlock {
  readonly type: 'context';
  readonly elements: readonly TextObject[];
}

/** A row of up to 25 buttons; `action_id`s unique within the block. */
export interface ActionsBlock {
  readonly type: 'actions';
  readonly elements: readonly ButtonElement[];
  readonly block_id?: string;
}

/** A large bold title, plain text ≤ 150. */
export interface HeaderBlock {
  readonly type: 'header';
  readonly text: PlainTextObject;
}

/** A horizontal rule. */
export interface DividerBlock {
  readonly type: 'divider';
}

/** A block of a message. */
export type Block = SectionBlock | ContextBlock | ActionsBlock | HeaderBlock | DividerBlock;

/** A single-line or multi-line text input (Slack has no masked input). */
export interface PlainTextInputElement {
  readonly type: 'plain_text_input';
  readonly action_id: string;
  readonly initial_value?: string;
  readonly placeholder?: PlainTextObject;
  readonly multiline?: boolean;
  readonly max_length?: number;
}

/** A date picker; its state value is `selected_date` as `YYYY-MM-DD`. */
export interface DatePickerElement {
  readonly type: 'datepicker';
  readonly action_id: string;
  readonly initial_date?: string;
  readonly placeholder?: PlainTextObject;
}

/** A labelled input of a modal; its value arrives as `state.values[block_id][action_id]`. */
export interface InputBlock {
  readonly type: 'input';
  readonly block_id: string;
  readonly label: PlainTextObject;
  readonly element: PlainTextInputElement | DatePickerElement;
  readonly hint?: PlainTextObject;
  readonly optional?: boolean;
}

/** A block of a modal view. */
export type ModalBlock = Block | InputBlock;

/** A modal view for `views.open` / `views.update`. */
export interface ModalView {
  readonly type: 'modal';
  readonly callback_id: string;
  readonly private_metadata?: string;
  readonly title: PlainTextObject;
  readonly submit: PlainTextObject;
  readonly close: PlainTextObject;
  readonly blocks: readonly ModalBlock[];
}

/** A message for `chat.postMessage` / `chat.update` / `chat.postEphemeral`. */
export interface BlockMessage {
  /** Notification and accessibility fallback, mrkdwn-escaped; always set. */
  readonly text: string;
  readonly blocks: readonly Block[];
}
