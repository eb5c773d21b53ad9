import type { PersonKey } from './people.js';

/** A seed space; its homepage is created with it. */
export interface CorpusSpace {
  key: string;
  name: string;
  type: 'global' | 'personal';
  description: string;
  homepage: { title: string; storage: string };
}

/**
 * A seed page. `parent` is the title of a page in the same space (default: the homepage).
 * `restricted` pages are hidden from the default `bot` account by a page-level restriction.
 * `versions` (default 1) is how many versions the page has already had.
 */
export interface CorpusPage {
  space: string;
  title: string;
  parent?: string;
  author: PersonKey;
  createdAt: string;
  updatedAt: string;
  versions?: number;
  restricted?: boolean;
  storage: string;
}
