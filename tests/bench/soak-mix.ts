/** What the soak's conversations say: the weighted mix of turn kinds and the texts they draw from. */

/** Kinds of turn the mix draws from. */
export type TurnKind =
  | 'search'
  | 'get'
  | 'question'
  | 'follow-up'
  | 'create'
  | 'update'
  | 'approvals'
  | 'status';

/** Weights of the mix; writes only in channel conversations (elsewhere they become searches). */
const MIX: readonly (readonly [TurnKind, number])[] = [
  ['search', 25],
  ['get', 16],
  ['question', 15],
  ['follow-up', 12],
  ['create', 8],
  ['update', 8],
  ['approvals', 8],
  ['status', 8],
];

export const SEARCHES = [
  'vpn',
  'parental leave',
  'onboarding',
  'release notes',
  'laptop',
  'expense',
  'incident',
  'runbook',
  'api style',
  'feature flags',
  'on-call',
  'password',
];
export const QUESTIONS = [
  'how many weeks of parental leave do we get?',
  'how do I set up the VPN?',
  'what is our expense policy for travel?',
  'who is on call this week?',
  'how do I handle a database failover?',
  'what are the team rituals?',
];
export const FOLLOW_UPS = ['open the second one', 'more', 'and for contractors?', 'open the first one'];
/** Pages read and updated, as [space, title] (all in the bot's ENG/HR/OPS). */
export const PAGES: readonly (readonly [string, string])[] = [
  ['ENG', 'Testing Strategy'],
  ['ENG', 'Team Rituals'],
  ['ENG', 'Feature Flags'],
  ['ENG', 'API Style Guide'],
  ['HR', 'Paid Time Off'],
  ['HR', 'Parental Leave Policy'],
  ['HR', 'Code of Conduct'],
  ['OPS', 'VPN Setup Guide'],
  ['OPS', 'Laptop Setup'],
  ['OPS', 'Wi-Fi and Printers'],
];

/** One of `items`, drawn with `random`. */
export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** The next turn's kind; in a conversation that cannot write, a write becomes a search. */
export function drawKind(random: () => number, canWrite: boolean): TurnKind {
  const total = MIX.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [kind, weight] of MIX) {
    roll -= weight;
    if (roll < 0) return !canWrite && (kind === 'create' || kind === 'update') ? 'search' : kind;
  }
  return 'search';
}
