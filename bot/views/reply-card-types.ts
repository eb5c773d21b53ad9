/**
 * View data of the short reply cards: denial, error, help and welcome. Type declarations only.
 */

/** Data of the `denial` card: what policy refused, why, and who can change it. */
export interface DenialData {
  /** What was refused, e.g. `Create "Q3 plan" in HR`. */
  readonly what: string;
  /** The reason chain, most specific first. */
  readonly reasons: readonly string[];
  /** Who can change it, e.g. `A bot admin can run /confluence policy create confirm`. */
  readonly remedy: string;
}

/** Data of the `error` card: a safe message and the correlation id to quote. */
export interface ErrorData {
  readonly message: string;
  /** What to do next. */
  readonly hint?: string;
  readonly correlationId: string;
}

/** Data of the `help` card. */
export interface HelpData {
  /** Adds a pointer to `/confluence help` for admins. */
  readonly isAdmin: boolean;
  /** A space this conversation may use, for the examples (a placeholder when none is listed). */
  readonly exampleSpace: string;
  /** The spaces usable here, in words. */
  readonly spaces: string;
  /** In a channel or group chat people must @mention the bot. */
  readonly inChannel: boolean;
}

/** Data of the `welcome` card, sent when the bot is added. */
export interface WelcomeData {
  /** True when added to a team channel (users must @mention the bot there). */
  readonly inChannel: boolean;
}

/** A message that was not understood, with the likeliest readings as buttons (run as if typed). */
export interface DidYouMeanData {
  readonly message: string;
  /** Commands as the user could type them; at most two. */
  readonly readings: readonly string[];
}
