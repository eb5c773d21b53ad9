import { type MarkdownStart, storageToMarkdownStart } from '../confluence/storage-to-markdown.js';
import type { Page, SearchResults } from '../confluence/types.js';
import { formatTimestamp, toTeamsMarkdown, truncateText } from './format.js';
import type {
  ApprovalData,
  CreatePreviewBody,
  ExcerptRunView,
  PageData,
  SearchResultsData,
} from './types.js';

/** Teams shows a user-specific view to at most 60 users per card. */
export const MAX_REFRESH_USER_IDS = 60;

/** Default length of page content on a `page` card. */
export const PAGE_MAX_CHARS = 3000;

/** Default length of the content preview on `approval` cards. */
export const PREVIEW_MAX_CHARS = 2000;

const EXCERPT_MAX_CHARS = 300;

/**
 * Markdown beyond this multiple of the shown length is never converted for a card: the card could
 * not show it, and converting a whole 2 MB page to show 3,000 characters is wasted work.
 */
const CONVERT_AHEAD = 4;

/** How many characters of Markdown a page card converts (see `storageToMarkdownStart`). */
export const PAGE_CARD_CONVERT_CHARS = PAGE_MAX_CHARS * CONVERT_AHEAD;

/** Teams Markdown of the start of `markdown`, cut near `maxChars`; cost bounded by `maxChars`. */
function clipForCard(markdown: string, maxChars: number, more = false): { text: string; truncated: boolean } {
  let limit = maxChars * CONVERT_AHEAD;
  const cut = markdown.length > limit;
  const code = markdown.charCodeAt(limit - 1);
  if (cut && code >= 0xd800 && code <= 0xdbff) limit -= 1;
  const content = truncateText(toTeamsMarkdown(cut ? markdown.slice(0, limit) : markdown).trim(), maxChars);
  return { text: content.text, truncated: content.truncated || cut || more };
}

function clipExcerpt(runs: readonly ExcerptRunView[]): ExcerptRunView[] {
  const out: ExcerptRunView[] = [];
  let left = EXCERPT_MAX_CHARS;
  for (const run of runs) {
    if (left <= 0) break;
    const text = run.text.replace(/\s+/g, ' ');
    if (text.length <= left) {
      out.push({ text, highlight: run.highlight });
      left -= text.length;
    } else {
      out.push({ text: `${text.slice(0, left).trimEnd()}…`, highlight: run.highlight });
      left = 0;
    }
  }
  return out.filter((run) => run.text !== '');
}

/**
 * Builds `search-results` view data from a search answer. `spaceKeys` are the spaces searched
 * (empty = every allowed space). Excerpts are flattened to one line and clipped to 300 characters.
 */
export function buildSearchResultsData(input: {
  readonly query: string;
  readonly spaceKeys: readonly string[];
  readonly results: SearchResults;
}): SearchResultsData {
  const { query, spaceKeys, results } = input;
  return {
    query,
    spaceFilter: spaceKeys.length > 0 ? `in ${spaceKeys.join(', ')}` : 'in all allowed spaces',
    total: results.totalSize,
    hits: results.hits.map((hit) => ({
      pageId: hit.pageId,
      title: hit.title,
      spaceKey: hit.spaceKey,
      excerpt: clipExcerpt(hit.excerpt),
      lastModified: formatTimestamp(hit.lastModified),
      webUrl: hit.webUrl,
    })),
    ...(results.nextCursor ? { nextToken: results.nextCursor } : {}),
  };
}

/**
 * What a page card shows: the start of the page already converted (`start`, made off the event
 * loop by the get operation), the page as loaded (storage, converted here), or ready Markdown.
 */
export type PageCardSource = Pick<Page, 'title' | 'spaceKey' | 'ancestors' | 'version' | 'webUrl'> &
  (
    | { readonly start: MarkdownStart; readonly storage?: string; readonly markdown?: undefined }
    | {
        readonly storage: string;
        readonly webBase?: string;
        readonly markdown?: undefined;
        readonly start?: undefined;
      }
    | { readonly markdown: string }
  );

/**
 * The Markdown a page card needs: ready Markdown as given, else the start of the storage converted
 * (only what the card can show, see `storageToMarkdownStart`: bounded work whatever the page size).
 */
