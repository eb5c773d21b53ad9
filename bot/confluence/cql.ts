import { AppError } from '../errors.js';

/** Longest search text (after normalisation) the bot sends to Confluence. */
export const MAX_SEARCH_TEXT_LENGTH = 500;

/** Most space keys one search may name. */
export const MAX_SEARCH_SPACES = 100;

const SPACE_KEY = /^~?[A-Za-z0-9]+$/;
const MAX_SPACE_KEY_LENGTH = 255;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const CONTROL_CHARS = /\p{Cc}/gu;
const LUCENE_SPECIALS = /[+\-&|!(){}[\]^~*?:\\/#]/g;
const LUCENE_WORD_OPERATORS = /(?<![\p{L}\p{N}_])(AND|OR|NOT|TO)(?![\p{L}\p{N}_])/gu;

/**
 * Turns a user's search words into plain keywords for a CQL `text ~` literal: lone surrogates and
 * control characters (CR, LF, NUL...) are dropped, Lucene operators (`+ - & | ! ( ) { } [ ] ^ ~
 * * ? : \ / #`) become spaces, the Lucene word operators AND/OR/NOT/TO are lower-cased, an
 * unpaired `"` is removed (paired quotes stay: a quoted phrase), and whitespace is collapsed.
 * Pure; may return the empty string.
 */
export function normaliseSearchText(words: string): string {
  let text = words
    .replace(LONE_SURROGATE, ' ')
    .replace(CONTROL_CHARS, ' ')
    .replace(LUCENE_SPECIALS, ' ')
    .replace(LUCENE_WORD_OPERATORS, (op) => op.toLowerCase());
  const quotes = text.split('"').length - 1;
  if (quotes % 2 === 1) {
    const last = text.lastIndexOf('"');
    text = `${text.slice(0, last)} ${text.slice(last + 1)}`;
  }
  return text.replace(/\s+/g, ' ').trim().replace(/""/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Writes `value` as one CQL double-quoted string literal: `\` becomes `\\` first, then `"` becomes
 * `\"`. Whatever `value` holds, the result is exactly one literal token.
 */
export function quoteCqlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * Checks one space key against `^~?[A-Za-z0-9]+$` (personal spaces start with `~`).
 *
 * @throws AppError `INPUT_INVALID` when the key cannot be a Confluence space key.
 */
export function assertSpaceKey(key: string): string {
  if (key.length > MAX_SPACE_KEY_LENGTH || !SPACE_KEY.test(key)) {
    throw new AppError('INPUT_INVALID', {
      userMessage: 'That is not a valid Confluence space key.',
      message: 'Invalid space key',
    });
  }
  return key;
}

/** Most words or phrases one any-of search ({@link buildAnyWordsCql}) may carry. */
export const MAX_ANY_TERMS = 32;

function spacesClause(spaceKeys: readonly string[]): string {
  const keys = [...new Set(spaceKeys.map(assertSpaceKey))];
  if (keys.length === 0 || keys.length > MAX_SEARCH_SPACES) {
    throw new AppError('INPUT_INVALID', {
      userMessage: `Search needs between 1 and ${MAX_SEARCH_SPACES} spaces.`,
      message: 'Bad number of space keys',
    });
  }
  return `type = page AND space IN (${keys.map(quoteCqlString).join(',')})`;
}

function tooLong(): AppError {
  return new AppError('INPUT_INVALID', {
    userMessage: `Search text is too long (at most ${MAX_SEARCH_TEXT_LENGTH} characters).`,
    message: 'Search text too long',
  });
}

/**
 * Builds the search command and question searches send:
 * `type = page AND space IN ("A","B") AND text ~ "<words>" ORDER BY lastmodified DESC`
 * (`title ~` instead of `text ~` for a page named by its title).
 * The words are normalised with {@link normaliseSearchText} and emitted as one quoted literal, so
 * no user input can add clauses, spaces or operators to the query. Duplicate keys are dropped.
 *
 * @throws AppError `INPUT_INVALID` when the words are empty after normalisation or too long, or
 * when there is no space key, too many, or an invalid one.
 */
export function buildSearchCql(
  words: string,
  spaceKeys: readonly string[],
  field: 'text' | 'title' = 'text',
): string {
  const spaces = spacesClause(spaceKeys);
  const text = normaliseSearchText(words);
  if (text.length === 0) {
    throw new AppError('INPUT_INVALID', {
      userMessage: 'Tell me what to search for (plain words).',
      message: 'Empty search text',
    });
  }
  if (text.length > MAX_SEARCH_TEXT_LENGTH) throw tooLong();
  return `${spaces} AND ${field} ~ ${quoteCqlString(text)} ORDER BY lastmodified DESC`;
}

/**
 * Builds a search for pages containing ANY of `terms` (question answering: a question's words and
 * their synonyms): `type = page AND space IN ("A") AND (text ~ "a" OR text ~ "\"b c\"")`, with no
 * ORDER BY so Confluence ranks by relevance. Each term is normalised like the words of
 * {@link buildSearchCql} with every `"` dropped; a term of several words becomes one quoted phrase;
 * empty and repeated terms are dropped. Every literal goes through {@link quoteCqlString}, so no term
 * can add clauses, spaces or operators.
 *
 * @throws AppError `INPUT_INVALID` when no term is left, there are more than MAX_ANY_TERMS, their
 * text together is over MAX_SEARCH_TEXT_LENGTH, or the space keys are unusable (as buildSearchCql).
 */
export function buildAnyWordsCql(terms: readonly string[], spaceKeys: readonly string[]): string {
  const spaces = spacesClause(spaceKeys);
  const texts = [
    ...new Set(terms.map((term) => normaliseSearchText(term.replace(/"/g, ' ')).toLowerCase())),
  ].filter((text) => text !== '');
  if (texts.length === 0) {
    throw new AppError('INPUT_INVALID', {
      userMessage: 'Tell me what to search for (plain words).',
      message: 'Empty search text',
    });
  }
  if (texts.length > MAX_ANY_TERMS) {
    throw new AppError('INPUT_INVALID', {
      userMessage: 'That question has too many words to search for at once.',
      message: 'Too many search terms',
    });
  }
  if (texts.reduce((sum, text) => sum + text.length, 0) > MAX_SEARCH_TEXT_LENGTH) throw tooLong();
  const literals = texts.map((text) => `text ~ ${quoteCqlString(text.includes(' ') ? `"${text}"` : text)}`);
  return `${spaces} AND (${literals.join(' OR ')})`;
}
