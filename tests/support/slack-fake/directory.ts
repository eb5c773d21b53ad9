/** A person (or bot) in the fake workspace. */
export interface FakeSlackUser {
  readonly id: string;
  /** The handle (`users.info` → `user.name`). */
  readonly name: string;
  readonly realName: string;
  readonly displayName?: string;
  readonly email?: string;
  readonly isBot?: boolean;
  readonly deleted?: boolean;
}

/** A conversation in the fake workspace. */
export interface FakeSlackChannel {
  readonly id: string;
  /** False = `not_in_channel` for the bot's posts (default true). */
  readonly botIsMember?: boolean;
  /** When given, `chat.postEphemeral` to anyone else is `user_not_in_channel`. */
  readonly members?: readonly string[];
}

export const FAKE_TEAM_ID = 'T0FAKE0001';
export const FAKE_BOT_USER_ID = 'U0BOT00001';
export const FAKE_BOT_ID = 'B0BOT00001';

/** The seeded people: ids, names and emails the tests can rely on. */
export const FAKE_USERS = {
  bot: { id: FAKE_BOT_USER_ID, name: 'confluence', realName: 'Confluence Assistant', isBot: true },
  ada: {
    id: 'U0ADA00001',
    name: 'ada',
    realName: 'Ada Lovelace',
    displayName: 'Ada',
    email: 'ada@example.com',
  },
  grace: { id: 'U0GRACE001', name: 'grace', realName: 'Grace Hopper', email: 'grace@example.com' },
  linus: { id: 'U0LINUS001', name: 'linus', realName: 'Linus Pauling' },
  gone: {
    id: 'U0GONE0001',
    name: 'gone',
    realName: 'Former Employee',
    email: 'gone@example.com',
    deleted: true,
  },
} as const satisfies Record<string, FakeSlackUser>;

/** The seeded conversations. */
export const FAKE_CHANNELS = {
  general: { id: 'C0GENERAL1' },
  approvals: { id: 'C0APPROVE1' },
  private: { id: 'G0PRIVATE1' },
  outside: { id: 'C0OUTSIDE1', botIsMember: false },
  adaDm: { id: 'D0ADA00001', members: [FAKE_USERS.ada.id, FAKE_BOT_USER_ID] },
} as const satisfies Record<string, FakeSlackChannel>;
