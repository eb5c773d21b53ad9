import type { ConfluenceClient } from '../confluence/types.js';

/** Most people looked up for one answer; mentions beyond are shown as UNKNOWN_PERSON. */
export const MAX_NAME_LOOKUPS = 8;
/** Look-ups in flight at once for one answer. */
export const NAME_LOOKUP_CONCURRENCY = 3;
/** How a mention reads when the person cannot be named. */
export const UNKNOWN_PERSON = 'a Confluence user';

const OPEN = '\uE000';
const CLOSE = '\uE001';
const PLACEHOLDER = /\uE000(\d{1,6})\uE001/g;
const ACCOUNT_ID = /\bri:account-id\s*=\s*(?:"([^"]*)"|'([^']*)')/;
const LINK_OPEN = /<ac:link\b[^<>]*>\s*$/;
const LINK_CLOSE = /^\s*<\/ac:link>/;

/** Storage whose user mentions are placeholders, and the account ids they stand for (by index). */
export interface MarkedStorage {
  readonly storage: string;
  readonly accountIds: readonly string[];
}

/**
 * Replaces every user mention in page storage with a placeholder (a private-use character pair
 * around the index of its account id) that survives conversion to Markdown as plain text:
 * `<ac:link><ri:user ri:account-id="…"/></ac:link>` as a whole, a bare `<ri:user …/>` by itself.
 * A mention link that has its own link text is left alone (the text is what people see). One pass
 * with indexOf (each `<ri:user` tag is read up to its first `>` and never re-read): linear.
 */
export function markMentions(storage: string, previous: readonly string[] = []): MarkedStorage {
  const accountIds = [...previous];
  const indexOf = new Map(accountIds.map((id, i) => [id, i]));
  const out: string[] = [];
  let cursor = 0;
  let from = 0;
  for (;;) {
    const start = storage.indexOf('<ri:user', from);
    if (start < 0) break;
    const end = storage.indexOf('>', start);
    if (end < 0) break;
    from = end + 1;
    const tag = storage.slice(start, end + 1);
    if (!tag.endsWith('/>') || !/^<ri:user[\s/]/.test(tag)) continue;
    const match = ACCOUNT_ID.exec(tag);
    const accountId = match?.[1] ?? match?.[2] ?? '';
    let index = indexOf.get(accountId);
    if (index === undefined) {
      index = accountIds.length;
      accountIds.push(accountId);
      indexOf.set(accountId, index);
    }
    const placeholder = `${OPEN}${index}${CLOSE}`;
    const lookBehind = storage.slice(Math.max(cursor, start - 200), start);
    const opener = LINK_OPEN.exec(lookBehind);
    const closer = LINK_CLOSE.exec(storage.slice(end + 1, end + 201));
    if (opener && closer) {
      out.push(storage.slice(cursor, start - (lookBehind.length - opener.index)), placeholder);
      cursor = end + 1 + closer[0].length;
      from = cursor;
    } else if (!opener && !/<ac:link\b[^<>]*>(?:(?!<\/ac:link>)[\s\S])*$/.test(lookBehind)) {
      out.push(storage.slice(cursor, start), placeholder);
      cursor = end + 1;
    }
  }
  out.push(storage.slice(cursor));
  return { storage: out.join(''), accountIds };
}

/** `text` without mention placeholders (for ranking: a placeholder is not a word). */
export function withoutMentions(text: string): string {
  return text.replace(PLACEHOLDER, ' ');
}

/** Whether `text` holds a mention placeholder. */
export function hasMention(text: string): boolean {
  return text.includes(OPEN);
}

/**
 * Replaces the placeholders in `texts` with people's display names, looked up through the client's
 * cached `getUserName`: only the people these texts mention, at most MAX_NAME_LOOKUPS of them, at
 * most NAME_LOOKUP_CONCURRENCY at a time. Anyone not named (unknown, hidden, over the cap) reads
 * as UNKNOWN_PERSON. Names are Markdown-escaped (a name cannot format the reply). Never throws.
 */
export async function nameMentions(
  texts: readonly string[],
  accountIds: readonly string[],
  lookUp: Pick<ConfluenceClient, 'getUserName'>,
): Promise<string[]> {
  const wanted: number[] = [];
  for (const text of texts) {
    for (const match of text.matchAll(PLACEHOLDER)) {
      const index = Number(match[1]);
      if (!wanted.includes(index) && wanted.length < MAX_NAME_LOOKUPS) wanted.push(index);
    }
  }
  const names = new Map<number, string>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < wanted.length) {
      const index = wanted[next++] as number;
      const accountId = accountIds[index];
      if (!accountId) continue;
      const name = await lookUp.getUserName(accountId).catch(() => undefined);
      if (name) names.set(index, name.replace(/[\\`*_[\]<>|#~]/g, '\\$&'));
    }
  };
  await Promise.all(Array.from({ length: Math.min(NAME_LOOKUP_CONCURRENCY, wanted.length) }, worker));
  return texts.map((text) =>
    text.replace(PLACEHOLDER, (_m, index: string) => names.get(Number(index)) ?? UNKNOWN_PERSON),
  );
}
