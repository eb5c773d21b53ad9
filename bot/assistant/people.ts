import { join } from 'node:path';
import { z } from 'zod';
import type { ChatMember, ChatPort, ChatTarget } from '../domain/chat.js';
import type { Actor } from '../domain/types.js';
import type { Logger } from '../logger.js';
import { openJsonDocument } from '../stores/json-document.js';
import { MAX_REFRESH_USER_IDS } from '../views/build-view-data.js';

const MAX_PEOPLE = 10_000;
const MAX_NAMES = 20_000;
const MAX_ABSENT = 10_000;

/** Roster calls per approval card at most; further approvers use what is already known. */
const MAX_LOOKUPS_PER_CARD = 100;

/** Role-list entries that name people on another platform (never looked up in a Teams roster). */
const isForeignId = (id: string) => id.startsWith('slack:');

/**
 * Remembers the chat ids (Teams MRIs, `29:…`) and display names of people, keyed by their
 * aadObjectId, learned from messages and from roster look-ups. Role lists usually hold
 * aadObjectIds, but Teams' per-user card refresh needs MRIs and cards should show names. Also
 * remembers who the roster said is not in a conversation, so a re-drawn card keeps saying so.
 * Bounded (oldest forgotten first).
 */
export interface PeopleDirectory {
  /** Records the actor's ids and name; returns true when something is new or changed. */
  remember(actor: Actor): boolean;
  /** Records a roster answer for `requestedId` in conversation `place` (present). */
  rememberMember(place: string, requestedId: string, member: ChatMember): boolean;
  /** Records that the roster of `place` does not have `id`. */
  rememberAbsent(place: string, id: string): boolean;
  /** True when the roster of `place` last said `id` is not a member. */
  isAbsent(place: string, id: string): boolean;
  /** Chat ids for role-list entries: MRIs pass through, known aadObjectIds are mapped, others kept as given. */
  chatIdsFor(ids: readonly string[]): string[];
  /** The display name known for an aadObjectId or chat id. */
  nameOf(id: string): string | undefined;
  /** The mapping, oldest first (for persistence). */
  entries(): [string, string][];
  /** Known names, oldest first (for persistence). */
  names(): [string, string][];
  /** Absence marks as `[place, id]`, oldest first (for persistence). */
  absences(): [string, string][];
}

/** A bounded insertion-ordered map: setting a key moves it to the end; the oldest key is evicted. */
function boundedSet<V>(map: Map<string, V>, max: number, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value as string);
}

/** Saved state of a directory. */
export interface PeopleSnapshot {
  readonly people?: readonly (readonly [string, string])[];
  readonly names?: readonly (readonly [string, string])[];
  readonly absent?: readonly (readonly [string, string])[];
}

/** Creates a directory, optionally seeded with saved state (each list oldest first). */
export function createPeopleDirectory(
  initial: readonly (readonly [string, string])[] | PeopleSnapshot = [],
): PeopleDirectory {
  const snapshot: PeopleSnapshot = Array.isArray(initial)
    ? { people: initial as readonly (readonly [string, string])[] }
    : (initial as PeopleSnapshot);
  const byAad = new Map<string, string>();
  const names = new Map<string, string>();
  const absent = new Map<string, [string, string]>();
  const absentKey = (place: string, id: string) => `${place}\n${id}`;
  for (const [aad, id] of snapshot.people ?? []) boundedSet(byAad, MAX_PEOPLE, aad, id);
  for (const [id, name] of snapshot.names ?? []) boundedSet(names, MAX_NAMES, id, name);
  for (const [place, id] of snapshot.absent ?? [])
    boundedSet(absent, MAX_ABSENT, absentKey(place, id), [place, id]);

  const setName = (id: string, name: string | undefined): boolean => {
    const clean = name?.trim().slice(0, 200);
    if (!clean || clean === id || names.get(id) === clean) return false;
    boundedSet(names, MAX_NAMES, id, clean);
    return true;
  };
  /** Maps `aad` to `chatId`, refreshing its place among the most recent even when unchanged. */
  const setChatId = (aad: string | undefined, chatId: string): boolean => {
    if (!aad || aad === chatId) return false;
    const changed = byAad.get(aad) !== chatId;
    boundedSet(byAad, MAX_PEOPLE, aad, chatId);
    return changed;
  };

  return {
    remember(actor) {
      const mapped = setChatId(actor.aadObjectId, actor.id);
      const named = [actor.id, actor.aadObjectId]
        .filter((id): id is string => !!id)
        .map((id) => setName(id, actor.name === 'Unknown user' ? undefined : actor.name))
        .some(Boolean);
      return mapped || named;
    },
    rememberMember(place, requestedId, member) {
      const changes = [
        setChatId(member.aadObjectId, member.id),
        requestedId !== member.id && requestedId !== member.aadObjectId
          ? setChatId(requestedId, member.id)
          : false,
        ...[member.id, member.aadObjectId, requestedId]
          .filter((id): id is string => !!id)
          .map((id) => setName(id, member.name)),
        absent.delete(absentKey(place, requestedId)),
      ];
      return changes.some(Boolean);
    },
    rememberAbsent(place, id) {
      const key = absentKey(place, id);
      if (absent.has(key)) return false;
      boundedSet(absent, MAX_ABSENT, key, [place, id]);
      return true;
    },
    isAbsent: (place, id) => absent.has(absentKey(place, id)),
    chatIdsFor(ids) {
      return [...new Set(ids.map((id) => byAad.get(id) ?? id))];
    },
    nameOf: (id) => names.get(id) ?? names.get(byAad.get(id) ?? ''),
    entries: () => [...byAad.entries()],
    names: () => [...names.entries()],
    absences: () => [...absent.values()],
  };
}

