import { DEFAULT_PAGES, DEFAULT_SPACES } from './corpus/index.js';
import { SimulatorStore } from './store.js';
import type { SimulatorAccount } from './types.js';

function restrictedPageIds(): string[] {
  const store = new SimulatorStore(DEFAULT_SPACES, DEFAULT_PAGES);
  return DEFAULT_PAGES.filter((p) => p.restricted).map((p) => {
    const space = store.spaceByKey(p.space);
    const page = space ? store.findByTitle(space.id, p.title) : undefined;
    if (!page) throw new Error(`restricted seed page '${p.title}' not found`);
    return page.id;
  });
}

const BOT_SPACES = ['ENG', 'HR', 'OPS', 'SALES', '~jdoe'] as const;
const RESTRICTED = restrictedPageIds();

/**
 * The default test accounts (credentials are fixed test strings, not secrets):
 * - `bot`: sees ENG, HR, OPS, SALES and `~jdoe`, not LEGAL nor `~pchen`; restricted seed pages are hidden.
 * - `limited`: sees HR only.
 * - `noAccess`: valid credentials but no Confluence product access (403 everywhere).
 * - `scoped`: like `bot`, but a scoped API token: works only under `/ex/confluence/{cloudId}`, 401 on the site URL.
 */
export const DEFAULT_ACCOUNTS: {
  bot: SimulatorAccount;
  limited: SimulatorAccount;
  noAccess: SimulatorAccount;
  scoped: SimulatorAccount;
} = {
  bot: {
    email: 'confluence-bot@northwind.example',
    apiToken: 'sim-token-bot',
    accountId: '712020:5f2e8c1a-0b3d-4e6f-9a7b-1c2d3e4f5a6b',
    displayName: 'Confluence Assistant',
    spaces: BOT_SPACES,
    hiddenPageIds: RESTRICTED,
  },
  limited: {
    email: 'limited@northwind.example',
    apiToken: 'sim-token-limited',
    accountId: '712020:6a3f9d2b-1c4e-4f70-8b8c-2d3e4f5a6b7c',
    displayName: 'Limited Reader',
    spaces: ['HR'],
  },
  noAccess: {
    email: 'no-access@northwind.example',
    apiToken: 'sim-token-no-access',
    accountId: '712020:7b4a0e3c-2d5f-4a81-9c9d-3e4f5a6b7c8d',
    displayName: 'No Access',
    spaces: [],
    noConfluenceAccess: true,
  },
  scoped: {
    email: 'scoped-bot@northwind.example',
    apiToken: 'sim-token-scoped',
    accountId: '712020:8c5b1f4d-3e6a-4b92-8dae-4f5a6b7c8d9e',
    displayName: 'Scoped Token Bot',
    spaces: BOT_SPACES,
    hiddenPageIds: RESTRICTED,
    scopedToken: true,
  },
};
