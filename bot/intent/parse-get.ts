import { EXAMPLE_COMMANDS } from './examples.js';
import { checkTitle, findUrl, readPageRef } from './page-ref.js';
import { parseSearchWords } from './parse-search.js';
import { acceptSpaceWord, readSpaceClause } from './space-key.js';
import { TextCursor } from './text-cursor.js';
import type { Intent } from './types.js';

const UNQUOTED_TITLE =
  /^(?:the\s+)?(?:page\s+|doc\s+|document\s+)?(?:called\s+|named\s+|titled\s+)?(.+?)\s+(?:in|from|on)\s+(?:the\s+)?(?:(space)\s*:?\s*)?(~?[A-Za-z0-9]{1,254})(?:\s+(space))?$/i;
const TRAILING_NOISE = /^[\s.,;:!?)]*(?:(?:in\s+)?(?:here|chat|teams|the\s+chat))?[\s.,;:!?]*$/i;

function getTitle(remainder: string): Intent | undefined {
  const match = UNQUOTED_TITLE.exec(remainder);
  if (!match) return undefined;
  const spaceKey = acceptSpaceWord(match[3] ?? '', match[2] !== undefined || match[4] !== undefined);
  const title = (match[1] ?? '').replace(/\s+(?:page|doc|document|article)$/i, '').trim();
  if (!spaceKey || checkTitle(title) || /^(?:pages?|docs?|everything|anything)\b/i.test(title))
    return undefined;
  return { kind: 'operation', request: { operation: 'get', ref: { kind: 'title', title, spaceKey } } };
}

/**
 * Builds a get from what follows a get verb ("page 123", "https://…", "\"VPN Setup\" in ENG", or an
 * unquoted `Title in SPACE`; a link anywhere in the words wins). Words that name no page ("the onboarding docs") become a search, since
 * that is what people mean by "show me the onboarding docs". Nothing at all → failure.
 */
export function parseGetTarget(remainder: string): Intent {
  const text = remainder.trim();
  if (text.length === 0) {
    return {
      kind: 'failure',
      message: 'Which page? Give a page id, a page link, or a quoted title with its space.',
      suggestions: [
        'get 123456',
        'get "VPN Setup" in ENG',
        'get https://your-site.atlassian.net/wiki/spaces/ENG/pages/123456',
      ],
    };
  }
  const cursor = new TextCursor(text);
  const read = readPageRef(cursor);
  if (read?.kind === 'error') {
    return {
      kind: 'failure',
      message: read.message,
      suggestions: ['get "VPN Setup" in ENG', ...EXAMPLE_COMMANDS.slice(0, 1)],
    };
  }
  if (read?.kind === 'ref') {
    if (read.ref.kind !== 'title') readSpaceClause(cursor);
    if (read.ref.kind === 'url' || TRAILING_NOISE.test(cursor.rest())) {
      return { kind: 'operation', request: { operation: 'get', ref: read.ref } };
    }
  }
  const url = findUrl(text);
  if (url !== undefined)
    return { kind: 'operation', request: { operation: 'get', ref: { kind: 'url', url } } };
  return getTitle(text) ?? parseSearchWords(text);
}
