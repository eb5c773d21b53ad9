import { PEOPLE } from './corpus/people.js';
import type { CorpusPage, CorpusSpace } from './corpus/types.js';
import { storageToPlainText } from './storage-xml.js';
import { type TextToken, tokenizeText } from './text-search.js';
import type { SimPage, SimPageVersion, SimSpace, SimulatorAccount } from './types.js';

interface StoredPage {
  id: string;
  spaceId: string;
  title: string;
  parentId?: string;
  status: 'current' | 'draft';
  authorId: string;
  createdAt: string;
  history: SimPageVersion[];
}

/** Plain text and tokens of a page's current version, as the search index sees them. */
export interface IndexedText {
  plain: string;
  bodyTokens: TextToken[];
  titleTokens: TextToken[];
}

/** Input of {@link SimulatorStore.createPage}; the caller has already validated it. */
export interface NewPage {
  spaceId: string;
  title: string;
  parentId?: string;
  storage: string;
  status: 'current' | 'draft';
  authorId: string;
  message?: string;
}

const FIRST_SPACE_ID = 196609;
const FIRST_PAGE_ID = 1048577;

/**
 * The simulator's in-memory Confluence: spaces, pages and their version history.
 * Deterministic: the same seed gives the same ids. Knows visibility rules but no HTTP.
 */
export class SimulatorStore {
  private readonly spaces: SimSpace[] = [];
  private readonly pages = new Map<string, StoredPage>();
  private readonly index = new Map<string, IndexedText>();
  private nextPageId = FIRST_PAGE_ID;

  constructor(seedSpaces: readonly CorpusSpace[], seedPages: readonly CorpusPage[]) {
    const epoch = '2024-01-08T09:00:00.000Z';
    seedSpaces.forEach((seed, i) => {
      const homepageId = this.allocateId();
      const authorId = PEOPLE.jdoe.accountId;
      const space: SimSpace = {
        id: String(FIRST_SPACE_ID + i),
        key: seed.key,
        name: seed.name,
        type: seed.type,
        homepageId,
        authorId,
        createdAt: epoch,
        description: seed.description,
      };
      this.spaces.push(space);
      this.pages.set(homepageId, {
        id: homepageId,
        spaceId: space.id,
        title: seed.homepage.title,
        status: 'current',
        authorId,
        createdAt: epoch,
        history: [
          {
            number: 1,
            title: seed.homepage.title,
            storage: seed.homepage.storage,
            message: '',
            authorId,
            createdAt: epoch,
          },
        ],
      });
    });
    for (const seed of seedPages) this.addSeedPage(seed);
  }

  private allocateId(): string {
    const id = String(this.nextPageId);
    this.nextPageId++;
    return id;
  }

  private addSeedPage(seed: CorpusPage): void {
    const space = this.spaceByKey(seed.space);
    if (!space) throw new Error(`seed page '${seed.title}' names unknown space ${seed.space}`);
    const parent =
      seed.parent === undefined ? this.pages.get(space.homepageId) : this.findStored(space.id, seed.parent);
    if (!parent) throw new Error(`seed page '${seed.title}' names unknown parent '${seed.parent}'`);
    const authorId = PEOPLE[seed.author].accountId;
    const count = seed.versions ?? 1;
    const history: SimPageVersion[] = [];
    for (let n = 1; n <= count; n++) {
      history.push({
        number: n,
        title: seed.title,
        storage: n === count ? seed.storage : `<p>Draft ${n} of ${seed.title}.</p>`,
        message: n === 1 ? '' : `Revision ${n}`,
        authorId,
        createdAt: n === count ? seed.updatedAt : seed.createdAt,
      });
    }
    const id = this.allocateId();
    this.pages.set(id, {
      id,
      spaceId: space.id,
      title: seed.title,
      parentId: parent.id,
      status: 'current',
      authorId,
      createdAt: seed.createdAt,
      history,
    });
  }

  private findStored(spaceId: string, title: string): StoredPage | undefined {
    const wanted = title.toLowerCase();
    for (const page of this.pages.values()) {
      if (page.spaceId === spaceId && page.title.toLowerCase() === wanted) return page;
    }
    return undefined;
  }

  /** Every space, in id order. */
  allSpaces(): readonly SimSpace[] {
    return this.spaces;
  }

  /** The space with this id, if any. */
  spaceById(id: string): SimSpace | undefined {
    return this.spaces.find((s) => s.id === id);
  }

  /** The space with this key (exact, case-sensitive), if any. */
  spaceByKey(key: string): SimSpace | undefined {
    return this.spaces.find((s) => s.key === key);
  }

