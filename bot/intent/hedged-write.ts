import type { Intent } from './types.js';

/**
 * A suggestion or an opinion about what someone could do, rather than a request to the bot: "we
 * should add more tests to the pipeline", "it would be nice to add a dark mode to the portal", "can we
 * add a new hire to payroll?", "maybe someone could update the rota".
 */
const SUGGESTION =
  /^(?:(?:i\s+(?:think|guess|reckon|feel\s+like)|maybe|perhaps|honestly|tbh|imo)[\s,]+)*(?:(?:we|i|you|u|they|someone|somebody|one|people|everyone)\s+(?:should|shud|shld|must|could|might|ought\s+to|really\s+should)|we\s+(?:need|have)\s+to|(?:it'?d|it\s+would|would|that'?d|it'?s|its|it\s+is)\s+be\s+(?:really\s+|so\s+|very\s+)?(?:great|nice|good|awesome|cool|helpful|handy|lovely|ideal|useful|better|best|wise)|(?:can|could|shall|should)\s+we)\b/i;

/** A question asked after the wish ("…, is that allowed?", "… - how do I do that?", "…, who do I ask?"). */
const QUESTION_AFTER =
  /[,;.!]\s*(?:(?:so|and|but)\s+)?(?:is|are|can|could|do|does|should|shall|will|would|what|what'?s|who|how|where|when|which|any\s+idea)\b[^,;.!]*\?\s*$|\s[-–—]\s*(?:is|can|do|what|who|how|where)\b[^,;.!]*\?\s*$/i;

/** A word that says the thing written to is a page ("the pipeline page", "the wiki"). */
const PAGE_WORD = /\b(?:page|pages|pg|doc|docs|document|documents|wiki|confluence|article)\b/i;

/** The page's words as typed say it is a title: a capitalised word, or a space key. */
function namesPage(intent: Extract<Intent, { kind: 'page-by-name' }>): boolean {
  const ref = intent.request.ref;
  if (ref.kind !== 'title-search') return true;
  return /\p{Lu}/u.test(ref.words) || ref.spaceKey !== undefined || PAGE_WORD.test(ref.words);
}

/**
 * An edit of a page named by its words only, read from a suggestion that shows no page ("we should add
 * more tests to the pipeline"): a page word, a title in capitals, quotes, text after a colon or on the
 * next lines would show one. Asked as a question it is a question, else unclear: no write is guessed.
 * `undefined` keeps the reading.
 */
export function unshownHedgedWrite(
  intent: Intent,
  head: string,
  bodyLines: string,
): 'question' | 'unclear' | undefined {
  if (intent.kind !== 'page-by-name' || intent.request.operation !== 'update') return undefined;
  const line = head.trim();
  if (!(SUGGESTION.test(line) || QUESTION_AFTER.test(line)) || bodyLines.trim().length > 0) return undefined;
  if (/["“”'‘’`:]/.test(line.replace(/\b\w+'\w+\b/g, '')) || PAGE_WORD.test(line) || namesPage(intent))
    return undefined;
  return /\?\s*$/.test(line) ? 'question' : 'unclear';
}
