import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Operation } from '../../bot/domain/types.js';
import { USERS } from '../support/activities.js';
import { type Harness, startHarness } from '../support/harness.js';
import { operationCommand, POLICY_MATRIX } from '../support/policy-matrix.js';

const MATRIX = POLICY_MATRIX;

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
    return operationCommand(operation, h.confluence.findPageByTitle('ENG', 'Team Rituals')!.id, counter);
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
