/**
 * The model client of a running bot: `deps.model` when one was injected, else one built from
 * `config.model` on first use and kept for the life of that configuration. `undefined` when no
 * model key is configured (offline only, the default).
 */
import type { AssistantDeps } from '../assistant/deps.js';
import { createModelClient, type ModelClient } from './model-client.js';

/** One client per (frozen) model configuration, so every turn shares it. */
const clients = new WeakMap<object, ModelClient>();

export function modelOf(deps: Pick<AssistantDeps, 'config' | 'logger' | 'model'>): ModelClient | undefined {
  if (deps.model) return deps.model;
  const config = deps.config.model;
  if (!config) return undefined;
  let client = clients.get(config);
  if (!client) {
    client = createModelClient(config, { logger: deps.logger });
    clients.set(config, client);
    deps.logger.info(
      { provider: config.provider, model: config.model },
      'language model on: it proposes readings of unclear messages and composes answers from retrieved passages',
    );
  }
  return client;
}
