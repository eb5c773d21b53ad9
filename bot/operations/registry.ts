import type { Operation } from '../domain/types.js';

/** What an operation does to Confluence: risk is data, and policy and previews derive from it. */
export interface OperationSpec {
  readonly name: Operation;
  readonly description: string;
  /** Never changes Confluence. */
  readonly readOnly: boolean;
  /** Changes or replaces existing content (gets a before/after preview). */
  readonly destructive: boolean;
  /** Must name (or resolve to) one space before it may run. */
  readonly requiresSpace: boolean;
}

/** The four operations, one entry each. Adding an operation = one file + one line here. */
export const OPERATION_SPECS: Readonly<Record<Operation, OperationSpec>> = Object.freeze({
  search: {
    name: 'search',
    description: 'Full-text search of pages in the allowed spaces',
    readOnly: true,
    destructive: false,
    requiresSpace: false,
  },
  get: {
    name: 'get',
    description: "Load a page's content and metadata",
    readOnly: true,
    destructive: false,
    requiresSpace: true,
  },
  create: {
    name: 'create',
    description: 'Create a page from Markdown',
    readOnly: false,
    destructive: false,
    requiresSpace: true,
  },
  update: {
    name: 'update',
    description: "Edit a page's storage in place (append, replace, section, body, title)",
    readOnly: false,
    destructive: true,
    requiresSpace: true,
  },
});
