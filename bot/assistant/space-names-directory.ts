import type { ConfluenceClient } from '../confluence/types.js';
import type { ConnectorInfo } from '../connectors/connector-store.js';
import type { ChatRequest } from '../domain/chat.js';
import { toAppError } from '../errors.js';
import { mentionsSpaceName, type NamedSpace, nameSpaces } from '../intent/space-names.js';
import type { Intent } from '../intent/types.js';
import { type EffectiveSpaces, effectiveSpaces } from '../policy/decide.js';
import { normalizeSpaceKey, normalizeSpaceKeys } from '../policy/space-keys.js';
import { channelContext } from './channel-context.js';
import type { AssistantDeps } from './deps.js';

/** How long a connector's space names are reused before Confluence is asked again. */
export const SPACE_NAMES_TTL_MS = 5 * 60 * 1000;
/** Connectors whose space names are kept at most; the oldest entry goes first. */
export const SPACE_NAMES_MAX_CONNECTORS = 50;

/** The names of the spaces a connector may use, read from Confluence and kept a few minutes. */
export interface SpaceNamesDirectory {
  /**
   * The spaces usable under `usable` (the connector's list narrowed by the channel), with their
   * names: the connector's spaces as Confluence names them (`getSpaces` of its list, or `listSpaces`
   * for `*`), cached per connector, then filtered by `usable` — never a space outside it. Parallel
   * calls share one look-up; a failed look-up is not kept. Throws the client's AppErrors.
   */
  spacesFor(
    connector: ConnectorInfo,
    client: ConfluenceClient,
    usable: EffectiveSpaces,
  ): Promise<readonly NamedSpace[]>;
}

interface Entry {
  readonly at: number;
  readonly spaces: Promise<readonly NamedSpace[]>;
}

/** A bounded, short-lived cache of each connector's space names (see {@link SpaceNamesDirectory}). */
export function createSpaceNamesDirectory(
  now: () => Date,
  options: { ttlMs?: number; maxConnectors?: number } = {},
): SpaceNamesDirectory {
  const ttlMs = options.ttlMs ?? SPACE_NAMES_TTL_MS;
  const max = options.maxConnectors ?? SPACE_NAMES_MAX_CONNECTORS;
  const entries = new Map<string, Entry>();

  const load = async (connector: ConnectorInfo, client: ConfluenceClient): Promise<readonly NamedSpace[]> => {
    const keys = connector.spaces === '*' ? undefined : normalizeSpaceKeys(connector.spaces).keys;
    if (keys?.length === 0) return [];
    const spaces = keys === undefined ? await client.listSpaces() : await client.getSpaces(keys);
    return spaces.map((space) => ({ key: space.key, name: space.name }));
  };

  return {
    async spacesFor(connector, client, usable) {
      const cacheKey = JSON.stringify([
        connector.name,
        connector.siteUrl,
        connector.email,
        connector.tokenRotatedAt ?? connector.tokenCreatedAt,
        connector.updatedAt,
        connector.spaces,
      ]);
      const at = now().getTime();
      let entry = entries.get(cacheKey);
      if (entry && at - entry.at > ttlMs) {
        entries.delete(cacheKey);
        entry = undefined;
      }
      if (!entry) {
        const spaces = load(connector, client);
        entry = { at, spaces };
        entries.set(cacheKey, entry);
        spaces.catch(() => {
          if (entries.get(cacheKey)?.spaces === spaces) entries.delete(cacheKey);
        });
        while (entries.size > max) {
          const oldest = entries.keys().next().value;
          if (oldest === undefined) break;
          entries.delete(oldest);
        }
      }
      const spaces = await entry.spaces;
      if (usable.kind === 'all') return spaces;
      const allowed = new Set(usable.keys);
      return spaces.filter((space) => {
        const key = normalizeSpaceKey(space.key);
        return key !== undefined && allowed.has(key);
      });
    },
  };
}

/** One directory per running bot (per deps object), shared by typed messages and "did you mean" buttons. */
const directories = new WeakMap<AssistantDeps, SpaceNamesDirectory>();

function directoryOf(deps: AssistantDeps): SpaceNamesDirectory {
  let directory = directories.get(deps);
  if (!directory) {
    directory = createSpaceNamesDirectory(deps.now);
    directories.set(deps, directory);
  }
  return directory;
}

/**
 * Resolves spaces named in words (bot/intent/space-names.ts) for one message, against the spaces
 * this channel may use: none of the connector's allowed spaces narrowed by the channel's list is
 * ever widened by a name. Asks Confluence only when `mentionsSpaceName` says a name may be there
 * (and at most once per connector every few minutes); without a connector, with no usable space or
 * when Confluence fails, the intent is returned as parsed — the turn goes on and fails closed as
 * before if the space was wrong.
 */
export async function resolveSpaceNames(
  deps: AssistantDeps,
  chat: Pick<ChatRequest, 'actor' | 'conversation' | 'text'>,
  intent: Intent,
): Promise<Intent> {
  if (!mentionsSpaceName(intent, chat.text)) return intent;
  const context = channelContext(deps, chat.actor, chat.conversation.channelKey);
  const connector = context.connector;
  if (!connector) return intent;
  const usable = effectiveSpaces(connector.spaces, context.settings?.spaces);
  if (
    usable.kind === 'list' &&
    (usable.keys.length === 0 || !mentionsSpaceName(intent, chat.text, usable.keys))
  )
    return intent;
  try {
    const spaces = await directoryOf(deps).spacesFor(connector, deps.clients.get(connector.name), usable);
    return nameSpaces(intent, spaces);
  } catch (error) {
    deps.logger.info(
      { code: toAppError(error).code, connector: connector.name },
      'space names unavailable; the message is read as typed',
    );
    return intent;
  }
}
