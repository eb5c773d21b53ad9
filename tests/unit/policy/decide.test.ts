import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Operation, Permission } from '../../../bot/domain/types.js';
import {
  type DecisionInput,
  decide,
  effectiveSpaces,
  explain,
  isSpaceAllowed,
} from '../../../bot/policy/decide.js';
import { DEFAULT_POLICY } from '../../../bot/policy/policy-spec.js';

const actor = { id: '29:u', name: 'User', aadObjectId: 'aad-u' };
const user = { isAdmin: false, isApprover: false };

function input(overrides: Partial<DecisionInput> = {}): DecisionInput {
  return {
    actor,
    roles: user,
    operation: 'get',
    permissions: DEFAULT_POLICY,
    connectorSpaces: ['DS', 'ENG', '~abc123'],
    target: { spaceKey: 'DS' },
    requiresSpace: true,
    ...overrides,
  };
}

describe('effectiveSpaces', () => {
  it.each<
    [string, readonly string[] | '*', readonly string[] | undefined, ReturnType<typeof effectiveSpaces>]
  >([
    ['star, no channel list', '*', undefined, { kind: 'all' }],
    ['star narrowed by channel', '*', ['ds', 'HR'], { kind: 'list', keys: ['DS', 'HR'] }],
    ['star narrowed to nothing', '*', [], { kind: 'list', keys: [] }],
    ['connector list only', ['ds', 'DS', 'eng'], undefined, { kind: 'list', keys: ['DS', 'ENG'] }],
    ['intersection', ['DS', 'ENG'], ['eng', 'HR'], { kind: 'list', keys: ['ENG'] }],
    ['channel cannot widen', ['DS'], ['DS', 'HR', '*'], { kind: 'list', keys: ['DS'] }],
    ['empty connector', [], ['DS'], { kind: 'list', keys: [] }],
    ['malformed dropped', ['D S', 'DЕV', '*', 'OK'], undefined, { kind: 'list', keys: ['OK'] }],
    ['personal exact', ['~Ab1'], ['~ab1'], { kind: 'list', keys: [] }],
  ])('%s', (_name, connector, channel, expected) => {
    expect(effectiveSpaces(connector, channel)).toEqual(expected);
  });
});

describe('isSpaceAllowed — adversarial keys', () => {
  const connector = ['DS', 'ENG', '~557058abc'];
  it.each([
    ['DS', true],
    ['ds', true],
    ['Ds', true],
    ['~557058abc', true],
    ['~557058ABC', false],
    ['557058abc', false],
    ['HR', false],
    ['DЅ', false],
    ['D\u0405', false],
    ['ＤＳ', false],
    ['DS\u200b', false],
    ['\u200bDS', false],
    ['D\u200dS', false],
    [' DS', false],
    ['DS ', false],
    ['DS\n', false],
    ['D S', false],
    ['', false],
    ['*', false],
    ['~', false],
    ['~~557058abc', false],
    ['DS,ENG', false],
    ['DS"', false],
    ['DS) OR space = HR', false],
    ['ENG\u0000', false],
    ['İNG', false],
    ['ıng', false],
  ])('%j → %s', (key, expected) => {
    expect(isSpaceAllowed(key, connector)).toBe(expected);
    expect(decide(input({ connectorSpaces: connector, target: { spaceKey: key } })).permission).toBe(
      expected ? 'allowed' : 'denied',
    );
  });

  it('with a * connector still refuses malformed keys', () => {
    expect(isSpaceAllowed('ANY', '*')).toBe(true);
    expect(isSpaceAllowed('AN Y', '*')).toBe(false);
    expect(isSpaceAllowed('АNY', '*')).toBe(false);
  });

  it('never allows a key containing a non-ASCII-alphanumeric character (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }), (key) => {
        fc.pre(!/^~?[A-Za-z0-9]+$/.test(key));
        expect(isSpaceAllowed(key, '*')).toBe(false);
        expect(decide(input({ connectorSpaces: '*', target: { spaceKey: key } })).permission).toBe('denied');
      }),
      { numRuns: 300 },
    );
  });
});

