/**
 * A local Confluence Cloud simulator for tests and manual runs: v1 CQL search, v1 current user,
 * v2 pages and spaces, Basic auth, permissions, version conflicts, faults and rate limits.
 */
export { DEFAULT_ACCOUNTS } from './accounts.js';
export { DEFAULT_PAGES, DEFAULT_SPACES } from './corpus/index.js';
export { CqlError, type CqlExpression, type CqlQuery, parseCql, tokenizeCql } from './cql.js';
export { SEARCH_MAX_LIMIT } from './routes-search.js';
export { DUPLICATE_TITLE_MESSAGE } from './routes-v2.js';
export {
  type ConfluenceSimulator,
  MAX_BODY_BYTES,
  type SimulatorOptions,
  startConfluenceSimulator,
} from './server.js';
export { findStorageError, storageToPlainText } from './storage-xml.js';
export type {
  RecordedRequest,
  SimPage,
  SimPageVersion,
  SimSpace,
  SimulatorAccount,
  SimulatorFault,
} from './types.js';