  /** Whether `account` may see `space`. */
  canSeeSpace(account: SimulatorAccount, space: SimSpace): boolean {
    return account.spaces === '*' || account.spaces.includes(space.key);
  }

  /** Whether `account` may see page `id` (space visible and not restricted for it). */
  canSeePage(account: SimulatorAccount, id: string): boolean {
    const page = this.pages.get(id);
    const space = page ? this.spaceById(page.spaceId) : undefined;
    if (!page || !space) return false;
    return this.canSeeSpace(account, space) && !(account.hiddenPageIds ?? []).includes(id);
  }

  /** A snapshot of page `id` regardless of permissions. */
  getPage(id: string): SimPage | undefined {
    const page = this.pages.get(id);
    return page ? this.snapshot(page) : undefined;
  }

  /** Every page (snapshots), in id order. */
  allPages(): SimPage[] {
    return [...this.pages.values()].map((p) => this.snapshot(p));
  }

  /** Page in `spaceId` whose title equals `title` ignoring case (titles are unique per space). */
  findByTitle(spaceId: string, title: string): SimPage | undefined {
    const page = this.findStored(spaceId, title);
    return page ? this.snapshot(page) : undefined;
  }

  /** Ancestors of page `id`, root first, direct parent last. */
  ancestors(id: string): SimPage[] {
    const chain: SimPage[] = [];
    let current = this.pages.get(id);
    while (current?.parentId) {
      const parent = this.pages.get(current.parentId);
      if (!parent) break;
      chain.unshift(this.snapshot(parent));
      current = parent;
    }
    return chain;
  }

  /** Search-index view of page `id` (cached until the page changes). */
  indexedText(id: string): IndexedText {
    const cached = this.index.get(id);
    if (cached) return cached;
    const page = this.getPage(id);
    if (!page) throw new Error(`no page ${id}`);
    const plain = storageToPlainText(page.storage);
    const entry = { plain, bodyTokens: tokenizeText(plain), titleTokens: tokenizeText(page.title) };
    this.index.set(id, entry);
    return entry;
  }

  /** Adds a page at version 1 and returns it. */
  createPage(input: NewPage): SimPage {
    const id = this.allocateId();
    const now = new Date().toISOString();
    this.pages.set(id, {
      id,
      spaceId: input.spaceId,
      title: input.title,
      ...(input.parentId ? { parentId: input.parentId } : {}),
      status: input.status,
      authorId: input.authorId,
      createdAt: now,
      history: [
        {
          number: 1,
          title: input.title,
          storage: input.storage,
          message: input.message ?? '',
          authorId: input.authorId,
          createdAt: now,
        },
      ],
    });
    return this.getPage(id) as SimPage;
  }

  /** Appends a new version to page `id` (the caller checked the version number) and returns it. */
  updatePage(
    id: string,
    change: { title: string; storage: string; authorId: string; message?: string; parentId?: string },
  ): SimPage {
    const page = this.pages.get(id);
    if (!page) throw new Error(`no page ${id}`);
    const number = (page.history[page.history.length - 1]?.number ?? 0) + 1;
    page.title = change.title;
    if (change.parentId) page.parentId = change.parentId;
    page.history.push({
      number,
      title: change.title,
      storage: change.storage,
      message: change.message ?? '',
      authorId: change.authorId,
      createdAt: new Date().toISOString(),
    });
    this.index.delete(id);
    return this.snapshot(page);
  }

  /**
   * Moves a page into another space (as a person would in the browser): it lands under that space's
   * homepage; Confluence keeps its id and does not add a version.
   */
  movePage(id: string, spaceKey: string): SimPage {
    const page = this.pages.get(id);
    const space = this.spaceByKey(spaceKey);
    if (!page || !space) throw new Error(`movePage: no page ${id} or space ${spaceKey}`);
    page.spaceId = space.id;
    page.parentId = space.homepageId;
    this.index.delete(id);
    return this.snapshot(page);
  }

  private snapshot(page: StoredPage): SimPage {
    const space = this.spaceById(page.spaceId);
    const current = page.history[page.history.length - 1];
    if (!space || !current) throw new Error(`page ${page.id} is inconsistent`);
    return Object.freeze({
      id: page.id,
      spaceId: page.spaceId,
      spaceKey: space.key,
      title: page.title,
      ...(page.parentId ? { parentId: page.parentId } : {}),
      status: page.status,
      storage: current.storage,
      version: current.number,
      versionMessage: current.message,
      versionAuthorId: current.authorId,
      versionCreatedAt: current.createdAt,
      authorId: page.authorId,
      createdAt: page.createdAt,
      history: page.history.map((v) => ({ ...v })),
    });
  }
}
