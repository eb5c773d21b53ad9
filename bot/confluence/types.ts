import type { Secret } from '../secret.js';

/** How the client reaches one Confluence Cloud site as one Atlassian account. */
export interface ConfluenceConnection {
  /** Site base, e.g. `https://acme.atlassian.net` (the client appends `/wiki/...`). */
  readonly siteUrl: string;
  readonly email: string;
  readonly apiToken: Secret;
}

/** A piece of a search excerpt; `highlight` marks the words that matched. */
export interface ExcerptPart {
  readonly text: string;
  readonly highlight: boolean;
}

export interface SearchHit {
  readonly pageId: string;
  /** Exactly as Confluence has it (highlight markers removed). */
  readonly title: string;
  readonly spaceKey: string;
  readonly excerpt: readonly ExcerptPart[];
  /** ISO 8601. */
  readonly lastModified: string;
  readonly webUrl: string;
}

export interface SearchResults {
  readonly hits: readonly SearchHit[];
  readonly totalSize: number;
  /** Opaque; pass back as `cursor` to get the next page of results. Absent on the last page. */
  readonly nextCursor?: string;
}

export interface SearchPagesInput {
  /** The user's words, taken literally (never CQL); a page must contain all of them. */
  readonly words: string;
  /**
   * Instead of `words`: pages containing any of these words or phrases (taken literally), ranked by
   * relevance. Question answering uses it to search a question's words and their synonyms at once.
   */
  readonly anyOf?: readonly string[];
  /** Where `words` must appear: anywhere in the page (default) or in its title (pages named by title). */
  readonly field?: 'text' | 'title';
  /** Allowed space keys (already checked against policy); at least one. */
  readonly spaceKeys: readonly string[];
  readonly limit?: number;
  readonly cursor?: string;
}

/** How a user pointed at a page. */
export type PageRef =
  | { readonly kind: 'id'; readonly id: string }
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'title'; readonly title: string; readonly spaceKey: string };

export interface PageVersion {
  readonly number: number;
  readonly authorId: string;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly message: string;
}

export interface PageAncestor {
  readonly id: string;
  readonly title: string;
}

export interface Page {
  readonly id: string;
  readonly title: string;
  readonly spaceId: string;
  readonly spaceKey: string;
  readonly status: string;
  readonly parentId?: string;
  readonly version: PageVersion;
  /** Root first, direct parent last. */
  readonly ancestors: readonly PageAncestor[];
  /**
   * The body in Confluence storage format, exactly as Confluence returned it. The client never
   * converts it: a view makes Markdown of what it shows (`storageToMarkdownStart` for the page
   * card, `toMarkdownOffThread` for answers).
   */
  readonly storage: string;
  readonly webUrl: string;
  /** The site's web base (`_links.base`, e.g. `https://acme.atlassian.net/wiki`): links in converted Markdown. */
  readonly webBase?: string;
  /**
   * The last author's display name, when the read asked for it (`PageReadOptions.authorName`) and
   * Confluence shows it.
   */
  readonly authorName?: string;
}

/**
 * What a page read fetches besides the page itself. Each extra is looked up in the same round as
 * the page's space (the second and last round of a read by id or URL); leave out what the caller
 * does not show, so it costs no call.
 */
export interface PageReadOptions {
  /**
   * The ancestors with their titles, for breadcrumbs (default true). Without them `ancestors` is
   * empty and the read makes no ancestor calls.
   */
  readonly ancestors?: boolean;
  /** The body in storage format (default true). Without it `storage` is ''. */
  readonly body?: boolean;
  /** The last author's display name (cached per client), as `authorName` (default false). */
  readonly authorName?: boolean;
}

export interface Space {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly homepageId?: string;
  readonly webUrl?: string;
}

export interface CurrentUser {
  readonly accountId: string;
  readonly displayName: string;
  readonly email?: string;
}

export interface CreatePageInput {
  readonly spaceKey: string;
  readonly title: string;
  /** Storage-format body (convert user Markdown with markdownToStorage first). */
  readonly storage: string;
  readonly parentId?: string;
}

export interface UpdatePageInput {
  readonly pageId: string;
  readonly title: string;
  /** The complete new storage body (edits are made on the storage the caller previewed). */
  readonly storage: string;
  /** The version the caller read and previewed; the client sends `baseVersion + 1`. */
  readonly baseVersion: number;
  readonly message?: string;
}

/**
 * The Confluence operations the bot needs. Implementations speak the real REST API (v1 CQL
 * search, v2 pages and spaces). Every method throws `AppError` with a `CONFLUENCE_*` code.
 */
export interface ConfluenceClient {
  searchPages(input: SearchPagesInput): Promise<SearchResults>;
  /**
   * A page with what `options` asks for: by id or URL in at most two sequential rounds (the page and
   * its ancestor ids together, then its space key — cached per client — ancestor titles and author
   * name together).
   */
  getPage(ref: PageRef, options?: PageReadOptions): Promise<Page>;
  createPage(input: CreatePageInput): Promise<Page>;
  updatePage(input: UpdatePageInput): Promise<Page>;
  /** Spaces by key (unknown or hidden keys are simply absent). */
  getSpaces(keys: readonly string[]): Promise<readonly Space[]>;
  /** Every space the account can see (first 250). */
  listSpaces(): Promise<readonly Space[]>;
  /** Who the credentials belong to; used by `/confluence test`. */
  getCurrentUser(): Promise<CurrentUser>;
  /**
   * A person's display name by Atlassian account id (cached per client), or undefined when
   * Confluence does not know or show them. Never throws: a name is decoration, not a requirement.
   */
  getUserName(accountId: string): Promise<string | undefined>;
}
