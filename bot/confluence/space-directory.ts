import { AppError } from '../errors.js';
import { assertSpaceKey } from './cql.js';
import type { HttpTransport } from './http.js';
import { toSpace as spaceFromDto } from './map-dto.js';
import { type SpaceDto, spaceListSchema, spaceSchema } from './schemas.js';
import type { Space } from './types.js';

/** Space look-ups of one client, with the key ⇄ id pairs it has seen cached for its life. */
export interface SpaceDirectory {
  /** Spaces by key (250 per call); unknown keys are simply absent. */
  getSpaces(keys: readonly string[]): Promise<readonly Space[]>;
  /** Every space the account can see (first 250). */
  listSpaces(): Promise<readonly Space[]>;
  /** The v2 space id of `key`. Throws CONFLUENCE_NOT_FOUND when the account cannot see it. */
  resolveSpaceId(key: string): Promise<string>;
  /** The key of a space id; parallel reads of one space share one call. */
  resolveSpaceKey(spaceId: string): Promise<string>;
  /** The key of a space id if already seen (no call). */
  knownSpaceKey(spaceId: string): string | undefined;
}

/**
 * The space directory of one client (v2 spaces). `baseOr` turns an answer's `_links.base` into the
 * web base for links (and lets the client learn it).
 */
export function createSpaceDirectory(
  http: HttpTransport,
  baseOr: (base: string | null | undefined) => string,
): SpaceDirectory {
  const spaceIdByKey = new Map<string, string>();
  const spaceKeyById = new Map<string, string>();
  const rememberSpace = (dto: SpaceDto): void => {
    spaceIdByKey.set(dto.key, dto.id);
    spaceKeyById.set(dto.id, dto.key);
  };
  const toSpace = (dto: SpaceDto, base: string | null | undefined): Space => {
    rememberSpace(dto);
    return spaceFromDto(dto, baseOr(base));
  };

  const getSpaces = async (keys: readonly string[]): Promise<readonly Space[]> => {
    const unique = [...new Set(keys.map(assertSpaceKey))];
    const spaces: Space[] = [];
    for (let i = 0; i < unique.length; i += 250) {
      const chunk = unique.slice(i, i + 250);
      const list = await http.request(
        { method: 'GET', path: '/wiki/api/v2/spaces', query: { keys: chunk, limit: 250 } },
        spaceListSchema,
      );
      for (const dto of list.results) spaces.push(toSpace(dto, list._links?.base));
    }
    return spaces;
  };

  const resolveSpaceId = async (key: string): Promise<string> => {
    assertSpaceKey(key);
    const cached = spaceIdByKey.get(key);
    if (cached !== undefined) return cached;
    const spaces = await getSpaces([key]);
    const found =
      spaces.find((s) => s.key === key) ?? spaces.find((s) => s.key.toUpperCase() === key.toUpperCase());
    if (!found) {
      throw new AppError('CONFLUENCE_NOT_FOUND', {
        userMessage: `Space ${key} does not exist, or the connector account cannot see it.`,
        details: { spaceKey: key },
      });
    }
    return found.id;
  };

  /** In-flight and finished space-key look-ups by space id (parallel reads share one call). */
  const spaceKeyLookups = new Map<string, Promise<string>>();
  const resolveSpaceKey = (spaceId: string): Promise<string> => {
    const cached = spaceKeyById.get(spaceId);
    if (cached !== undefined) return Promise.resolve(cached);
    let lookup = spaceKeyLookups.get(spaceId);
    if (!lookup) {
      lookup = http
        .request({ method: 'GET', path: `/wiki/api/v2/spaces/${encodeURIComponent(spaceId)}` }, spaceSchema)
        .then((dto) => {
          rememberSpace(dto);
          return dto.key;
        })
        .finally(() => spaceKeyLookups.delete(spaceId));
      spaceKeyLookups.set(spaceId, lookup);
    }
    return lookup;
  };

  const listSpaces = async (): Promise<readonly Space[]> => {
    const list = await http.request(
      { method: 'GET', path: '/wiki/api/v2/spaces', query: { limit: 250 } },
      spaceListSchema,
    );
    return list.results.map((dto) => toSpace(dto, list._links?.base));
  };

  return {
    getSpaces,
    listSpaces,
    resolveSpaceId,
    resolveSpaceKey,
    knownSpaceKey: (spaceId) => spaceKeyById.get(spaceId),
  };
}
