import { join } from 'node:path';
import { z } from 'zod';
import type { Actor } from '../domain/types.js';
import type { Logger } from '../logger.js';
import { openJsonDocument } from '../stores/json-document.js';

const MAX_PEOPLE = 10_000;

/**
 * Remembers the chat ids (Teams MRIs, `29:…`) of people the bot has heard from, keyed by their
 * aadObjectId. Role lists usually hold aadObjectIds, but Teams' per-user card refresh needs MRIs.
 * Bounded (oldest forgotten first).
 */
export interface PeopleDirectory {
  /** Records the actor's ids; returns true when the mapping is new or changed. */
  remember(actor: Actor): boolean;
  /** Chat ids for role-list entries: MRIs pass through, known aadObjectIds are mapped, others kept as given. */
  chatIdsFor(ids: readonly string[]): string[];
  /** The mapping, oldest first (for persistence). */
  entries(): [string, string][];
}

/** Creates a directory, optionally seeded with saved `[aadObjectId, chatId]` pairs (oldest first). */
export function createPeopleDirectory(initial: readonly (readonly [string, string])[] = []): PeopleDirectory {
  const byAad = new Map<string, string>();
  const set = (aad: string, id: string) => {
    byAad.delete(aad);
    byAad.set(aad, id);
    if (byAad.size > MAX_PEOPLE) byAad.delete(byAad.keys().next().value as string);
  };
  for (const [aad, id] of initial) set(aad, id);
  return {
    remember(actor) {
      if (!actor.aadObjectId || actor.aadObjectId === actor.id) return false;
      const changed = byAad.get(actor.aadObjectId) !== actor.id;
      set(actor.aadObjectId, actor.id);
      return changed;
    },
    chatIdsFor(ids) {
      return [...new Set(ids.map((id) => byAad.get(id) ?? id))];
    },
    entries: () => [...byAad.entries()],
  };
}

const peopleFileSchema = z.object({
  people: z.array(z.tuple([z.string().max(200), z.string().max(200)])).max(MAX_PEOPLE),
});

/**
 * The directory backed by `<dataDir>/people.json`, so approvers keep their per-user card view after a
 * restart. The file is rewritten (through the store's queue) only when a mapping is new or changed.
 */
export async function openPeopleDirectory(dataDir: string, logger: Logger): Promise<PeopleDirectory> {
  const document = await openJsonDocument(join(dataDir, 'people.json'), peopleFileSchema, { people: [] });
  const directory = createPeopleDirectory(document.read().people);
  return {
    ...directory,
    remember(actor) {
      const changed = directory.remember(actor);
      if (changed) {
        void document
          .update((draft) => {
            draft.people = directory.entries();
          })
          .catch((error: unknown) =>
            logger.warn({ err: String(error) }, 'could not save the people directory'),
          );
      }
      return changed;
    },
  };
}
