import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../bot/errors.js';
import {
  DEFAULT_POLICY,
  formatPolicySpec,
  parsePolicySpec,
  resolveChannelPolicy,
} from '../../../bot/policy/policy-spec.js';

function problemsOf(text: string): string[] {
  try {
    parsePolicySpec(text);
  } catch (error) {
    expect(isAppError(error, 'CONFIG_INVALID')).toBe(true);
    return (error as { details: { problems: string[] } }).details.problems;
  }
  throw new Error('expected a CONFIG_INVALID error');
}

describe('parsePolicySpec', () => {
  it('defaults to reads allowed, writes confirm', () => {
    expect(DEFAULT_POLICY).toEqual({
      search: 'allowed',
      get: 'allowed',
      create: 'confirm',
      update: 'confirm',
    });
    expect(parsePolicySpec('')).toEqual(DEFAULT_POLICY);
    expect(parsePolicySpec(' , ')).toEqual(DEFAULT_POLICY);
  });

  it('parses the documented form and fills missing operations with the default', () => {
    expect(parsePolicySpec('search=allowed,get=allowed,create=confirm,update=confirm')).toEqual(
      DEFAULT_POLICY,
    );
    expect(parsePolicySpec(' UPDATE = Denied ')).toEqual({ ...DEFAULT_POLICY, update: 'denied' });
    expect(parsePolicySpec('create=allowed,search=denied')).toEqual({
      search: 'denied',
      get: 'allowed',
      create: 'allowed',
      update: 'confirm',
    });
  });

  it('lists every problem at once', () => {
    const problems = problemsOf('delete=allowed,get=maybe,create,search=allowed,search=denied');
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/unknown operation "delete"/);
    expect(problems.join('\n')).toMatch(/unknown permission "maybe" for "get"/);
    expect(problems.join('\n')).toMatch(/"create" is not/);
    expect(problems.join('\n')).toMatch(/"search" is given more than once/);
  });

  it('refuses confirm for reads (confirm previews writes only)', () => {
    const problems = problemsOf('search=confirm,get=confirm,create=confirm,update=confirm');
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toMatch(/search cannot be "confirm"/);
    expect(problems.join('\n')).toMatch(/get cannot be "confirm"/);
  });

  it('round-trips through formatPolicySpec', () => {
    const policy = parsePolicySpec('search=denied,update=allowed');
    expect(parsePolicySpec(formatPolicySpec(policy))).toEqual(policy);
  });

  it('overlays channel choices on the default', () => {
    expect(resolveChannelPolicy(DEFAULT_POLICY, undefined)).toEqual(DEFAULT_POLICY);
    expect(resolveChannelPolicy(DEFAULT_POLICY, { create: 'denied' })).toEqual({
      ...DEFAULT_POLICY,
      create: 'denied',
    });
  });
});