function cardMarkdown(page: PageCardSource, maxChars: number): { markdown: string; more: boolean } {
  if (page.markdown !== undefined) return { markdown: page.markdown, more: false };
  if ('start' in page && page.start) return { markdown: page.start.markdown, more: !page.start.complete };
  if (!('storage' in page)) return { markdown: '', more: false };
  const start = storageToMarkdownStart(page.storage, maxChars * CONVERT_AHEAD, {
    ...(page.webBase ? { baseUrl: page.webBase } : {}),
  });
  return { markdown: start.markdown, more: !start.complete };
}

/**
 * Builds `page` view data: breadcrumb from the ancestors, Teams Markdown cut near `maxChars` at a
 * paragraph or line boundary. Only the start of the page is converted (the card shows no more).
 * `authorName` is the resolved display name of the version author (Confluence gives only an
 * account id); defaults to `a Confluence user`.
 */
export function buildPageData(
  page: PageCardSource,
  options: { readonly authorName?: string; readonly maxChars?: number } = {},
): PageData {
  const maxChars = options.maxChars ?? PAGE_MAX_CHARS;
  const source = cardMarkdown(page, maxChars);
  const content = clipForCard(source.markdown, maxChars, source.more);
  return {
    title: page.title,
    breadcrumb: page.ancestors.map((a) => a.title).join(' › '),
    spaceKey: page.spaceKey,
    version: page.version.number,
    author: options.authorName ?? 'a Confluence user',
    updatedAt: formatTimestamp(page.version.createdAt),
    markdown: content.text,
    truncated: content.truncated,
    webUrl: page.webUrl,
  };
}

/** Builds the create preview shown on `approval` cards from the user's Markdown. */
export function buildCreatePreviewBody(
  input: {
    readonly title: string;
    readonly spaceKey: string;
    readonly parentTitle?: string;
    readonly markdown: string;
  },
  maxChars: number = PREVIEW_MAX_CHARS,
): CreatePreviewBody {
  const content = clipForCard(input.markdown, maxChars);
  return {
    kind: 'create',
    title: input.title,
    spaceKey: input.spaceKey,
    ...(input.parentTitle !== undefined ? { parentTitle: input.parentTitle } : {}),
    markdown: content.text,
    truncated: content.truncated,
  };
}

/** A name safe inside `<at>…</at>`: no angle brackets, one line, never empty. */
function mentionName(name: string): string {
  return (
    name
      .replace(/[<>\r\n]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 100) || 'approver'
  );
}

/**
 * Completes approval view data: removes duplicate and empty approver ids and keeps the first 60
 * (the Teams limit for user-specific views). Buttons only make sense while pending, so
 * `showButtons` is forced off in every other status. While pending, the approvers are named
 * (those with a known chat id @mentioned, so Teams notifies them), and approvers the
 * conversation does not have or that exceed the limit are said to miss the buttons.
 */
export function buildApprovalData(data: ApprovalData): ApprovalData {
  const approverIds = [...new Set(data.approverIds.filter((id) => id !== ''))].slice(0, MAX_REFRESH_USER_IDS);
  const pending = data.status === 'pending';
  const approvers = pending ? (data.approvers ?? []).slice(0, MAX_REFRESH_USER_IDS) : [];
  const mentions = approvers
    .filter((approver) => approver.mention)
    .map((approver) => ({ id: approver.id, name: mentionName(approver.name) }));
  const absent = pending ? (data.absentApprovers ?? []) : [];
  const overflow = pending ? (data.approverOverflow ?? 0) : 0;
  const {
    approvers: _approvers,
    absentApprovers: _absent,
    approverOverflow: _overflow,
    mentions: _mentions,
    approverLine: _line,
    notInConversation: _not,
    overflowNote: _note,
    ...rest
  } = data;
  return {
    ...rest,
    approverIds,
    showButtons: data.showButtons && pending,
    mentions,
    ...(approvers.length > 0
      ? {
          approverLine: approvers
            .map((approver) => (approver.mention ? `<at>${mentionName(approver.name)}</at>` : approver.name))
            .join(', '),
        }
      : {}),
    ...(absent.length > 0 ? { notInConversation: absent.join(', ') } : {}),
    ...(overflow > 0
      ? {
          overflowNote: `${overflow} more ${overflow === 1 ? 'approver does' : 'approvers do'} not get the buttons on this card (Teams shows them to at most ${MAX_REFRESH_USER_IDS} people); they can decide from \`approvals\`.`,
        }
      : {}),
  };
}
