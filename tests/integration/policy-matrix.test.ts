import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Operation, Permission } from '../../bot/domain/types.js';
import { USERS } from '../support/activities.js';
import { type Harness, startHarness } from '../support/harness.js';

type Expected = 'runs' | 'approval card' | 'refused' | 'not settable';

/** What each permission does to each operation (reads cannot be set to confirm: approval previews writes). */
const MATRIX: readonly [Operation, Permission, Expected][] = [
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

/** Every operation under every policy value, end to end over HTTP. */
describe('policy matrix', () => {
  let h: Harness;
  let counter = 0;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const commandFor = (operation: Operation): string => {
    counter += 1;
    const page = h.confluence.findPageByTitle('ENG', 'Team Rituals')!;
    switch (operation) {
      case 'search':
        return 'search rituals';
      case 'get':
        return `get ${page.id}`;
      case 'create':
        return `create "Matrix page ${counter}" in ENG\nbody ${counter}`;
      case 'update':
        return `update ${page.id}\nappend: matrix line ${counter}`;
    }
  };

  it.each(MATRIX)('%s under %s: %s', async (operation, permission, expected) => {
    const set = await h.say(`/confluence policy ${operation} ${permission}`, { from: USERS.admin });
    if (expected === 'not settable') {
      expect(set.text).toMatch(/Not changed: .* cannot be "confirm"/);
      const shown = await h.say('/confluence policy', { from: USERS.admin });
      expect(shown.text).not.toMatch(new RegExp(`${operation}\\W+confirm`, 'i'));
      return;
    }
    expect(set.text).toMatch(/Policy updated/);
    const writesBefore = h.confluence.requests.filter((r) => r.method !== 'GET').length;
    const callsBefore = h.confluence.requests.length;
    const result = await h.say(commandFor(operation));
    const writes = h.confluence.requests.filter((r) => r.method !== 'GET').length - writesBefore;
    const entry = (await h.app.audit.tail(1))[0];
    expect(entry?.operation).toBe(operation);
    if (expected === 'runs') {
      expect(result.text).not.toMatch(/denied|refused|Waiting for approval/i);
      expect(writes).toBe(operation === 'create' || operation === 'update' ? 1 : 0);
      expect(entry?.decision).toBe('allowed');
      expect(entry?.outcome).toBe('ok');
    } else if (expected === 'approval card') {
      expect(result.text).toMatch(/Waiting for approval/);
      expect(writes).toBe(0);
      expect(entry?.decision).toBe('confirm');
      expect(entry?.outcome).toBe('pending');
    } else {
      expect(result.text).toMatch(/denied|refused|confirm applies to writes only/i);
      expect(writes).toBe(0);
      expect(h.confluence.requests.length).toBe(callsBefore);
      expect(entry?.decision).toBe('denied');
    }
  });
});
