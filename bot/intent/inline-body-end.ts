import { WRITE_WORD } from './classify-text.js';

/*
 * The end of a line that courtesy stripping took off, put back when it belongs to text for a page
 * ("add to X: staff need approval." keeps its full stop). Pure; looks at a bounded tail only.
 */

/** Characters at the end of the command looked for again in the line as typed. */
const INLINE_END_PROBE = 32;

/** A read's verb first ("show", "open", "bring up"): what follows names a page, it carries no page text. */
const READ_VERB_FIRST =
  /^(?:show|open|get|display|view|read|see|fetch|find|search|look\s+up|look\s+for|bring\s+up|pull\s+up|take\s+me\s+to|go\s+to)\b/i;

/** A read whose page name has a colon ("show Runbook: Redis thanks!"): its end is courtesy, not page text. */
function isPlainRead(core: string): boolean {
  return READ_VERB_FIRST.test(core) && !WRITE_WORD.test(core);
}

/**
 * `stripPoliteness` drops trailing punctuation, which is right for commands but loses content from
 * an inline body (`create "X" in ENG: It works.`): when the command carries `: text`, the original
 * line end is put back. The end is found from the last few characters of `core` only: searching a
 * long line for all of `core` can cost length × length on repetitive text.
 */
export function keepInlineBodyEnd(line: string, core: string): string {
  if (!/:\s*\S/.test(core) || isPlainRead(core)) return core;
  // Only the text after the command's colon is sure to be as typed: words before it may be reordered
  // ("rewrite the "Scope" section to say: …" reads "rewrite section "Scope" to say: …").
  const tail = core.slice(Math.max(core.length - INLINE_END_PROBE, core.indexOf(':') + 1));
  const at = line.lastIndexOf(tail);
  if (at < 0) return core;
  const end = withoutCourtesyAtEnd(withoutAskingTag(line.slice(at + tail.length).trimEnd()));
  // "can you write in Team Rituals: retro is biweekly?": the request's question mark, not the text's.
  const asked =
    /^\?+$/.test(end) && ASKED_OF_BOT.test(line) && !ASKS_ITSELF.test(core.slice(core.indexOf(':') + 1));
  return withoutRequestNote(asked ? core : `${core}${end}`);
}

/**
 * The command without a {@link REQUEST_NOTE_AT_END} after its text ("…: book a day ahead - need it
 * today"), which courtesy stripping keeps when a dash or a full stop may be the text's own. Only a note
 * after the command's colon; the text's own full stop stays.
 */
function withoutRequestNote(command: string): string {
  const from = Math.max(command.indexOf(':') + 1, command.length - INLINE_END_PROBE * 2);
  const note = REQUEST_NOTE_AT_END.exec(command.slice(from));
  if (!note) return command;
  return command.slice(0, from + note.index + (/^[.!?]/.test(note[0]) ? 1 : 0));
}

/** A line asked of the bot ("can you …", "could u pls …", "you can …?", "would you mind …", "is it possible to …"). */
const ASKED_OF_BOT =
  /^\s*(?:(?:hi|hey|hello|hiya)\b[\s,!]*)?(?:(?:please|pls|plz)\s+)?(?:(?:can|could|would|will)\s+(?:you|u|ya|we)\b|(?:you|u)\s+can\b|is\s+it\s+possible\b|(?:is\s+)?any\s+chance\b|would\s+you\s+mind\b)/i;
/** Text that is itself a question ("How do I get a badge?"): its question mark stays. */
const ASKS_ITSELF =
  /^\s*["“‘']?(?:what|how|where|when|why|who|whom|whose|which|can|could|do|does|did|is|are|was|were|will|would|should|shall|may|might|has|have|had|am)\b/i;

/**
 * A question that asks for the write just said, after its text ("…: check the status page. Can you do
 * it?", "…, could you add that?"): said to the bot, not text for the page. Kept as data.
 */
const ASKING_TAG_AT_END =
  /(?:^|[,;.!?]|\s[-–—])\s*(?:(?:so|and)\s+)?(?:can|could|would|will)\s+(?:you|u|ya)(?:\s+(?:please|pls|plz|kindly|just))?(?:\s+(?:add|put|write|include|insert|do|make|update|change|fix|sort)(?:\s+(?:it|that|this|them))?(?:\s+(?:in|on|there|for\s+me|for\s+us|please|pls))?)?\s*\?[\s?!]*$/i;

/**
 * A note to the bot about the write just asked, after its text ("…: book a day ahead. Let me know when it's
 * done", "… - need it today", "…. Is that possible?"): said to the bot, not text for the page. Kept as data.
 */
const REQUEST_NOTE_AT_END =
  /(?:[,;.!?]|\s[-–—])\s*(?:(?:so|and|pls|please)\s+)?(?:is\s+(?:that|this|it)\s+(?:possible|ok(?:ay)?|doable)|(?:let\s+me\s+know|lmk)(?:\s+(?:when|once|if)\s+(?:it'?s|its|it\s+is|that'?s|you'?re|you\s+are|done)(?:\s+(?:done|ready|up|live|created|finished))?)?|(?:(?:i|we)\s+)?need\s+(?:it|this|that|the\s+page)\s+(?:today|tonight|tomorrow|asap|urgently|soon|by\s+(?:today|tomorrow|tonight|eod|eow|(?:this\s+|next\s+)?\p{L}+day|the\s+end\s+of\s+the\s+(?:day|week))|for\s+(?:the|my|our|a|an)\s+\p{L}+(?:[\s-]\p{L}+)?))[\s?!.]*$/iu;

/** The end of a line put back after an inline text, without a closing {@link ASKING_TAG_AT_END}. */
function withoutAskingTag(end: string): string {
  const from = Math.max(0, end.length - INLINE_END_PROBE * 2);
  const tag = ASKING_TAG_AT_END.exec(end.slice(from));
  if (!tag) return end;
  // "…: Ana covers week 9. Can you add it?": the text's own full stop stays.
  const cut = from + tag.index + (/^[.!?]/.test(tag[0]) ? 1 : 0);
  return end.slice(0, cut);
}

/**
 * Thanks or "please" that close a request after its text ("add to X: Sam covers week 9, thanks!",
 * "…: laptops ship in 5 days pls 🙏", "… asap pls"): said to the bot, not text for the page. Kept as data.
 */
const COURTESY_AT_END =
  /(?:^|[\s,;.!?–—-])(?:(?:and|n|&)\s+)?(?:(?:asap|urgently)[\s,]+)?(?:please|pls|plz|thanks|thank\s+(?:you|u)|thankyou|thx|thnx|thanx|tx|ty|tysm|tyvm|cheers|ta|tia|many\s+thanks|much\s+appreciated|appreciated|(?:kind|best|warm)\s+regards|regards|lah|🙏)(?:\s+(?:so\s+much|a\s+lot|a\s+ton|a\s+bunch|heaps|loads|very\s+much|in\s+advance|again|mate|all|team|everyone|🙏))*[\s.!?🙏]*$/iu;

/** The end of a line put back after an inline text, without the courtesy that closes it ("!" stays). */
export function withoutCourtesyAtEnd(end: string): string {
  const courtesy = COURTESY_AT_END.exec(end.slice(-INLINE_END_PROBE * 2));
  if (!courtesy) return end;
  const cut = end.length - Math.min(end.length, INLINE_END_PROBE * 2) + courtesy.index;
  return end.slice(0, cut).replace(/[\s,;–—-]+$/, '');
}
