import { parseDocument } from 'htmlparser2';
import { StorageRenderer } from './storage-markdown-render.js';
import { toWikiBase } from './storage-markdown-rules.js';
import { assertStorageSize, decodeRawTextOnly } from './storage-tree.js';

/** Options for {@link storageToMarkdown}. */
export interface StorageToMarkdownOptions {
  /**
   * Site base URL (e.g. `https://acme.atlassian.net`, with or without `/wiki`). When given, page
   * links with a space key become `…/wiki/display/KEY/Title` links (Confluence Cloud redirects that
   * pretty URL to the page) and space links become `…/wiki/spaces/KEY`; relative `<a href>` become
   * absolute. Without it, page links render as the bold link text.
   */
  readonly baseUrl?: string;
  /** The page's web link, quoted in the "too large" message so people can open the page. */
  readonly pageUrl?: string;
}

/**
 * Converts Confluence storage format (XHTML with `ac:`/`ri:` elements) to Markdown for reading in
 * chat. Confluence constructs are rendered visibly: code macros as fenced blocks, panels as
 * labelled blockquotes (`> **Note:** …`), status as `[TEXT]`, tasks as `- [ ]`/`- [x]`, mentions
 * as `@name`, images and attachments as `[image: …]` / `[attachment: …]` text (external images are
 * links, never inline images, so chat clients fetch nothing), and any unknown macro or app
 * extension as a `[macro: name]` placeholder — nothing is dropped silently. Page text is escaped,
 * so it cannot make links, emphasis or lists of its own.
 * One parse (htmlparser2) and one walk of the tree with an explicit stack: linear in the size of
 * the page and safe at any nesting depth (very deep lists, quotes or markup fall back to plain
 * text below a cap). Malformed input yields best-effort text.
 * Throws AppError('PAGE_TOO_LARGE') — and only that — when `storage` is over `MAX_STORAGE_CHARS`.
 */
export function storageToMarkdown(storage: string, options: StorageToMarkdownOptions = {}): string {
  assertStorageSize(storage, options.pageUrl);
  try {
    return new StorageRenderer(toWikiBase(options.baseUrl)).render(parseStorage(storage));
  } catch {
    return fallbackText(storage);
  }
}

/** The start of a page as Markdown, and whether it is the whole page. */
export interface MarkdownStart {
  readonly markdown: string;
  /** False when the page goes on past `markdown` (its last block may be cut anywhere). */
  readonly complete: boolean;
}

/**
 * Storage prefixes {@link storageToMarkdownStart} tries, shortest first: enough for about 12,000
 * characters of text-heavy Markdown in one go, four times that for macro-heavy pages. The longest
 * bounds its synchronous cost (a few milliseconds) whatever the page size.
 */
const START_PREFIXES = [16 * 1024, 64 * 1024];

/**
 * Markdown of the start of a page, for views that show only the start (the page card): converts a
 * prefix of the storage and stops once about `maxChars` characters are written. Cost is bounded by
 * the longest prefix tried (64 KB of storage), not by the page. The Markdown is that of the whole
 * page up to the cut, except that a table whose later rows are wider than all shown ones is padded
 * to the shown rows only. When 64 KB of storage yield less than `maxChars` (pages made mostly of
 * macros), only that is returned, with `complete: false`. Never throws (no size limit applies).
 */
export function storageToMarkdownStart(
  storage: string,
  maxChars: number,
  options: Pick<StorageToMarkdownOptions, 'baseUrl'> = {},
): MarkdownStart {
  for (const limit of START_PREFIXES) {
    const whole = storage.length <= limit;
    const prefix = whole ? storage : cutAtTagEnd(storage, limit);
    const start = renderStart(prefix, maxChars, options.baseUrl);
    if (!start.complete) return start;
    if (whole) return start;
    if (start.markdown.length >= maxChars || limit === START_PREFIXES.at(-1)) {
      return { markdown: start.markdown, complete: false };
    }
  }
  return { markdown: '', complete: storage.trim() === '' };
}

/** `storage` up to the end of the last tag that closes before `limit` (never inside a tag). */
function cutAtTagEnd(storage: string, limit: number): string {
  const end = storage.lastIndexOf('>', limit - 1);
  return storage.slice(0, end < 0 ? limit : end + 1);
}

function renderStart(storage: string, maxChars: number, baseUrl: string | undefined): MarkdownStart {
  try {
    return new StorageRenderer(toWikiBase(baseUrl)).renderStart(parseStorage(storage), maxChars);
  } catch {
    const text = fallbackText(storage);
    return { markdown: text.slice(0, maxChars), complete: text.length <= maxChars };
  }
}

/** The storage's node tree as the renderer reads it (HTML mode: CDATA, self-closing tags, entities decoded). */
function parseStorage(storage: string) {
  return parseDocument(storage, {
    xmlMode: false,
    recognizeCDATA: true,
    recognizeSelfClosing: true,
    decodeEntities: true,
  }).children;
}

/** Plain text of the page when rendering failed: tags removed, entities decoded, whitespace collapsed. */
function fallbackText(storage: string): string {
  const text = storage.replace(/<!\[CDATA\[|]]>/g, '').replace(/<[^>]*>/g, ' ');
  return decodeRawTextOnly(text).replace(/\s+/g, ' ').trim();
}