describe('decide', () => {
  const permissionsCases: [Operation, Permission][] = [
    ['search', 'allowed'],
    ['get', 'confirm'],
    ['create', 'denied'],
    ['update', 'allowed'],
  ];

  it.each(permissionsCases)('follows the channel permission for %s = %s', (operation, permission) => {
    const decision = decide(
      input({
        operation,
        permissions: { ...DEFAULT_POLICY, [operation]: permission },
        target: { spaceKey: 'ENG' },
      }),
    );
    expect(decision.permission).toBe(permission);
    if (permission === 'denied') {
      expect(decision.code).toBe('POLICY_DENIED');
    } else {
      expect(decision.code).toBeUndefined();
      expect(decision.spaceKey).toBe('ENG');
    }
  });

  it('denies an operation with no permission entry (fail closed)', () => {
    const decision = decide(input({ permissions: { search: 'allowed' } }));
    expect(decision).toMatchObject({ permission: 'denied', code: 'POLICY_DENIED' });
  });

  it('denies an unknown permission value smuggled in from a file', () => {
    const permissions = { get: 'yes' } as unknown as Record<Operation, Permission>;
    expect(decide(input({ permissions })).permission).toBe('denied');
  });

  it('policy denial comes before space checks and advises admins', () => {
    const denied = { ...DEFAULT_POLICY, get: 'denied' as const };
    const asUser = decide(input({ permissions: denied, target: { spaceKey: 'nope nope' } }));
    expect(asUser.code).toBe('POLICY_DENIED');
    expect(asUser.reasons.join(' ')).not.toContain('/confluence policy');
    const asAdmin = decide(input({ permissions: denied, roles: { isAdmin: true, isApprover: true } }));
    expect(asAdmin.permission).toBe('denied');
    expect(asAdmin.reasons.join(' ')).toContain('/confluence policy get');
  });

  it('roles never widen the policy', () => {
    const boss = { isAdmin: true, isApprover: true };
    expect(decide(input({ roles: boss, operation: 'create', target: { spaceKey: 'DS' } })).permission).toBe(
      'confirm',
    );
    expect(decide(input({ roles: boss, target: { spaceKey: 'HR' } })).permission).toBe('denied');
  });

  it.each<[string, Partial<DecisionInput>, Permission, string | undefined]>([
    ['unknown page space (null)', { target: { spaceKey: null } }, 'denied', 'SPACE_NOT_ALLOWED'],
    ['no space when required', { target: {} }, 'denied', 'SPACE_NOT_ALLOWED'],
    [
      'search without a space',
      { operation: 'search', requiresSpace: false, target: {} },
      'allowed',
      undefined,
    ],
    [
      'a read under confirm (confirm previews writes only)',
      {
        operation: 'search',
        requiresSpace: false,
        readOnly: true,
        target: {},
        permissions: { search: 'confirm' },
      },
      'denied',
      'POLICY_DENIED',
    ],
    [
      'a write under confirm',
      {
        operation: 'create',
        readOnly: false,
        target: { spaceKey: 'DS' },
        permissions: { create: 'confirm' },
      },
      'confirm',
      undefined,
    ],
    [
      'search without a space but nothing usable',
      { operation: 'search', requiresSpace: false, target: {}, connectorSpaces: [] },
      'denied',
      'SPACE_NOT_ALLOWED',
    ],
    [
      'search in a disallowed space',
      { operation: 'search', requiresSpace: false, target: { spaceKey: 'HR' } },
      'denied',
      'SPACE_NOT_ALLOWED',
    ],
    ['empty connector list', { connectorSpaces: [] }, 'denied', 'SPACE_NOT_ALLOWED'],
    ['empty channel list', { channelSpaces: [] }, 'denied', 'SPACE_NOT_ALLOWED'],
    [
      '* connector narrowed by channel (inside)',
      { connectorSpaces: '*', channelSpaces: ['DS'] },
      'allowed',
      undefined,
    ],
    [
      '* connector narrowed by channel (outside)',
      { connectorSpaces: '*', channelSpaces: ['ENG'] },
      'denied',
      'SPACE_NOT_ALLOWED',
    ],
    [
      'channel tries to widen',
      { channelSpaces: ['HR'], target: { spaceKey: 'HR' } },
      'denied',
      'SPACE_NOT_ALLOWED',
    ],
    ['personal space exact', { target: { spaceKey: '~abc123' } }, 'allowed', undefined],
    ['personal space other case', { target: { spaceKey: '~ABC123' } }, 'denied', 'SPACE_NOT_ALLOWED'],
    ['personal space of someone else', { target: { spaceKey: '~zzz999' } }, 'denied', 'SPACE_NOT_ALLOWED'],
    [
      'create under a parent in the same space',
      { operation: 'create', target: { spaceKey: 'DS', parentSpaceKey: 'ds' } },
      'confirm',
      undefined,
    ],
    [
      'create under a parent in another allowed space',
      { operation: 'create', target: { spaceKey: 'DS', parentSpaceKey: 'ENG' } },
      'denied',
      'SPACE_NOT_ALLOWED',
    ],
    [
      'create under a parent in a forbidden space',
      { operation: 'create', target: { spaceKey: 'DS', parentSpaceKey: 'HR' } },
      'denied',
      'SPACE_NOT_ALLOWED',
    ],
    [
      'create under a parent whose space is unknown',
      { operation: 'create', target: { spaceKey: 'DS', parentSpaceKey: null } },
      'denied',
      'SPACE_NOT_ALLOWED',
    ],
    [
      'create under a parent with a look-alike key',
      { operation: 'create', target: { spaceKey: 'DS', parentSpaceKey: 'DЅ' } },
      'denied',
      'SPACE_NOT_ALLOWED',
    ],
    [
      'create in a forbidden space under an allowed parent',
      { operation: 'create', target: { spaceKey: 'HR', parentSpaceKey: 'DS' } },
      'denied',
      'SPACE_NOT_ALLOWED',
    ],
  ])('%s', (_name, overrides, permission, code) => {
    const decision = decide(input(overrides));
    expect(decision.permission).toBe(permission);
    expect(decision.code).toBe(code);
    expect(decision.reasons.length).toBeGreaterThan(0);
  });

  it('returns the whole chain of reasons', () => {
    const decision = decide(
      input({ operation: 'update', connectorSpaces: '*', channelSpaces: ['ds'], target: { spaceKey: 'ds' } }),
    );
    expect(decision.permission).toBe('confirm');
    expect(decision.spaceKey).toBe('DS');
    expect(decision.spaces).toEqual({ kind: 'list', keys: ['DS'] });
    expect(decision.reasons).toEqual([
      "this channel's policy sets update to confirm",
      'the connector allows every space its account can see; this channel narrows that to ds (usable here: DS)',
      'space DS is usable',
      'update needs approval: a preview goes to the approvers and it runs only after one approves',
    ]);
  });

  it('shows invisible characters in reasons instead of hiding them', () => {
    const decision = decide(input({ target: { spaceKey: 'DS\u200b' } }));
    expect(decision.reasons.at(-1)).toContain('DSU+200B');
  });
});

describe('explain', () => {
  it('puts the verdict first, then every reason', () => {
    const text = explain(input({ operation: 'create', target: { spaceKey: 'HR' } }));
    const lines = text.split('\n');
    expect(lines[0]).toBe('create in "HR": denied');
    expect(lines.slice(1).every((line) => line.startsWith('- '))).toBe(true);
    expect(text).toContain('space HR is not one of the usable spaces');
  });

  it('describes a search over every usable space', () => {
    expect(explain(input({ operation: 'search', requiresSpace: false, target: {} }))).toMatch(
      /^search: allowed\n/,
    );
  });
});
