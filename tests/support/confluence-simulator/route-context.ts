import type { SimulatorStore } from './store.js';
import type { SimulatorAccount } from './types.js';

/** Everything a route handler needs about one authenticated request. */
export interface RouteContext {
  method: string;
  /** Path below the optional `/ex/confluence/{cloudId}` prefix, e.g. `/wiki/api/v2/pages/1`. */
  path: string;
  query: URLSearchParams;
  account: SimulatorAccount;
  /** Parsed JSON body (undefined when there was none). */
  body: unknown;
  store: SimulatorStore;
  /** `<site>/wiki`, the `_links.base` of every answer. */
  baseUrl: string;
  /** Consumes one pending spurious-conflict fault, if any. */
  takeSpuriousConflict: () => boolean;
}
