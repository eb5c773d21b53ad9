import type { RequestCase } from '../../fixtures/intent/request-labels.js';

/**
 * Meaning-preserving changes to a request (metamorphic testing, issue 13): ways real people vary the
 * same request that a careful human would say do not change what is asked. Each perturbation says to
 * which kinds of request it applies: words added after a write could be part of the page text, so
 * only changes before the request or on a line of their own apply to writes; "?" is never added to a
 * command. Kept as data; tests/unit/intent/invariance.test.ts applies them to the training set.
 */

/** The kind of a labelled request, as the invariance test groups it. */
export type RequestKind =
  | 'search'
  | 'get by name'
  | 'get by id/title'
  | 'update'
  | 'create'
  | 'follow-up'
  | 'approvals'
  | 'help'
  | 'greeting'
  | 'question'
  | 'unclear';

export interface Perturbation {
  readonly name: string;
  /** Kinds it keeps the meaning of. */
  readonly kinds: readonly RequestKind[];
  /** The changed text, or undefined when it does not apply to this text (`item` is the labelled request). */
  readonly apply: (text: string, item: RequestCase) => string | undefined;
  /** The voice it models, for the tenth round's families (chatty, non-native); the rest have none. */
  readonly family?: VoiceFamily;
}

/**
 * Voices measured on their own (issue 13): the tenth round's two weakest on the held-out set (chatty,
 * non-native), and the eleventh round's habits of real chat traffic (channel formatting, phone typing,
 * everyday phrasings of other regions' Englishes, greetings and thanks around a request).
 */
export type VoiceFamily = 'chatty' | 'non-native' | 'channel' | 'phone' | 'regional' | 'greetings';

/** The kind of `item` from its label. */
export function requestKind(item: RequestCase): RequestKind {
  const expect = item.expect as { kind?: string; request?: { operation?: string; ref?: { kind?: string } } };
  const operation = expect.request?.operation;
  switch (expect.kind) {
    case 'page-by-name':
      return operation === 'update' ? 'update' : 'get by name';
    case 'operation':
      if (operation === 'search') return 'search';
      if (operation === 'create') return 'create';
      return operation === 'update' ? 'update' : 'get by id/title';
    case 'follow-up':
    case 'approvals':
    case 'help':
    case 'greeting':
    case 'question':
      return expect.kind;
    default:
      return 'unclear';
  }
}

const READS: readonly RequestKind[] = ['search', 'get by name', 'get by id/title', 'follow-up'];
const ASKS: readonly RequestKind[] = [...READS, 'approvals', 'help'];
const WRITES: readonly RequestKind[] = ['update', 'create'];
const COMMANDS: readonly RequestKind[] = [...ASKS, ...WRITES];
const ANY: readonly RequestKind[] = [...COMMANDS, 'question'];
/** Kinds with no case-sensitive field (a quoted title, a URL, page text): all lower case keeps them. */
const LOWER_CASE_KINDS: readonly RequestKind[] = [
  'search',
  'get by name',
  'follow-up',
  'approvals',
  'help',
  'question',
];
/** Kinds whose "page" is a page noun (in a follow-up it can be a page of results). */
const PAGE_KINDS: readonly RequestKind[] = ['search', 'get by name', 'get by id/title', 'update', 'create'];

/** Verbs that start a request in the imperative: courtesy may go before them. */
const IMPERATIVE =
  /^(?:find|search|look|show|get|open|pull|fetch|bring|give|list|check|update|add|append|change|edit|replace|rename|create|make|start|set|put|write|draft|insert|fix|correct|post)\b/i;
/** A question that starts with its question word (its "?" can go without making it unclear). */
const QUESTION_WORD_FIRST = /^(?:what|who|where|when|why|how|which|is|are|does|do|can|should)\b/i;

