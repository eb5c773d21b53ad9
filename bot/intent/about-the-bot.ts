import { allWordsFrom, closedWordsOf, FUNCTION_WORDS, wordSet } from './closed-words.js';

/**
 * Messages about the bot's approval queue rather than about a page ("is my request still pending?",
 * "anything in my inbox to approve?", "did someone send me something to OK?"): every word is one
 * such messages are made of, and one of them is about approving or the queue. A word that names
 * something else ("leave", "travel", "expense", "Workday") keeps the message a question.
 */
const QUEUE_WORDS = wordSet(
  // approving and deciding
  'approve approves approved approving approval approvals approver approvers sign signed signoff signoffs ' +
    'off ok okay ack go ahead goahead decide decided decision decisions reject rejected rejection review ' +
    'reviews reviewed accept accepted deny denied ' +
    // the queue and what sits in it
    'pending waiting awaiting outstanding open queue queued inbox list request requests requested ' +
    'change changes edit edits update updates write writes page pages creation item items thing things stuff ' +
    'one ones anything something everything nothing all status state ' +
    // who and when
    'someone somebody anyone anybody people person colleague colleagues everyone team ' +
    'today now yet currently moment rn yesterday week morning lately recently still ' +
    // asking about it
    'show see check look view tell give need needs needed should gotta ought keep happened happen many ' +
    'much made make asked ask sent send submitted ping pinged pinging notified notification notifications ' +
    'email emails message messages mine sitting sits sit lying there offs let know create created gone go went ' +
    'through done finished',
);
/** Approval words as typed ("approval", "aprovals", "approvls"), "signoff", deciding and rejecting. */
const APPROVING = /^(?:ap+rov\w*|signoffs?|decisions?|reject\w*)$/;
/** Where requests wait: a word for the queue. */
const QUEUED = /^(?:pending|waiting|awaiting|outstanding|queue|queued|inbox)$/;
/** Phrases that name approving in more than one word ("sign off", "to OK", "my go-ahead"). */
const APPROVING_PHRASE = /\bsign\s*-?\s*off\b|\b(?:to|my)\s+(?:ok|okay)\b|\bgo\s*-?\s*ahead\b/i;
/** The user's own write requests ("my request", "the change I asked for", "the requests I made"). */
const OWN_REQUEST =
  /\bmy\s+(?:\w+\s+)?(?:requests?|changes?|edits?|updates?|writes?)\b|\b(?:requests?|changes?|edits?|updates?|pages?)\s+(?:that\s+)?i\s+(?:made|asked|sent|submitted|requested)\b|\bi(?:'ve|\s+have)?\s+(?:requested|submitted)\b/i;

/** True for a message about the approval queue, said in any words (see {@link QUEUE_WORDS}). */
export function isAboutApprovalQueue(text: string): boolean {
  const words = closedWordsOf(text);
  if (!allWordsFrom(words, FUNCTION_WORDS, QUEUE_WORDS)) return false;
  return (
    words.some((word) => APPROVING.test(word) || QUEUED.test(word)) ||
    APPROVING_PHRASE.test(text) ||
    OWN_REQUEST.test(text)
  );
}
