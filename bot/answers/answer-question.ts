import { toMarkdownOffThread } from '../confluence/convert-off-thread.js';
import type { ConfluenceClient, Page } from '../confluence/types.js';
import { loadPageInScope } from '../operations/page-scope.js';
import { searchPages } from '../operations/search-pages.js';
import type { EffectiveSpaces } from '../policy/decide.js';
import { findPassages, keywordsOf, type Passage } from './find-passages.js';

/** A cited passage: the quote and the page it came from. */
export interface Citation {
  readonly pageTitle: string;
  readonly webUrl: string;
  readonly spaceKey: string;
  readonly passage: Passage;
}

/** What the bot found for a question. `citations` is empty when nothing relevant turned up. */
export interface Answer {
  readonly question: string;
  readonly keywords: readonly string[];
  readonly citations: readonly Citation[];
  /** Pages searched (top hits) — shown as "see also" when no passage matched well. */
  readonly pages: readonly { title: string; webUrl: string }[];
}

/**
 * Narrower searches to try when all the keywords together find nothing (search matches every
 * word): the first two keywords (usually the subject), then the two longest, then the longest alone.
 * At most three, without repeats.
 */
export function fallbackQueries(keywords: readonly string[]): string[] {
  if (keywords.length < 2) return [];
  const byLength = [...keywords].sort((a, b) => b.length - a.length);
  const candidates = [keywords.slice(0, 2).join(' '), byLength.slice(0, 2).join(' '), byLength[0] ?? ''];
  const all = keywords.join(' ');
  return [...new Set(candidates)].filter((words) => words !== '' && words !== all).slice(0, 3);
}

/** A page read for an answer, with the Markdown its passages are ranked in. */
interface ReadPage {
  readonly page: Page;
  readonly markdown: string;
}

/**
 * Reads a page through the scoped loader and converts all of it (passages are ranked over the whole
 * page; big pages convert on the page worker). Undefined when it cannot be read or converted here
 * (missing, out of scope, too large): such a page is skipped.
 */
async function readPage(
  client: ConfluenceClient,
  pageId: string,
  isSpaceAllowed: (spaceKey: string) => boolean,
): Promise<ReadPage | undefined> {
  try {
    const page = await loadPageInScope(client, { kind: 'id', id: pageId }, isSpaceAllowed);
    const markdown = await toMarkdownOffThread(page.storage, {
      ...(page.webBase ? { baseUrl: page.webBase } : {}),
      pageUrl: page.webUrl,
    });
    return { page, markdown };
  } catch {
    return undefined;
  }
}

/**
 * Answers a question from Confluence without a language model: searches the allowed spaces for the
 * question's keywords, reads the top pages through the scoped page loader (a page whose space
 * `isSpaceAllowed` refuses is skipped like a missing one, before anything of it is used), and quotes
 * the passages that share the most keywords.
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
  const keywords = keywordsOf(input.question);
  if (keywords.length === 0) return { question: input.question, keywords, citations: [], pages: [] };
  let outcome = await searchPages(client, { words: keywords.join(' '), spaces: input.spaces, limit: 5 });
  for (const words of fallbackQueries(keywords)) {
    if (outcome.results.hits.length > 0) break;
    outcome = await searchPages(client, { words, spaces: input.spaces, limit: 5 });
  }
  const hits = outcome.results.hits.slice(0, input.maxPages ?? 3);
  const read = await Promise.all(hits.map((hit) => readPage(client, hit.pageId, input.isSpaceAllowed)));
  const pages = read.filter((r): r is ReadPage => r !== undefined);
  const citations: Citation[] = [];
  for (const { page, markdown } of pages) {
    for (const passage of findPassages(markdown, keywords, 2, { title: page.title })) {
      citations.push({ pageTitle: page.title, webUrl: page.webUrl, spaceKey: page.spaceKey, passage });
    }
  }
  citations.sort((a, b) => b.passage.score - a.passage.score);
  const minimum = keywords.length >= 2 ? 1.5 : 1;
  return {
    question: input.question,
    keywords,
    citations: citations.filter((c) => c.passage.score >= minimum).slice(0, 3),
    pages: pages.map(({ page }) => ({ title: page.title, webUrl: page.webUrl })),
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
