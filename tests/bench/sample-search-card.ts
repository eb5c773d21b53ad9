import type { SearchResultsData } from '../../bot/views/page-card-types.js';

/** Search-results card data with ten hits, like a real search answer: what the benches render. */
export function tenHitsSearchCardData(): SearchResultsData {
  const hit = {
    pageId: '1',
    title: 'VPN Setup Guide',
    spaceKey: 'OPS',
    excerpt: [
      { text: 'The company ', highlight: false },
      { text: 'VPN', highlight: true },
      { text: ' uses WireGuard.', highlight: false },
    ],
    lastModified: '2025-02-27 09:00 UTC',
    webUrl: 'https://example.atlassian.net/wiki/spaces/OPS/pages/1',
  };
  return {
    query: 'vpn',
    spaceFilter: 'in ENG, HR, OPS',
    total: 10,
    hits: Array.from({ length: 10 }, () => hit),
  };
}