/** The part of a request before any page text: up to a quote, a colon, a line break or "saying". */
function commandEnd(text: string): number {
  const match = /["“‘:\n]|\b(?:saying|says|with|that)\b/i.exec(text);
  return match ? match.index : text.length;
}

/** Replaces the first match of `pattern` in the command part of `text` (undefined when none). */
function inCommand(text: string, pattern: RegExp, replace: (match: string) => string): string | undefined {
  const end = commandEnd(text);
  const match = pattern.exec(text.slice(0, end));
  if (!match) return undefined;
  return text.slice(0, match.index) + replace(match[0]) + text.slice(match.index + match[0].length);
}

const before = (prefix: string) => (text: string) => prefix + text;
const after = (suffix: string) => (text: string) => text.replace(/\s+$/, '') + suffix;
/** Courtesy before an imperative verb ("could you open …"). */
const askingBefore = (prefix: string) => (text: string) =>
  IMPERATIVE.test(text) ? prefix + text.charAt(0).toLowerCase() + text.slice(1) : undefined;
/** A greeting before a request: the request keeps its own first letter. */
const greeted = (greeting: string) => before(greeting);

export const PERTURBATIONS: readonly Perturbation[] = [
  // a greeting first
  { name: 'greeting "hi, "', kinds: ANY, apply: greeted('hi, ') },
  { name: 'greeting "hey team - "', kinds: ANY, apply: greeted('hey team - ') },
  { name: 'greeting "morning! "', kinds: ANY, apply: greeted('morning! ') },
  { name: 'greeting "Hello,\\n"', kinds: ANY, apply: greeted('Hello,\n') },
  { name: 'greeting "hi there 👋 "', kinds: ANY, apply: greeted('hi there 👋 ') },
  { name: 'greeting "yo "', kinds: ANY, apply: greeted('yo ') },
  { name: 'greeting "@confluence "', kinds: ANY, apply: greeted('@confluence ') },
  { name: 'greeting "hey, quick one: "', kinds: ANY, apply: greeted('hey, quick one: ') },
  { name: 'greeting "sorry to bother - "', kinds: ANY, apply: greeted('sorry to bother - ') },
  // courtesy before an imperative
  { name: 'courtesy "could you "', kinds: COMMANDS, apply: askingBefore('could you ') },
  { name: 'courtesy "can u "', kinds: COMMANDS, apply: askingBefore('can u ') },
  { name: 'courtesy "pls "', kinds: COMMANDS, apply: askingBefore('pls ') },
  { name: 'courtesy "please "', kinds: COMMANDS, apply: askingBefore('please ') },
  { name: 'courtesy "when you get a sec, "', kinds: COMMANDS, apply: askingBefore('when you get a sec, ') },
  // courtesy after (not after a write: it could be the page text)
  { name: 'courtesy ", please"', kinds: ASKS, apply: after(', please') },
  { name: 'courtesy " pls"', kinds: ASKS, apply: after(' pls') },
  { name: 'courtesy " thanks!"', kinds: [...ASKS, 'question'], apply: after(' thanks!') },
  { name: 'courtesy " ty"', kinds: ASKS, apply: after(' ty') },
  { name: 'courtesy " cheers"', kinds: ASKS, apply: after(' cheers') },
  { name: 'courtesy " when you get a sec"', kinds: ASKS, apply: after(' when you get a sec') },
  // chat residue after
  { name: 'residue " :)"', kinds: [...ASKS, 'question'], apply: after(' :)') },
  { name: 'residue " 🙏"', kinds: [...ASKS, 'question'], apply: after(' 🙏') },
  { name: 'residue " lol"', kinds: ASKS, apply: after(' lol') },
  {
    name: 'residue "!!"',
    kinds: ASKS,
    apply: (text) => (/[\p{L}\p{N}]$/u.test(text) ? `${text}!!` : undefined),
  },
  { name: 'residue " asap"', kinds: READS, apply: after(' asap') },
  { name: 'residue " 🙂"', kinds: [...ASKS, 'question'], apply: after(' 🙂') },
  { name: 'residue " ;)"', kinds: [...ASKS, 'question'], apply: after(' ;)') },
  { name: 'residue " xD"', kinds: ASKS, apply: after(' xD') },
  {
    name: 'courtesy " thank you so much!"',
    kinds: [...ASKS, 'question'],
    apply: after(' thank you so much!'),
  },
  { name: 'courtesy ", much appreciated"', kinds: ASKS, apply: after(', much appreciated') },
  { name: 'courtesy ", no rush"', kinds: ASKS, apply: after(', no rush') },
  { name: 'courtesy " thx in advance"', kinds: ASKS, apply: after(' thx in advance') },
  // case
  { name: 'case: all lower', kinds: LOWER_CASE_KINDS, apply: (text) => text.toLowerCase() },
  {
    name: 'case: first letter upper',
    kinds: ANY,
    apply: (text) => text.charAt(0).toUpperCase() + text.slice(1),
  },
  {
    name: 'case: command verb in capitals',
    kinds: COMMANDS,
    apply: (text) => {
      const verb = IMPERATIVE.exec(text);
      return verb ? verb[0].toUpperCase() + text.slice(verb[0].length) : undefined;
    },
  },
  // punctuation at the end
  {
    name: 'end: "." dropped',
    kinds: ASKS,
    apply: (text) => (/[^.]\.$/.test(text) ? text.slice(0, -1) : undefined),
  },
  {
    name: 'end: "?" dropped',
    kinds: ['question'],
    apply: (text) => (text.endsWith('?') && QUESTION_WORD_FIRST.test(text) ? text.slice(0, -1) : undefined),
  },
  {
    name: 'end: "." added',
    kinds: ASKS,
    apply: (text) => (/[\p{L}\p{N}]$/u.test(text) ? `${text}.` : undefined),
  },
  // whitespace
  {
    name: 'space doubled',
    kinds: ANY,
    apply: (text) => (text.includes(' ') ? text.replace(' ', '  ') : undefined),
  },
  { name: 'line break before', kinds: ANY, apply: before('\n') },
  // Spaces after page text are kept as typed (a body is taken exactly), so only before a write.
  { name: 'spaces around', kinds: [...ASKS, 'question'], apply: (text) => `  ${text}  ` },
  { name: 'spaces before', kinds: WRITES, apply: (text) => `  ${text}` },
  // page nouns and articles (in the command part only)
  {
    name: 'page noun: "page" → "doc"',
    kinds: PAGE_KINDS,
    apply: (text) => (/wiki page/i.test(text) ? undefined : inCommand(text, /\bpage\b/, () => 'doc')),
  },
  {
    name: 'page noun: "page" → "wiki page"',
    kinds: PAGE_KINDS,
    apply: (text) =>
      /wiki|confluence/i.test(text) ? undefined : inCommand(text, /\bpage\b/, () => 'wiki page'),
  },
  {
    name: '"the" dropped before a page name',
    kinds: ['get by name', 'update'],
    apply: (text) => inCommand(text, /(?<=\S )the (?=\S)/i, () => ''),
  },
  // "the" before an unquoted title, "page" after a plain one: "open VPN Setup Guide" is "open the VPN Setup Guide (page)"
  {
    name: '"the" added before a page name',
    kinds: ['get by name'],
    apply: (text) => {
      const read = /^(?:open|show me|show|pull up|bring up|get) (?=[A-Z][\w-]* [A-Z])/.exec(text);
      return read ? `${read[0]}the ${text.slice(read[0].length)}` : undefined;
    },
  },
  {
    name: '"page" added after a page name',
    kinds: ['get by name'],
    apply: (text) => {
      const name = /^(?:open|show me|show|pull up|bring up) the ([\w.& -]+)$/.exec(text)?.[1];
      if (
        name === undefined ||
        /\b(?:in|from|on|can|please|plz|pls|you|for|me|page|doc|guide|one|it)\b/i.test(name)
      )
        return undefined;
      return `${text} page`;
    },
  },
  // quotes as a phone types them, a space as pasted
  {
    name: 'quotes typed curly',
    kinds: COMMANDS,
    apply: (text) => (/"[^"\n]+"/.test(text) ? text.replace(/"([^"\n]+)"/, '“$1”') : undefined),
  },
  {
    name: 'no-break space',
    kinds: ANY,
    apply: (text) => (text.includes(' ') ? text.replace(' ', '\u00a0') : undefined),
  },
  // the same request asked, or with a word before it
  {
    name: '"?" after an asked request',
    kinds: ASKS,
    apply: (text) =>
      /^(?:can|could|would) (?:you|u)\b/i.test(text) && /[\p{L}\p{N}]$/u.test(text) ? `${text}?` : undefined,
  },
  { name: 'lead "also, "', kinds: COMMANDS, apply: askingBefore('also, ') },
  { name: 'lead "ok so "', kinds: COMMANDS, apply: askingBefore('ok so ') },
  { name: 'lead "I need you to "', kinds: COMMANDS, apply: askingBefore('I need you to ') },
  { name: 'lead "could you please "', kinds: COMMANDS, apply: askingBefore('could you please ') },
  {
    name: 'email form "Hi,\\n\\n … \\n\\nThanks,\\nAna"',
    kinds: COMMANDS,
    apply: (text) => `Hi,\n\n${text}\n\nThanks,\nAna`,
  },
  // more ways to open and close
  { name: 'greeting "👋 "', kinds: ANY, apply: greeted('👋 ') },
  { name: 'greeting "bot, "', kinds: ANY, apply: greeted('bot, ') },
  { name: 'greeting "hi Confluence bot, "', kinds: ANY, apply: greeted('hi Confluence bot, ') },
  { name: 'courtesy ", if you can"', kinds: ASKS, apply: after(', if you can') },
  { name: 'courtesy ", ok?"', kinds: READS, apply: after(', ok?') },
  { name: 'reason ", it\'s urgent"', kinds: READS, apply: after(", it's urgent") },
  {
    name: 'reason " - need it for a call"',
    kinds: ['search', 'get by name'],
    apply: after(' - need it for a call'),
  },
  {
    name: 'reason " because I\'m new here"',
    kinds: ['search', 'get by name'],
    apply: after(" because I'm new here"),
  },
  { name: 'combined write: "hi team - pls …"', kinds: WRITES, apply: askingBefore('hi team - pls ') },
  {
    name: 'case: ALL CAPS',
    kinds: LOWER_CASE_KINDS.filter((kind) => kind !== 'question'),
    apply: (text) => text.toUpperCase(),
  },
  {
    name: 'case: Title Case',
    kinds: LOWER_CASE_KINDS.filter((kind) => kind !== 'question'),
    apply: (text) =>
      text.replace(/(^|\s)(\p{Ll})/gu, (_all, space: string, letter: string) => space + letter.toUpperCase()),
  },
  // courtesy in brackets or after a dash, a doubled "?", a greeting line of its own
  { name: 'courtesy " (thanks!)"', kinds: [...ASKS, 'question'], apply: after(' (thanks!)') },
  { name: 'courtesy " - thanks"', kinds: [...ASKS, 'question'], apply: after(' - thanks') },
  { name: 'residue " 👍"', kinds: [...ASKS, 'question'], apply: after(' 👍') },
  {
    name: 'end: "?" doubled',
    kinds: ['question'],
    apply: (text) => (text.endsWith('?') ? `${text}?` : undefined),
  },
  { name: 'greeting "Good morning team,\\n\\n"', kinds: ANY, apply: greeted('Good morning team,\n\n') },
  { name: 'courtesy "kindly "', kinds: COMMANDS, apply: askingBefore('kindly ') },
  {
    name: 'courtesy "pls" after the verb',
    kinds: COMMANDS,
    apply: (text) =>
      inCommand(text, /^(?:open|show|find|search|create|update|add)\b/i, (verb) => `${verb} pls`),
  },
  // one courtesy or wish said another way, in the command words
  {
    name: 'swap "please" → "pls"',
    kinds: COMMANDS,
    apply: (text) => inCommand(text, /\bplease\b/i, () => 'pls'),
  },
  {
    name: 'swap "pls" → "please"',
    kinds: COMMANDS,
    apply: (text) => inCommand(text, /\b(?:pls|plz)\b/i, () => 'please'),
  },
  {
    name: 'swap "can you" → "could you"',
    kinds: COMMANDS,
    apply: (text) => inCommand(text, /\bcan you\b/i, () => 'could you'),
  },
  {
    name: 'swap "could you" → "can u"',
    kinds: COMMANDS,
    apply: (text) => inCommand(text, /\bcould you\b/i, () => 'can u'),
  },
  {
    name: 'swap "I\'d like" → "I would like"',
    kinds: COMMANDS,
    apply: (text) => inCommand(text, /\bI'?d like\b/i, () => 'I would like'),
  },
  {
    name: 'swap "I would like" → "I\'d like"',
    kinds: COMMANDS,
    apply: (text) => inCommand(text, /\bI would like\b/i, () => "I'd like"),
  },
  {
    name: 'swap "I want to" → "I wanna"',
    kinds: COMMANDS,
    apply: (text) => inCommand(text, /\bI want to\b/i, () => 'I wanna'),
  },
  {
    name: 'swap "I need" → "I really need"',
    kinds: COMMANDS,
    apply: (text) => inCommand(text, /\bI need\b/i, () => 'I really need'),
  },
  // where the page text starts: a marker line joined to the command, a create's text moved to the next line
  {
    name: 'marker line joined to the command',
    kinds: ['update'],
    apply: (text) =>
      /^[^\n]+\n(?:append|section|replace|body|title)\b[^\n]*$/i.test(text)
        ? text.replace('\n', ' ')
        : undefined,
  },
  {
    name: 'create text after "in KEY:" moved to the next line',
    kinds: ['create'],
    apply: (text) => {
      const match = /^([^\n:"]*"[^"\n]+"[^\n:"]* in [A-Z]{2,10}): ([^\n]+)$/.exec(text);
      return match ? `${match[1]}\n${match[2]}` : undefined;
    },
  },
  // a sign-off on lines of its own
  { name: 'sign-off "\\n\\nThanks,\\nAna"', kinds: COMMANDS, apply: after('\n\nThanks,\nAna') },
  { name: 'sign-off "\\nthx"', kinds: COMMANDS, apply: after('\nthx') },
  { name: 'sign-off "\\n\\nSent from my iPhone"', kinds: COMMANDS, apply: after('\n\nSent from my iPhone') },
  { name: 'sign-off "\\n\\n-- \\nAna"', kinds: COMMANDS, apply: after('\n\n-- \nAna') },
  {
    name: 'sign-off "\\n\\nBest,\\nAna Lopez\\nPeople Team"',
    kinds: COMMANDS,
    apply: after('\n\nBest,\nAna Lopez\nPeople Team'),
  },
  // several at once, as people write
  {
    name: 'combined: "hi, could you … pls :)"',
    kinds: ASKS,
    apply: (text) => askingBefore('hi, could you ')(text)?.concat(' pls :)'),
  },
  {
    name: 'combined: "morning! can u … \\n\\nThanks,\\nAna"',
    kinds: COMMANDS,
    apply: (text) => askingBefore('morning! can u ')(text)?.concat('\n\nThanks,\nAna'),
  },
  {
    name: 'combined: lower case, " thanks!! 🙏"',
    kinds: LOWER_CASE_KINDS.filter((kind) => kind !== 'question'),
    apply: (text) => `${text.toLowerCase()} thanks!! 🙏`,
  },
  // a reason after a read
  {
    name: 'reason ", need it for onboarding"',
    kinds: ['search', 'get by name'],
    apply: after(', need it for onboarding'),
  },
];

/** The label's search words or page words, when it has them (to wrap them as Slack formats a name). */
function labelWords(item: RequestCase): string | undefined {
  const request = (item.expect as { request?: { words?: string; ref?: { words?: string } } }).request;
  return request?.ref?.words ?? request?.words;
}

/** `text` with the label's words wrapped in `open`/`close` where they appear as typed (case-insensitive). */
function wrapWords(text: string, words: string | undefined, open: string, close: string): string | undefined {
  if (words === undefined || words.length < 3) return undefined;
  const at = text.toLowerCase().indexOf(words.toLowerCase());
  if (at < 0 || text.indexOf('\n') >= 0) return undefined;
  const end = at + words.length;
  const bounded = (i: number) => i <= 0 || i >= text.length || !/[\p{L}\p{N}]/u.test(text.charAt(i));
  if (!bounded(at - 1) || !bounded(end)) return undefined;
  return text.slice(0, at) + open + text.slice(at, end) + close + text.slice(end);
}

/** The space key of the label, typed in the text after "in" ("in ENG"), or undefined. */
function spaceKeyAfterIn(text: string): RegExpExecArray | null {
  return / in (?=[A-Z][A-Z0-9]{1,9}\b(?! [a-z]*[A-Z]))/.exec(text.slice(0, commandEnd(text)));
}

/** A read that ends with its page's name, with emphasis after it ("open the X only"); not after courtesy or "?". */
function emphasised(text: string, word: string): string | undefined {
  return /^(?:open|show|get|pull up|bring up|find)\b/i.test(text) &&
    /[\p{L}\p{N}]$/u.test(text) &&
    !/\b(?:please|pls|plz|thanks|thx|you|u|it|asap)$/i.test(text)
    ? text + word
    : undefined;
}

/**
 * The tenth round's voices (issue 13): how chatty and non-native writers vary the same request. A
 * write gets its change before the request or on a line of its own (never words after its text); a
 * question keeps its question (nothing that makes it a request).
 */
export const VOICE_PERTURBATIONS: readonly Perturbation[] = [
  // chatty: context first, an aside, a story after, btw / fyi / one more thing, emoji, Slack formatting, line breaks
  {
    name: 'chatty: context sentence first "So we had the retro today and this came up. "',
    family: 'chatty',
    kinds: ANY,
    apply: before('So we had the retro today and this came up. '),
  },
  {
    name: 'chatty: "Quick one before standup — "',
    family: 'chatty',
    kinds: ANY,
    apply: before('Quick one before standup — '),
  },
  {
    name: 'chatty: context line "ok so long story short\\n"',
    family: 'chatty',
    kinds: ANY,
    apply: before('ok so long story short\n'),
  },
  {
    name: 'chatty: "Sorry, crazy day here 😅 "',
    family: 'chatty',
    kinds: ANY,
    apply: before('Sorry, crazy day here 😅 '),
  },
  {
    name: 'chatty: aside "can you — no rush — …"',
    family: 'chatty',
    kinds: COMMANDS,
    apply: askingBefore('can you — no rush — '),
  },
  {
    name: 'chatty: aside "could you (when you can) …"',
    family: 'chatty',
    kinds: COMMANDS,
    apply: askingBefore('could you (when you can) '),
  },
  { name: 'chatty: "btw can you …"', family: 'chatty', kinds: COMMANDS, apply: askingBefore('btw can you ') },
  {
    name: 'chatty: "fyi I need you to …"',
    family: 'chatty',
    kinds: COMMANDS,
    apply: askingBefore('fyi I need you to '),
  },
  { name: 'chatty: "one more thing: …"', family: 'chatty', kinds: ANY, apply: before('one more thing: ') },
  { name: 'chatty: "oh and also "', family: 'chatty', kinds: COMMANDS, apply: askingBefore('oh and also ') },
  {
    name: 'chatty: story after ", the new hire asked me about it earlier"',
    family: 'chatty',
    kinds: ['search', 'get by name'],
    apply: after(', the new hire asked me about it earlier'),
  },
  {
    name: 'chatty: story after " - client call in 10 min 😬"',
    family: 'chatty',
    kinds: ['search', 'get by name', 'get by id/title'],
    apply: after(' - client call in 10 min 😬'),
  },
  {
    name: 'chatty: run-on " and thanks a ton"',
    family: 'chatty',
    kinds: ASKS,
    apply: after(' and thanks a ton'),
  },
  { name: 'chatty: reaction " 🙏🙏"', family: 'chatty', kinds: [...ASKS, 'question'], apply: after(' 🙏🙏') },
  {
    name: 'chatty: Slack emoji " :pray:"',
    family: 'chatty',
    kinds: [...ASKS, 'question'],
    apply: after(' :pray:'),
  },
  { name: 'chatty: "haha " first', family: 'chatty', kinds: ANY, apply: before('haha ') },
  { name: 'chatty: " 🚀" after', family: 'chatty', kinds: ASKS, apply: after(' 🚀') },
  {
    name: 'chatty: name in Slack *bold*',
    family: 'chatty',
    kinds: ['get by name', 'search'],
    apply: (text, item) => wrapWords(text, labelWords(item), '*', '*'),
  },
  {
    name: 'chatty: words in Slack `code`',
    family: 'chatty',
    kinds: ['get by name', 'search'],
    apply: (text, item) => wrapWords(text, labelWords(item), '`', '`'),
  },
  {
    name: 'chatty: space key in `code`',
    family: 'chatty',
    kinds: ['search', 'get by name', 'create', 'update'],
    apply: (text) => {
      const at = spaceKeyAfterIn(text);
      if (!at) return undefined;
      const start = at.index + at[0].length;
      const key = /^[A-Z][A-Z0-9]{1,9}/.exec(text.slice(start))?.[0] ?? '';
      return `${text.slice(0, start)}\`${key}\`${text.slice(start + key.length)}`;
    },
  },
  { name: 'chatty: Slack quote "> " first', family: 'chatty', kinds: ASKS, apply: before('> ') },
  {
    name: 'chatty: greeting and request on lines of their own "hey!\\n\\n"',
    family: 'chatty',
    kinds: ANY,
    apply: before('hey!\n\n'),
  },
  { name: 'chatty: closing line "\\nty 🙏"', family: 'chatty', kinds: COMMANDS, apply: after('\nty 🙏') },
  {
    name: 'chatty: combined "hey so quick one — btw can you … lol 🙏"',
    family: 'chatty',
    kinds: ASKS,
    apply: (text) => askingBefore('hey so quick one — btw can you ')(text)?.concat(' lol 🙏'),
  },
  { name: 'chatty: ", lmk 🙏" after', family: 'chatty', kinds: READS, apply: after(', lmk 🙏') },
  { name: 'chatty: " pls and ty" after', family: 'chatty', kinds: ASKS, apply: after(' pls and ty') },
  {
    name: 'chatty: "you" → "u" in the command words',
    family: 'chatty',
    kinds: COMMANDS,
    apply: (text) => inCommand(text, /\byou\b/i, () => 'u'),
  },
  {
    name: 'chatty: question then "!!! 🙏"',
    family: 'chatty',
    kinds: ['question'],
    apply: (text) => (text.endsWith('?') ? `${text}!!! 🙏` : undefined),
  },
  { name: 'chatty: "hiii 👋 so " first', family: 'chatty', kinds: ANY, apply: before('hiii 👋 so ') },
  // non-native and other Englishes
  {
    name: 'non-native: "please do one thing, "',
    family: 'non-native',
    kinds: COMMANDS,
    apply: askingBefore('please do one thing, '),
  },
  {
    name: 'non-native: "the page of X" for "the X page"',
    family: 'non-native',
    kinds: ['get by name'],
    apply: (text) => {
      const match =
        /^(open|show me|show|pull up|bring up|get|find) the ([A-Z][\w&' -]+?) page\b([^\n:"]*)$/i.exec(text);
      return match && /^[A-Z]/.test(match[2]!) ? `${match[1]} the page of ${match[2]}${match[3]}` : undefined;
    },
  },
  {
    name: 'non-native: greeting "Hi, good morning. "',
    family: 'non-native',
    kinds: ANY,
    apply: greeted('Hi, good morning. '),
  },
  {
    name: 'non-native: "in KEY" → "inside KEY"',
    family: 'non-native',
    kinds: ['search', 'get by name'],
    apply: (text) => {
      const at = spaceKeyAfterIn(text);
      return at ? `${text.slice(0, at.index)} inside ${text.slice(at.index + at[0].length)}` : undefined;
    },
  },
  { name: 'non-native: "Kindly "', family: 'non-native', kinds: COMMANDS, apply: askingBefore('Kindly ') },
  {
    name: 'non-native: " and do the needful"',
    family: 'non-native',
    kinds: ASKS,
    apply: after(' and do the needful'),
  },
  {
    name: 'non-native: "\\nPlease do the needful."',
    family: 'non-native',
    kinds: COMMANDS,
    apply: after('\nPlease do the needful.'),
  },
  {
    name: 'non-native: "can you able to "',
    family: 'non-native',
    kinds: COMMANDS,
    apply: askingBefore('can you able to '),
  },
  {
    name: 'non-native: "I want that you "',
    family: 'non-native',
    kinds: COMMANDS,
    apply: askingBefore('I want that you '),
  },
  {
    name: 'non-native: "please to "',
    family: 'non-native',
    kinds: COMMANDS,
    apply: askingBefore('please to '),
  },
  {
    name: 'non-native: "can you please help to "',
    family: 'non-native',
    kinds: COMMANDS,
    apply: askingBefore('can you please help to '),
  },
  {
    name: 'non-native: "I am requesting you to "',
    family: 'non-native',
    kinds: COMMANDS,
    apply: askingBefore('I am requesting you to '),
  },
  {
    name: 'non-native: ", pls revert back"',
    family: 'non-native',
    kinds: ASKS,
    apply: after(', pls revert back'),
  },
  {
    name: 'non-native: " only" at the end',
    family: 'non-native',
    kinds: ['get by name'],
    apply: (text) => emphasised(text, ' only'),
  },
  {
    name: 'non-native: " itself" at the end',
    family: 'non-native',
    kinds: ['get by name'],
    apply: (text) => emphasised(text, ' itself'),
  },
  {
    name: 'non-native: ", pls check and share"',
    family: 'non-native',
    kinds: ['search', 'get by name', 'get by id/title'],
    apply: after(', pls check and share'),
  },
  {
    name: 'non-native: "I am needing" for "I need"',
    family: 'non-native',
    kinds: COMMANDS,
    apply: (text) => inCommand(text, /\bI need\b/i, () => 'I am needing'),
  },
  {
    name: 'non-native: "I am needing " before a read',
    family: 'non-native',
    kinds: ['get by name'],
    apply: (text) => {
      const read =
        /^(?:open|show me|show|pull up|bring up|get) (?:the )?(?!(?:me|us|up|for|it|pls|please)\b)/i.exec(
          text,
        );
      return read && !/\?$/.test(text) ? `I am needing the ${text.slice(read[0].length)}` : undefined;
    },
  },
  {
    name: 'non-native: "the" before a space key',
    family: 'non-native',
    kinds: ['search', 'get by name', 'create', 'update'],
    apply: (text) => {
      const at = spaceKeyAfterIn(text);
      return at ? `${text.slice(0, at.index)} in the ${text.slice(at.index + at[0].length)}` : undefined;
    },
  },
  {
    name: 'non-native: "search about" for "search for"',
    family: 'non-native',
    kinds: ['search'],
    apply: (text) => inCommand(text, /\bsearch for\b/i, () => 'search about'),
  },
  {
    name: 'non-native: "one page" for "a page"',
    family: 'non-native',
    kinds: ['create'],
    apply: (text) => inCommand(text, /\ba (?=(?:new )?page\b)/i, () => 'one '),
  },
  {
    name: 'non-native: greeting "Hello sir, "',
    family: 'non-native',
    kinds: ANY,
    apply: greeted('Hello sir, '),
  },
  {
    name: 'non-native: greeting "Dear team,\\n"',
    family: 'non-native',
    kinds: ANY,
    apply: greeted('Dear team,\n'),
  },
  {
    name: 'non-native: sign-off "\\n\\nThanks and regards,\\nRavi"',
    family: 'non-native',
    kinds: COMMANDS,
    apply: after('\n\nThanks and regards,\nRavi'),
  },
  {
    name: 'non-native: combined "Hi sir, kindly … asap"',
    family: 'non-native',
    kinds: ['get by name'],
    apply: (text) => askingBefore('Hi sir, kindly ')(text)?.concat(' asap'),
  },
  {
    name: 'non-native: "is it possible to "',
    family: 'non-native',
    kinds: COMMANDS,
    apply: askingBefore('is it possible to '),
  },
];

/** A message that asks nothing more after `text`: it ends in a letter, a digit or a closing bracket. */
const endsPlain = (text: string) => /[\p{L}\p{N})]$/u.test(text);
/** The label's words as typed in `text` (so a change that touches them is not a perturbation of form). */
const touchesLabel = (item: RequestCase, word: string) =>
  (labelWords(item) ?? '').toLowerCase().split(/\s+/).includes(word.toLowerCase());
/** Replaces the first `pattern` in the command part, unless the matched word is one of the label's words. */
const swapInCommand =
  (pattern: RegExp, replace: (match: string) => string) => (text: string, item: RequestCase) => {
    const match = pattern.exec(text.slice(0, commandEnd(text)));
    return match && !touchesLabel(item, match[0]) ? inCommand(text, pattern, replace) : undefined;
  };
/** A one-line read whose middle space becomes a line break, as a phone or Shift+Enter wraps it. */
function brokenInTheMiddle(text: string): string | undefined {
  if (text.includes('\n') || text.length < 12) return undefined;
  const middle = Math.floor(text.length / 2);
  const after = text.indexOf(' ', middle);
  const at = after > 0 ? after : text.lastIndexOf(' ', middle);
  return at > 0 ? `${text.slice(0, at)}\n${text.slice(at + 1)}` : undefined;
}
/** Phone contractions typed without their apostrophe ("I'm" → "Im"); never inside the label's words. */
const CONTRACTION =
  /\b(?:I'm|I'd|I've|I'll|don't|can't|won't|isn't|doesn't|didn't|what's|where's|who's|it's|that's|there's|let's|you're)\b/i;

/**
 * The eleventh round's voices (issue 13): habits real chat traffic brings. A write gets its change
 * before the request or on a line of its own (never words after its text); a question keeps its
 * question.
 */
export const CHANNEL_VOICE_PERTURBATIONS: readonly Perturbation[] = [
  // channel: Slack and Teams formatting, mentions, links, shortcodes, case, spacing, line breaks
  {
    name: 'channel: "@Confluence Assistant " first (Teams mention)',
    family: 'channel',
    kinds: ANY,
    apply: before('@Confluence Assistant '),
  },
  {
    // The Slack edge drops the bot's own mention, so "@priya @bot open X" arrives as "@priya  open X".
    name: 'channel: a colleague mentioned first "@priya "',
    family: 'channel',
    kinds: ANY,
    apply: before('@priya  '),
  },
  { name: 'channel: " cc @sam" after', family: 'channel', kinds: ASKS, apply: after(' cc @sam') },
  {
    name: 'channel: name in Slack _italics_',
    family: 'channel',
    kinds: ['get by name', 'search'],
    apply: (text, item) => wrapWords(text, labelWords(item), '_', '_'),
  },
  {
    name: 'channel: name in Teams **bold**',
    family: 'channel',
    kinds: ['get by name', 'search'],
    apply: (text, item) => wrapWords(text, labelWords(item), '**', '**'),
  },
  {
    name: 'channel: whole read in Slack *bold*',
    family: 'channel',
    kinds: READS,
    apply: (text) => (text.includes('\n') || text.includes('*') ? undefined : `*${text}*`),
  },
  { name: 'channel: bullet "• " first', family: 'channel', kinds: COMMANDS, apply: before('• ') },
  { name: 'channel: bullet "- " first', family: 'channel', kinds: ASKS, apply: before('- ') },
  // Slack's "<url|label>" links are decoded at its edge (bot/slack/decode-text.ts); a bare "<url>" as pasted from elsewhere.
  {
    name: 'channel: link in angle brackets "<url>"',
    family: 'channel',
    kinds: ['get by id/title', 'update'],
    apply: (text) => {
      const url = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)]/.exec(text);
      return url
        ? `${text.slice(0, url.index)}<${url[0]}>${text.slice(url.index + url[0].length)}`
        : undefined;
    },
  },
  { name: 'channel: ":wave: " first', family: 'channel', kinds: ANY, apply: before(':wave: ') },
  { name: 'channel: " :eyes:" after', family: 'channel', kinds: ASKS, apply: after(' :eyes:') },
  {
    name: 'channel: " :slightly_smiling_face: :+1:" after',
    family: 'channel',
    kinds: [...ASKS, 'question'],
    apply: after(' :slightly_smiling_face: :+1:'),
  },
  { name: 'channel: " thx!!" after', family: 'channel', kinds: ASKS, apply: after(' thx!!') },
  {
    name: 'channel: all lower case, no punctuation',
    family: 'channel',
    kinds: LOWER_CASE_KINDS.filter((kind) => kind !== 'question'),
    apply: (text) => text.toLowerCase().replace(/[.,!?;]+(?=\s|$)/g, ''),
  },
  {
    name: 'channel: ALL CAPS with "!!!"',
    family: 'channel',
    kinds: ['search', 'get by name', 'follow-up'],
    apply: (text) => (endsPlain(text) ? `${text.toUpperCase()}!!!` : undefined),
  },
  {
    name: 'channel: every space doubled',
    family: 'channel',
    kinds: [...ASKS, 'question'],
    apply: (text) => (text.includes(' ') ? text.replace(/ /g, '  ') : undefined),
  },
  {
    name: 'channel: a line break in the middle',
    family: 'channel',
    kinds: ['search', 'get by name', 'get by id/title', 'approvals', 'help'],
    apply: brokenInTheMiddle,
  },
  {
    name: 'channel: a trailing line break and spaces',
    family: 'channel',
    kinds: [...ASKS, 'question'],
    apply: (text) => `${text}\n  `,
  },
  // phone: short forms, missing apostrophes, predictive text
  {
    name: 'phone: "please" → "plz"',
    family: 'phone',
    kinds: COMMANDS,
    apply: swapInCommand(/\b(?:please|pls)\b/i, () => 'plz'),
  },
  {
    name: 'phone: "your"/"you\'re" → "ur"',
    family: 'phone',
    kinds: ANY,
    apply: swapInCommand(/\b(?:your|you're)\b/i, () => 'ur'),
  },
  {
    name: 'phone: contraction without its apostrophe',
    family: 'phone',
    kinds: ANY,
    apply: swapInCommand(CONTRACTION, (word) => word.replace("'", '')),
  },
  {
    name: 'phone: "search for" → "search 4"',
    family: 'phone',
    kinds: ['search'],
    apply: swapInCommand(/\b(?:search|look) for\b/i, (words) => words.replace(/for$/i, '4')),
  },
  { name: 'phone: " plz thx" after', family: 'phone', kinds: ASKS, apply: after(' plz thx') },
  {
    name: 'phone: " b4 my 1:1" after',
    family: 'phone',
    kinds: ['search', 'get by name'],
    apply: after(' b4 my 1:1'),
  },
  { name: 'phone: " rn pls" after', family: 'phone', kinds: READS, apply: after(' rn pls') },
  { name: 'phone: " n thx" after', family: 'phone', kinds: ASKS, apply: after(' n thx') },
  {
    name: 'phone: "can you" → "cn u"',
    family: 'phone',
    kinds: COMMANDS,
    apply: swapInCommand(/\bcan you\b/i, () => 'cn u'),
  },
  {
    name: 'phone: "could you" → "cud u"',
    family: 'phone',
    kinds: COMMANDS,
    apply: swapInCommand(/\bcould you\b/i, () => 'cud u'),
  },
  { name: 'phone: "pls can u " first', family: 'phone', kinds: COMMANDS, apply: askingBefore('pls can u ') },
  {
    name: 'phone: "i" for "I" in the command words',
    family: 'phone',
    kinds: ANY,
    apply: swapInCommand(/\bI(?= )/, () => 'i'),
  },
  {
    name: 'phone: predictive text doubles "the"',
    family: 'phone',
    kinds: ['search', 'get by name', 'update'],
    apply: (text, item) =>
      /['‘]/.test(text) ? undefined : swapInCommand(/(?<=\S )the\b/i, (word) => `${word} the`)(text, item),
  },
  { name: 'phone: " tysm" after', family: 'phone', kinds: [...ASKS, 'question'], apply: after(' tysm') },
  // regional: everyday phrasings of other Englishes around a request
  {
    name: 'regional: ", at the earliest" after',
    family: 'regional',
    kinds: READS,
    apply: after(', at the earliest'),
  },
  { name: 'regional: " on priority" after', family: 'regional', kinds: READS, apply: after(' on priority') },
  {
    name: 'regional: "Request you to " first',
    family: 'regional',
    kinds: COMMANDS,
    apply: askingBefore('Request you to '),
  },
  {
    name: 'regional: "Please share me " for a read',
    family: 'regional',
    kinds: ['get by name'],
    apply: (text) => {
      const read = /^(?:open|show me|show|pull up|bring up|get|find) (?=the )/i.exec(text);
      return read && !/\?$/.test(text) ? `Please share me ${text.slice(read[0].length)}` : undefined;
    },
  },
  {
    name: 'regional: "Please, " first',
    family: 'regional',
    kinds: COMMANDS,
    apply: askingBefore('Please, '),
  },
  {
    name: 'regional: "I will like you to " first',
    family: 'regional',
    kinds: COMMANDS,
    apply: askingBefore('I will like you to '),
  },
  {
    name: 'regional: ". Thanks in anticipation" after',
    family: 'regional',
    kinds: ASKS,
    apply: after('. Thanks in anticipation'),
  },
  { name: 'regional: "Boss, " first', family: 'regional', kinds: COMMANDS, apply: askingBefore('Boss, ') },
  {
    name: 'regional: "Can help me " first',
    family: 'regional',
    kinds: COMMANDS,
    apply: askingBefore('Can help me '),
  },
  { name: 'regional: " lah" after', family: 'regional', kinds: READS, apply: after(' lah') },
  {
    name: 'regional: " can?" after',
    family: 'regional',
    kinds: ['search', 'get by name', 'get by id/title'],
    apply: (text) => (endsPlain(text) ? `${text} can?` : undefined),
  },
  {
    name: 'regional: "reckon you could " first',
    family: 'regional',
    kinds: COMMANDS,
    apply: askingBefore('reckon you could '),
  },
  {
    name: 'regional: "would you ever " first',
    family: 'regional',
    kinds: COMMANDS,
    apply: askingBefore('would you ever '),
  },
  {
    name: 'regional: " there" after',
    family: 'regional',
    kinds: ['get by name', 'get by id/title'],
    // Irish "there" after a read that names its page ("open the rota there"), not after bare words or courtesy.
    apply: (text) =>
      /^(?:open|show|get|pull up|bring up)\b/i.test(text) &&
      endsPlain(text) &&
      !/\b(?:there|pls|please|plz)$/i.test(text)
        ? `${text} there`
        : undefined,
  },
  {
    name: 'regional: "any chance you could " first',
    family: 'regional',
    kinds: COMMANDS,
    apply: askingBefore('any chance you could '),
  },
  {
    name: 'regional: "be a legend and " first',
    family: 'regional',
    kinds: COMMANDS,
    apply: askingBefore('be a legend and '),
  },
  {
    name: 'regional: "Kindly assist to " first',
    family: 'regional',
    kinds: COMMANDS,
    apply: askingBefore('Kindly assist to '),
  },
  {
    name: 'regional: "Hello, trust you are well. " first',
    family: 'regional',
    kinds: ANY,
    apply: greeted('Hello, trust you are well. '),
  },
  // greetings and thanks around the request
  {
    name: 'greetings: "morning all! " first',
    family: 'greetings',
    kinds: ANY,
    apply: greeted('morning all! '),
  },
  { name: 'greetings: "G\'day, " first', family: 'greetings', kinds: ANY, apply: greeted("G'day, ") },
  { name: 'greetings: "hiya " first', family: 'greetings', kinds: ANY, apply: greeted('hiya ') },
  {
    name: 'greetings: "Good afternoon. " first',
    family: 'greetings',
    kinds: ANY,
    apply: greeted('Good afternoon. '),
  },
  { name: 'greetings: "hey hey 👋 " first', family: 'greetings', kinds: ANY, apply: greeted('hey hey 👋 ') },
  { name: 'greetings: "hi again! " first', family: 'greetings', kinds: ANY, apply: greeted('hi again! ') },
  { name: 'greetings: "Good day. " first', family: 'greetings', kinds: ANY, apply: greeted('Good day. ') },
  {
    name: 'greetings: "Evening all,\\n" first',
    family: 'greetings',
    kinds: ANY,
    apply: greeted('Evening all,\n'),
  },
  {
    name: 'greetings: " cheers mate" after',
    family: 'greetings',
    kinds: [...ASKS, 'question'],
    apply: after(' cheers mate'),
  },
  { name: 'greetings: ", ta" after', family: 'greetings', kinds: ASKS, apply: after(', ta') },
  {
    name: 'greetings: " thanks heaps" after',
    family: 'greetings',
    kinds: [...ASKS, 'question'],
    apply: after(' thanks heaps'),
  },
  {
    name: 'greetings: ". Many thanks" after',
    family: 'greetings',
    kinds: ASKS,
    apply: after('. Many thanks'),
  },
  {
    name: 'greetings: ", much obliged" after',
    family: 'greetings',
    kinds: ASKS,
    apply: after(', much obliged'),
  },
  {
    name: 'greetings: " - thanks a bunch!" after',
    family: 'greetings',
    kinds: ASKS,
    apply: after(' - thanks a bunch!'),
  },
  {
    name: 'greetings: ", you\'re a legend" after',
    family: 'greetings',
    kinds: ASKS,
    apply: after(", you're a legend"),
  },
  {
    name: 'greetings: closing line "\\nthanks heaps!"',
    family: 'greetings',
    kinds: COMMANDS,
    apply: after('\nthanks heaps!'),
  },
  {
    name: 'greetings: both "morning! … cheers mate"',
    family: 'greetings',
    kinds: ASKS,
    apply: (text) => `morning! ${text.replace(/\s+$/, '')} cheers mate`,
  },
];

/**
 * Greetings, thanks and small talk alone (issue 13, eleventh round): each must read as a greeting,
 * never a search. Built from openers × what follows them, kept as data.
 */
const GREETING_OPENERS = [
  'hi',
  'hey',
  'hello',
  'hiya',
  'heya',
  'morning',
  'good morning',
  'good afternoon',
  'good evening',
  'good day',
  "g'day",
  'howdy',
  'yo',
  'hey there',
  'hi again',
  'hello hello',
  'top of the morning',
  'evening',
];
const THANKS = [
  'thanks',
  'thank you',
  'thanks heaps',
  'thanks a bunch',
  'many thanks',
  'cheers',
  'ta',
  'thx',
  'tysm',
  'much obliged',
  'thank u so much',
  'ok thanks',
  'thanks, that helps',
  'perfect, thanks',
  'great, ty',
];
const GREETING_TAILS = [
  '',
  '!',
  ' 👋',
  ' all',
  ' team',
  ' mate',
  ' bot',
  ' :wave:',
  ', how are you?',
  ' everyone!',
];
const THANKS_TAILS = ['', '!!', ' 🙏', ' mate', ', legend', ' :pray:', ' sir', ', you are a star', ' again'];

export const GREETINGS_ALONE: readonly string[] = [
  ...GREETING_OPENERS.flatMap((opener) => GREETING_TAILS.map((tail) => opener + tail)),
  ...THANKS.flatMap((thanks) => THANKS_TAILS.map((tail) => thanks + tail)),
];
