import type { Page } from '../confluence/types.js';
import type { CandidatePassage, RankedPassage } from './rank-passages.js';
import { hasMention } from './resolve-mentions.js';

/** Passages quoted in an answer. */
export const MAX_CITATIONS = 3;
/** Most items of one list quoted together. */
const MAX_LIST_ITEMS = 6;
/** Longest quote made of list items. */
const MAX_LIST_CHARS = 600;
/** A passage is quoted only when it scores at least this share of the best passage. */
const CITATION_SHARE = 0.45;

/** A page read for an answer, with its passages (mentions still placeholders). */
export interface ReadPage {
  readonly page: Page;
  readonly passages: readonly CandidatePassage[];
}

/**
 * True when the best passage covers most of the question's subjects (in its text, heading or page
 * title): all of one or two, at least 60 % of more. Below that, more pages are worth reading.
 */
export function answersWell(ranked: readonly RankedPassage[], concepts: number): boolean {
  const best = ranked[0];
  if (!best) return false;
  return best.covered >= Math.min(concepts, Math.max(1, Math.ceil(concepts * 0.6)));
}

/** A short paragraph that introduces the list after it ("Managers: copy this checklist …"). */
const LEAD_IN = /:\s*$|\b(?:list|checklist|steps|following|below|these)\b/i;
const MAX_LEAD_IN_CHARS = 160;

function isLeadIn(text: string): boolean {
  return text.length <= MAX_LEAD_IN_CHARS && LEAD_IN.test(text);
}

const ASKS_FOR_PERSON = /\bwho(?:'s|m)?\b/i;
const ASKS_FOR_ACTION =
  /\b(?:steps?|first (?:thing|step|action)s?|what (?:should|do|must|can) (?:i|we) do|what (?:i|we) (?:should|must|can|have to|need to) do|what to do|how (?:do|can|should) (?:i|we)|how to|procedure)\b/i;

/**
 * The passages to quote: the best, and the next ones that score close to it — nothing when the best
 * covers fewer than two of the question's subjects (one, for questions of one or two subjects) in
 * its text, heading or page title: a weak match is not an answer. A question asking what to do,
 * or whose best passage is a short lead-in ("copy this checklist:"), gets the list after it. A
 * "who" question whose quotes name nobody also gets the best passage of the top page that
 * mentions someone.
 */
export function pickCitations(
  ranked: readonly RankedPassage[],
  question: string,
  concepts: number,
  pages: readonly ReadPage[],
): RankedPassage[] {
  const best = ranked[0];
  if (!best || best.covered < (concepts >= 3 ? 2 : 1)) return [];
  const picked: RankedPassage[] = [];
  for (const passage of ranked) {
    if (picked.length >= MAX_CITATIONS || passage.score < best.score * CITATION_SHARE) break;
    picked.push(passage);
  }
  if (
    (ASKS_FOR_ACTION.test(question) || isLeadIn(best.text)) &&
    best.list === undefined &&
    !picked.some((p) => p.list !== undefined)
  ) {
    const next = pages.find(({ page }) => page.id === best.pageId)?.passages[best.index + 1];
    if (next?.list !== undefined && next.heading === best.heading) {
      const steps = { ...next, score: best.score / 2, matched: [], covered: 0 };
      picked.splice(1, picked.length >= MAX_CITATIONS ? 1 : 0, steps);
    }
  }
  if (ASKS_FOR_PERSON.test(question) && !picked.some((p) => hasMention(p.text))) {
    const person = ranked.find((p) => p.pageId === best.pageId && hasMention(p.text));
    if (person) picked.splice(Math.min(picked.length, MAX_CITATIONS - 1), 1, person);
  }
  return picked;
}

/**
 * A list item is quoted with the rest of its list (steps read best together): up to
 * MAX_LIST_ITEMS items around it, at most MAX_LIST_CHARS. Two picks from one list become one quote.
 */
export function withWholeLists(
  picked: readonly RankedPassage[],
  pages: readonly ReadPage[],
): RankedPassage[] {
  const out: RankedPassage[] = [];
  const lists = new Set<string>();
  for (const passage of picked) {
    if (passage.list === undefined) {
      out.push(passage);
      continue;
    }
    const key = `${passage.pageId}:${passage.list}`;
    if (lists.has(key)) continue;
    lists.add(key);
    const items =
      pages.find(({ page }) => page.id === passage.pageId)?.passages.filter((p) => p.list === passage.list) ??
      [];
    const at = Math.max(
      0,
      items.findIndex((p) => p.index === passage.index),
    );
    const start = Math.max(0, Math.min(at - 1, items.length - MAX_LIST_ITEMS));
    let text = '';
    for (const item of items.slice(start, start + MAX_LIST_ITEMS)) {
      const next = text === '' ? item.text : `${text} · ${item.text}`;
      if (next.length > MAX_LIST_CHARS && text !== '') break;
      text = next;
    }
    out.push({ ...passage, text: text || passage.text });
  }
  return out;
}
