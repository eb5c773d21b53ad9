/**
 * View data of the content cards: search results, a page, and the create/update previews an
 * approval card shows. Type declarations only.
 */

/** A run of excerpt text; `highlight` runs are shown bold. */
export interface ExcerptRunView {
  readonly text: string;
  readonly highlight: boolean;
}

/** One search hit on the `search-results` card. */
export interface SearchHitView {
  readonly pageId: string;
  readonly title: string;
  readonly spaceKey: string;
  readonly excerpt: readonly ExcerptRunView[];
  /** Human time, e.g. `2025-03-01 10:04 UTC`. */
  readonly lastModified: string;
  readonly webUrl: string;
}

/** Data of the `search-results` card: one page of hits, with More when there are others. */
export interface SearchResultsData {
  readonly query: string;
  /** e.g. `in HR` or `in all allowed spaces`. */
  readonly spaceFilter: string;
  readonly total: number;
  readonly hits: readonly SearchHitView[];
  /** A line above the hits, e.g. that fewer words were searched; omit for none. */
  readonly notice?: string;
  /** Opaque cursor for the next page; omit on the last page. */
  readonly nextToken?: string;
}

/** Data of the `page` card: the start of one page, as Markdown. */
export interface PageData {
  readonly title: string;
  /** Ancestors joined with ` › `; empty for a top-level page. */
  readonly breadcrumb: string;
  readonly spaceKey: string;
  readonly version: number;
  readonly author: string;
  /** Human time of the version. */
  readonly updatedAt: string;
  /** Teams-flavoured Markdown, already truncated. */
  readonly markdown: string;
  readonly truncated: boolean;
  readonly webUrl: string;
}

/** Body of a create preview (shown on `approval` cards). */
export interface CreatePreviewBody {
  readonly kind: 'create';
  readonly title: string;
  readonly spaceKey: string;
  /** Parent page title; omit for a page at the space root. */
  readonly parentTitle?: string;
  readonly markdown: string;
  readonly truncated: boolean;
}

/** One line of a rendered diff. `gap` stands for collapsed unchanged lines. */
export interface DiffLineView {
  readonly kind: 'added' | 'removed' | 'context' | 'gap';
  /** The line with its marker (`+ `, `- `, two spaces) or the gap text. */
  readonly text: string;
}

/** Body of an update preview (shown on `approval` cards). */
export interface UpdatePreviewBody {
  readonly kind: 'update';
  readonly title: string;
  readonly webUrl: string;
  readonly baseVersion: number;
  /** What the edit does, e.g. `Append 3 lines` or `Replace "foo" with "bar"`. */
  readonly summary: string;
  readonly diff: readonly DiffLineView[];
  /** Changed lines left out of `diff` (0 when nothing was cut). */
  readonly omittedLines: number;
  readonly added: number;
  readonly removed: number;
}

/** What a write will do, as its approval card shows it. */
export type PreviewBody = CreatePreviewBody | UpdatePreviewBody;

/** One page offered on a `pick-page` card. */
export interface PickPageOption {
  readonly pageId: string;
  readonly title: string;
  readonly spaceKey: string;
  readonly webUrl: string;
}

/**
 * Several pages (or none exactly) match a page named by title: pick one. The buttons' data is the
 * page id and `request` (the original request without its page, as JSON); the click runs that
 * request on the picked page for the clicker, decided like a typed one.
 */
export interface PickPageData {
  /** e.g. `Several pages match "release notes". Which one?` */
  readonly heading: string;
  /** What will happen with the page picked, e.g. `Open it` or `Update it: append 1 line`. */
  readonly action: string;
  readonly options: readonly PickPageOption[];
  /** JSON of the request without its page; omitted (no buttons) when too large for a card. */
  readonly request?: string;
}
