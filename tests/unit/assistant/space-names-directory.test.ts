import { describe, expect, it } from 'vitest';
import {
  createSpaceNamesDirectory,
  SPACE_NAMES_TTL_MS,
} from '../../../bot/assistant/space-names-directory.js';
import type { ConfluenceClient, Space } from '../../../bot/confluence/types.js';
import type { ConnectorInfo } from '../../../bot/connectors/connector-store.js';
import { AppError } from '../../../bot/errors.js';
import type { EffectiveSpaces } from '../../../bot/policy/decide.js';

const SPACES: Space[] = [
  { id: '1', key: 'ENG', name: 'Engineering' },
  { id: '2', key: 'HR', name: 'People & HR' },
  { id: '3', key: 'OPS', name: 'IT & Operations' },
  { id: '4', key: 'LEGAL', name: 'Legal' },
];

/** A client that answers space look-ups from SPACES and records them; everything else is unused. */
function fakeClient(failures = 0): { client: ConfluenceClient; calls: string[] } {
  const calls: string[] = [];
  let failing = failures;
  const answer = async (call: string, spaces: readonly Space[]): Promise<readonly Space[]> => {
    calls.push(call);
    await Promise.resolve();
    if (failing > 0) {
      failing -= 1;
      throw new AppError('CONFLUENCE_UNAVAILABLE');
    }
    return spaces;
  };
  const unused = (): never => {
    throw new Error('not used');
  };
  const client: ConfluenceClient = {
    getSpaces: (keys) =>
      answer(
        `getSpaces ${keys.join(',')}`,
        SPACES.filter((space) => keys.includes(space.key)),
      ),
    listSpaces: () => answer('listSpaces', SPACES),
    searchPages: unused,
    getPage: unused,
    createPage: unused,
    updatePage: unused,
    getCurrentUser: unused,
    getUserName: unused,
  };
  return { client, calls };
}

function connector(spaces: ConnectorInfo['spaces'], name = 'main'): ConnectorInfo {
  return {
    name,
    key: name,
    siteUrl: 'http://127.0.0.1:1',
    email: 'bot@example.test',
    spaces,
    origin: 'env',
    isDefault: true,
    tokenCreatedAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

const ALL: EffectiveSpaces = { kind: 'all' };
const list = (...keys: string[]): EffectiveSpaces => ({ kind: 'list', keys });

describe('space names directory', () => {
  it("asks for the connector's own spaces by key, and hands out only the usable ones", async () => {
    const { client, calls } = fakeClient();
    const directory = createSpaceNamesDirectory(() => new Date(0));
    const main = connector(['ENG', 'hr', 'OPS']);
    expect(await directory.spacesFor(main, client, list('ENG', 'HR', 'OPS'))).toEqual([
      { key: 'ENG', name: 'Engineering' },
      { key: 'HR', name: 'People & HR' },
      { key: 'OPS', name: 'IT & Operations' },
    ]);
    expect(await directory.spacesFor(main, client, list('HR'))).toEqual([{ key: 'HR', name: 'People & HR' }]);
    expect(await directory.spacesFor(main, client, list())).toEqual([]);
    expect(calls).toEqual(['getSpaces ENG,HR,OPS']);
  });

  it('lists every visible space for a `*` connector, narrowed by the channel', async () => {
    const { client, calls } = fakeClient();
    const directory = createSpaceNamesDirectory(() => new Date(0));
    const star = connector('*');
    expect((await directory.spacesFor(star, client, ALL)).map((s) => s.key)).toEqual([
      'ENG',
      'HR',
      'OPS',
      'LEGAL',
    ]);
    expect((await directory.spacesFor(star, client, list('OPS'))).map((s) => s.key)).toEqual(['OPS']);
    expect(calls).toEqual(['listSpaces']);
  });

  it('makes no call for a connector with no spaces', async () => {
    const { client, calls } = fakeClient();
    const directory = createSpaceNamesDirectory(() => new Date(0));
    expect(await directory.spacesFor(connector([]), client, list())).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('keeps names a few minutes, then asks again; a change of the allowed list asks at once', async () => {
    let now = 0;
    const { client, calls } = fakeClient();
    const directory = createSpaceNamesDirectory(() => new Date(now));
    const main = connector(['ENG']);
    await directory.spacesFor(main, client, list('ENG'));
    now = SPACE_NAMES_TTL_MS;
    await directory.spacesFor(main, client, list('ENG'));
    expect(calls).toHaveLength(1);
    now = SPACE_NAMES_TTL_MS + 1;
    await directory.spacesFor(main, client, list('ENG'));
    expect(calls).toHaveLength(2);
    await directory.spacesFor(connector(['ENG', 'HR']), client, list('ENG', 'HR'));
    expect(calls).toEqual(['getSpaces ENG', 'getSpaces ENG', 'getSpaces ENG,HR']);
  });

  it('shares one look-up between parallel messages and does not keep a failed one', async () => {
    const { client, calls } = fakeClient(1);
    const directory = createSpaceNamesDirectory(() => new Date(0));
    const main = connector(['ENG']);
    const both = await Promise.allSettled([
      directory.spacesFor(main, client, list('ENG')),
      directory.spacesFor(main, client, list('ENG')),
    ]);
    expect(both.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await directory.spacesFor(main, client, list('ENG'))).toEqual([
      { key: 'ENG', name: 'Engineering' },
    ]);
    expect(calls).toEqual(['getSpaces ENG', 'getSpaces ENG']);
  });

  it('holds a bounded number of connectors, forgetting the oldest', async () => {
    const { client, calls } = fakeClient();
    const directory = createSpaceNamesDirectory(() => new Date(0), { maxConnectors: 2 });
    for (const name of ['a', 'b', 'c', 'a'])
      await directory.spacesFor(connector(['ENG'], name), client, list('ENG'));
    expect(calls).toHaveLength(4);
    await directory.spacesFor(connector(['ENG'], 'c'), client, list('ENG'));
    expect(calls).toHaveLength(4);
  });
});