const pair = z.tuple([z.string().max(500), z.string().max(500)]);
const peopleFileSchema = z.object({
  people: z.array(pair).max(MAX_PEOPLE),
  names: z.array(pair).max(MAX_NAMES).default([]),
  absent: z.array(pair).max(MAX_ABSENT).default([]),
});

/**
 * The directory backed by `<dataDir>/people.json` (mode 0600), so approvers keep their per-user
 * card view and their names after a restart. The file is rewritten (through the store's queue)
 * only when something is new or changed.
 */
export async function openPeopleDirectory(dataDir: string, logger: Logger): Promise<PeopleDirectory> {
  const document = await openJsonDocument(join(dataDir, 'people.json'), peopleFileSchema, {
    people: [],
    names: [],
    absent: [],
  });
  const saved = document.read();
  const directory = createPeopleDirectory({ people: saved.people, names: saved.names, absent: saved.absent });
  const persistIf = (changed: boolean): boolean => {
    if (changed) {
      void document
        .update((draft) => {
          draft.people = directory.entries();
          draft.names = directory.names();
          draft.absent = directory.absences();
        })
        .catch((error: unknown) =>
          logger.warn({ err: String(error) }, 'could not save the people directory'),
        );
    }
    return changed;
  };
  return {
    ...directory,
    remember: (actor) => persistIf(directory.remember(actor)),
    rememberMember: (place, requestedId, member) =>
      persistIf(directory.rememberMember(place, requestedId, member)),
    rememberAbsent: (place, id) => persistIf(directory.rememberAbsent(place, id)),
  };
}

/** One approver who can be shown the buttons (and @mentioned when the roster confirmed them). */
export interface ReachableApprover {
  /** Chat id for `refresh.userIds` (an MRI once known; else the id as configured). */
  readonly id: string;
  /** Display name (the configured id when no name is known). */
  readonly name: string;
  /** True when the name and chat id are known, so an @mention will reach them. */
  readonly mentionable: boolean;
}

/** Who an approval card can reach in one conversation. */
export interface ApproverReach {
  /** At most MAX_REFRESH_USER_IDS approvers, in configured order. */
  readonly reachable: readonly ReachableApprover[];
  /** Approvers left out of `reachable` by the Teams limit. */
  readonly overflow: number;
  /** Display names (or ids) of approvers the roster says are not in the conversation. */
  readonly absent: readonly string[];
}

/**
 * Who of `ids` (role-list entries) an approval card in conversation `place` reaches, from what
 * is known: absence marks, chat ids and names. Pure given the directory.
 */
export function describeApprovers(
  people: PeopleDirectory,
  place: string,
  ids: readonly string[],
): ApproverReach {
  const reachable: ReachableApprover[] = [];
  const absentEntries: { configured: string; id: string }[] = [];
  const seen = new Set<string>();
  for (const configured of new Set(ids)) {
    if (configured === '' || isForeignId(configured)) continue;
    const [chatId] = people.chatIdsFor([configured]);
    const id = chatId ?? configured;
    if (people.isAbsent(place, configured)) {
      absentEntries.push({ configured, id });
      continue;
    }
    if (seen.has(id)) continue;
    seen.add(id);
    const name = people.nameOf(configured) ?? people.nameOf(id);
    reachable.push({ id, name: name ?? configured, mentionable: name !== undefined && id !== configured });
  }
  // One person is often listed twice (Entra object id and chat id): when the other entry reaches
  // them, the unresolvable one is not reported as absent.
  const absent = absentEntries
    .filter((entry) => !seen.has(entry.id))
    .map((entry) => people.nameOf(entry.configured) ?? entry.configured);
  return {
    reachable: reachable.slice(0, MAX_REFRESH_USER_IDS),
    overflow: Math.max(0, reachable.length - MAX_REFRESH_USER_IDS),
    absent,
  };
}

/**
 * Asks the roster of `target`'s conversation about each approver in `ids` (at most 100 calls),
 * records the answers in the directory (chat id and name, or absence), then describes who the
 * card reaches. A roster that cannot be asked changes nothing: what was known before is used.
 */
export async function resolveApprovers(
  people: PeopleDirectory,
  port: ChatPort,
  target: ChatTarget,
  ids: readonly string[],
): Promise<ApproverReach> {
  if (port.lookupMember) {
    const lookup = port.lookupMember.bind(port);
    const asked = [...new Set(ids)]
      .filter((id) => id !== '' && !isForeignId(id))
      .slice(0, MAX_LOOKUPS_PER_CARD);
    const answers = await Promise.all(asked.map(async (id) => [id, await lookup(target, id)] as const));
    for (const [id, answer] of answers) {
      if (answer.kind === 'member') people.rememberMember(target.channelKey, id, answer.member);
      else if (answer.kind === 'not-member') people.rememberAbsent(target.channelKey, id);
    }
  }
  return describeApprovers(people, target.channelKey, ids);
}
