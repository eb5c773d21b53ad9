import type { Operation } from '../domain/types.js';
import { createOperation } from './create.js';
import { getOperation } from './get.js';
import type { OperationSpec } from './registry.js';
import { searchOperation } from './search.js';
import { updateOperation } from './update.js';

/**
 * Every operation, one file each (its spec, plan, execute, present), run by the one pipeline
 * (pipeline.ts). Adding an operation = its file + its line here (+ its spec in registry.ts);
 * a test pins this set.
 */
export const OPERATIONS = Object.freeze({
  search: searchOperation,
  get: getOperation,
  create: createOperation,
  update: updateOperation,
}) satisfies Readonly<Record<Operation, { readonly kind: 'read' | 'write'; readonly spec: OperationSpec }>>;

/** The registered operations, by name. */
export type Operations = typeof OPERATIONS;
