import { toMarkdownOffThread } from '../confluence/convert-off-thread.js';
import type { ConfluenceClient, SearchHit } from '../confluence/types.js';
import { isAppError } from '../errors.js';
import { loadPageInScope } from '../operations/page-scope.js';
import type { EffectiveSpaces } from '../policy/decide.js';
import { type ExpandedQuery, expandQuery } from './expand-query.js';
import { answersWell, pickCitations, type ReadPage, withWholeLists } from './pick-citations.js';
import { rankPassages, rankSearchHits } from './rank-passages.js';
import { markMentions, nameMentions } from './resolve-mentions.js';
import { splitPassages } from './split-passages.js';

/** Search results asked for per question (candidates for the pages read). */
export const SEARCH_LIMIT = 15;
/** Pages read and ranked per question (each read is one page fetch: answers show no breadcrumbs). */
export const MAX_PAGES_READ = 3;
/**
 * Pages read in a second round when none of the first pages holds a passage that covers most of
 * the question (see `answersWell`): the search's next best pages, so a question whose words are
 * common in titles ("setup", "home") still reaches the page that answers it.
 */
export const MORE_PAGES_READ = 2;

/** A quoted passage of a page. */
export interface Passage {
  readonly text: string;
  readonly score: number;
  /** The heading the passage sits under, when there is one. */
  readonly heading?: string;
}

/** A cited passage: the quote and the page it came from. */
export interface Citation {
  readonly pageId: string;
  readonly pageTitle: string;
  readonly webUrl: string;
  readonly spaceKey: string;
  readonly passage: Passage;
}

/** A page read for the answer, best first. */
export interface AnswerPage {
  readonly pageId: string;
  readonly title: string;
  readonly webUrl: string;
}

/** What the bot found for a question. `citations` is empty when nothing relevant turned up. */
export interface Answer {
  readonly question: string;
  /** The question's subject words (what was searched, before synonyms). */
  readonly keywords: readonly string[];
  readonly citations: readonly Citation[];
  /** Pages read, ranked by their best passage — shown as "see also" when no passage matched well. */
  readonly pages: readonly AnswerPage[];
}

async function allowedSpaceKeys(
  client: ConfluenceClient,
  spaces: EffectiveSpaces,
): Promise<readonly string[]> {
  if (spaces.kind === 'list') return spaces.keys;
  return (await client.listSpaces()).map((space) => space.key);
}

/**
 * One search for pages holding any of the question's words or their synonyms, in the allowed
 * spaces, ranked by Confluence. A question whose words normalise to nothing searchable finds nothing.
 */
async function searchCandidates(
  client: ConfluenceClient,
  query: ExpandedQuery,
  spaceKeys: readonly string[],
): Promise<readonly SearchHit[]> {
  try {
    const results = await client.searchPages({
      words: query.keywords.join(' '),
      anyOf: query.terms.map((term) => term.text),
      spaceKeys,
      limit: SEARCH_LIMIT,
    });
    return results.hits;
  } catch (error) {
    if (isAppError(error, 'INPUT_INVALID')) return [];
    throw error;
  }
}

/**
 * Reads a page through the scoped page loader (a page outside the allowed spaces is skipped like a
 * missing one, before anything of it is used), turns its mentions into placeholders and its
 * storage into passages (big pages convert on the page worker). Undefined when it cannot be read or
 * converted (missing, out of scope, too large).
 */
async function readPage(
  client: ConfluenceClient,
  pageId: string,
  isSpaceAllowed: (spaceKey: string) => boolean,
  accountIds: string[],
): Promise<ReadPage | undefined> {
  try {
    const page = await loadPageInScope(client, { kind: 'id', id: pageId }, isSpaceAllowed, {
      ancestors: false,
    });
    const marked = markMentions(page.storage, accountIds);
    accountIds.splice(0, accountIds.length, ...marked.accountIds);
    const markdown = await toMarkdownOffThread(marked.storage, {
      ...(page.webBase ? { baseUrl: page.webBase } : {}),
      pageUrl: page.webUrl,
    });
    const passages = splitPassages(markdown).map((p) => ({ ...p, pageId: page.id, pageTitle: page.title }));
    return { page, passages };
  } catch {
    return undefined;
  }
}

