/**
 * One Atlassian account the simulator accepts. Credentials are test strings only.
 * `spaces` lists the space keys the account can see (`'*'` = every space); pages in
 * `hiddenPageIds` behave exactly like missing pages for this account (404, absent from search).
 */
export interface SimulatorAccount {
  email: string;
  apiToken: string;
  accountId: string;
  displayName: string;
  spaces: readonly string[] | '*';
  hiddenPageIds?: readonly string[];
  noConfluenceAccess?: boolean;
  scopedToken?: boolean;
}

/**
 * A fault applied to the next matching request(s). `times` defaults to 1; `method` and
 * `pathIncludes` narrow which requests match (all when absent).
 */
export type SimulatorFault =
  | {
      kind: 'status';
      status: 429 | 500 | 502 | 503 | 504 | 401;
      retryAfterSeconds?: number;
      html?: boolean;
      times?: number;
      method?: string;
      pathIncludes?: string;
    }
  | { kind: 'delay'; ms: number; times?: number; method?: string; pathIncludes?: string }
  | { kind: 'spurious-conflict'; times?: number };

/**
 * One request as the simulator saw it. Pushed when the request arrives (`status` is 0 until the
 * response is sent); `account` is the authenticated email, never the token.
 */
export interface RecordedRequest {
  at: number;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  account?: string;
  body?: unknown;
  status: number;
  /** When the response was sent (Date.now()); absent while the request is still being answered. */
  finishedAt?: number;
}

/** A space as the simulator stores it. Ids are numeric strings. */
export interface SimSpace {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly type: 'global' | 'personal';
  readonly homepageId: string;
  readonly authorId: string;
  readonly createdAt: string;
  readonly description: string;
}

/** One stored version of a page (the newest is the page itself). */
export interface SimPageVersion {
  readonly number: number;
  readonly title: string;
  readonly storage: string;
  readonly message: string;
  readonly authorId: string;
  readonly createdAt: string;
}

/**
 * A page as the simulator stores it: a snapshot copy (mutating it changes nothing).
 * `version` is the current version number (1 on creation, +1 per update).
 */
export interface SimPage {
  readonly id: string;
  readonly spaceId: string;
  readonly spaceKey: string;
  readonly title: string;
  readonly parentId?: string;
  readonly status: 'current' | 'draft';
  readonly storage: string;
  readonly version: number;
  readonly versionMessage: string;
  readonly versionAuthorId: string;
  readonly versionCreatedAt: string;
  readonly authorId: string;
  readonly createdAt: string;
  readonly history: readonly SimPageVersion[];
}
