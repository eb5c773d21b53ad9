import type { Actor } from '../domain/types.js';

const MAX_PEOPLE = 10_000;

/**
 * Remembers the chat ids (Teams MRIs, `29:…`) of people the bot has heard from, keyed by their
 * aadObjectId. Role lists usually hold aadObjectIds, but Teams' per-user card refresh needs MRIs.
 * Bounded (oldest forgotten first); in memory only, so it refills as people talk after a restart.
 */
export interface PeopleDirectory {
  remember(actor: Actor): void;
  /** Chat ids for role-list entries: MRIs pass through, known aadObjectIds are mapped, others kept as given. */
  chatIdsFor(ids: readonly string[]): string[];
}

/** Creates an empty directory. */
export function createPeopleDirectory(): PeopleDirectory {
  const byAad = new Map<string, string>();
  return {
    remember(actor) {
      if (!actor.aadObjectId || actor.aadObjectId === actor.id) return;
      byAad.delete(actor.aadObjectId);
      byAad.set(actor.aadObjectId, actor.id);
      if (byAad.size > MAX_PEOPLE) byAad.delete(byAad.keys().next().value as string);
    },
    chatIdsFor(ids) {
      return [...new Set(ids.map((id) => byAad.get(id) ?? id))];
    },
  };
}
