import type { Operation, Permission } from '../../bot/domain/types.js';

/** What a permission does to an operation in the tests (reads cannot be set to confirm). */
export type MatrixOutcome = 'runs' | 'approval card' | 'refused' | 'not settable';

/** Every operation under every policy value. */
export const POLICY_MATRIX: readonly [Operation, Permission, MatrixOutcome][] = [
  ['search', 'allowed', 'runs'],
  ['search', 'confirm', 'not settable'],
  ['search', 'denied', 'refused'],
  ['get', 'allowed', 'runs'],
  ['get', 'confirm', 'not settable'],
  ['get', 'denied', 'refused'],
  ['create', 'allowed', 'runs'],
  ['create', 'confirm', 'approval card'],
  ['create', 'denied', 'refused'],
  ['update', 'allowed', 'runs'],
  ['update', 'confirm', 'approval card'],
  ['update', 'denied', 'refused'],
];

/** The command that runs `operation` on the simulator's ENG "Team Rituals" page; `n` keeps titles unique. */
export function operationCommand(operation: Operation, pageId: string, n: number): string {
  switch (operation) {
    case 'search':
      return 'search rituals';
    case 'get':
      return `get ${pageId}`;
    case 'create':
      return `create "Matrix page ${n}" in ENG\nbody ${n}`;
    case 'update':
      return `update ${pageId}\nappend: matrix line ${n}`;
  }
}