/**
 * Answers a question from Confluence without a language model. The question's words are expanded
 * (stemming, workplace synonyms and abbreviations, British/American spelling, likely corrections of
 * typos); one CQL search finds pages holding any of them in the allowed spaces; the best
 * MAX_PAGES_READ pages are read through the scoped page loader; their paragraphs, list items and
 * table rows (with column headers) are ranked with BM25; the best passages are quoted, with the
 * people they mention named (a bounded number of cached look-ups). Work is bounded: one search,
 * at most MAX_PAGES_READ page reads (MORE_PAGES_READ more when no passage covers most of the
 * question), passages capped per page and per question.
 */
export async function answerQuestion(
  client: ConfluenceClient,
  input: {
    question: string;
    spaces: EffectiveSpaces;
    isSpaceAllowed: (spaceKey: string) => boolean;
    maxPages?: number;
  },
): Promise<Answer> {
  const query = expandQuery(input.question);
  const empty: Answer = { question: input.question, keywords: query.keywords, citations: [], pages: [] };
  if (query.terms.length === 0) return empty;
  const spaceKeys = await allowedSpaceKeys(client, input.spaces);
  if (spaceKeys.length === 0) return empty;
  const hits = rankSearchHits(query, await searchCandidates(client, query, spaceKeys));
  const accountIds: string[] = [];
  const readSome = async (from: number, to: number): Promise<ReadPage[]> =>
    (
      await Promise.all(
        hits.slice(from, to).map((hit) => readPage(client, hit.pageId, input.isSpaceAllowed, accountIds)),
      )
    ).filter((r): r is ReadPage => r !== undefined);
  const firstRead = input.maxPages ?? MAX_PAGES_READ;
  const pages = await readSome(0, firstRead);
  let ranked = rankPassages(
    query,
    pages.flatMap((p) => p.passages),
    input.question,
  );
  if (!answersWell(ranked, query.concepts.length) && hits.length > firstRead) {
    pages.push(...(await readSome(firstRead, firstRead + MORE_PAGES_READ)));
    ranked = rankPassages(
      query,
      pages.flatMap((p) => p.passages),
      input.question,
    );
  }
  const byId = new Map(pages.map(({ page }) => [page.id, page]));
  const order = [...new Set([...ranked.map((p) => p.pageId), ...pages.map(({ page }) => page.id)])];
  const picked = withWholeLists(pickCitations(ranked, input.question, query.concepts.length, pages), pages);
  const texts = await nameMentions(
    picked.map((p) => p.text),
    accountIds,
    client,
  );
  const citations: Citation[] = picked.flatMap((passage, i) => {
    const page = byId.get(passage.pageId);
    if (!page) return [];
    return [
      {
        pageId: page.id,
        pageTitle: page.title,
        webUrl: page.webUrl,
        spaceKey: page.spaceKey,
        passage: {
          text: texts[i] ?? passage.text,
          score: Math.round(passage.score * 100) / 100,
          ...(passage.heading ? { heading: passage.heading } : {}),
        },
      },
    ];
  });
  return {
    question: input.question,
    keywords: query.keywords,
    citations,
    pages: order.flatMap((id) => {
      const page = byId.get(id);
      return page ? [{ pageId: page.id, title: page.title, webUrl: page.webUrl }] : [];
    }),
  };
}

/** The answer as Teams Markdown: quoted passages with links to their pages. */
export function formatAnswer(answer: Answer): string {
  if (answer.citations.length === 0) {
    if (answer.pages.length === 0)
      return `I couldn't find anything in Confluence about "${answer.question}".`;
    return [
      `I couldn't find a passage that answers "${answer.question}" directly. These pages look related:`,
      ...answer.pages.map((p) => `- [${p.title}](${p.webUrl})`),
    ].join('\n\n');
  }
  const lines = [`Here is what Confluence says about "${answer.question}":`];
  for (const citation of answer.citations) {
    const where = citation.passage.heading ? ` › ${citation.passage.heading}` : '';
    lines.push(
      `> ${citation.passage.text.replace(/\n/g, ' ')}\n\n— [${citation.pageTitle}](${citation.webUrl})${where}`,
    );
  }
  return lines.join('\n\n');
}
