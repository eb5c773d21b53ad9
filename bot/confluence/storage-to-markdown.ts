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
    const document = parseDocument(storage, {
      xmlMode: false,
      recognizeCDATA: true,
      recognizeSelfClosing: true,
      decodeEntities: true,
    });
    return new StorageRenderer(toWikiBase(options.baseUrl)).render(document.children);
  } catch {
    return fallbackText(storage);
  }
}

/** Plain text of the page when rendering failed: tags removed, entities decoded, whitespace collapsed. */
function fallbackText(storage: string): string {
  const text = storage.replace(/<!\[CDATA\[|]]>/g, '').replace(/<[^>]*>/g, ' ');
  return decodeRawTextOnly(text).replace(/\s+/g, ' ').trim();
}
