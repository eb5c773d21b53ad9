import type { Intent } from './types.js';

/**
 * What a reading is, in one word: a request's operation ("search", "get", "create", "update") for an
 * operation or a page named, else the intent's kind ("unclear", "question", "follow-up", …). The
 * rephrasing readers compare it to decide whether their reading may replace the line's own.
 */
export function readingKind(intent: Intent): string {
  return intent.kind === 'operation' || intent.kind === 'page-by-name'
    ? intent.request.operation
    : intent.kind;
}

/** The words and space of a search reading, or `undefined` for any other reading. */
export function searchOf(intent: Intent): { words: string; spaceKey?: string } | undefined {
  if (intent.kind !== 'operation' || intent.request.operation !== 'search') return undefined;
  return { words: intent.request.words, spaceKey: intent.request.spaceKey };
}
