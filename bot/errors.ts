/**
 * The one error catalog. Every failure the bot can explain to a person has a code here with a safe,
 * actionable message. Messages never contain secrets, stack traces or raw upstream bodies.
 */
export const ERROR_MESSAGES = {
  CONFIG_INVALID: 'The bot configuration is invalid.',
  CONFLUENCE_UNAUTHORIZED:
    'Confluence rejected the connector credentials (wrong email or API token, or the token expired). An admin must run `/confluence rotate`.',
  CONFLUENCE_FORBIDDEN:
    'The connector account is not allowed to use Confluence. An admin must check its product access.',
  CONFLUENCE_NOT_FOUND: 'That page or space does not exist, or the connector account cannot see it.',
  CONFLUENCE_CONFLICT: 'The page changed in Confluence since it was read, so nothing was overwritten.',
  CONFLUENCE_DUPLICATE_TITLE: 'A page with that title already exists in that space. Pick another title.',
  CONFLUENCE_RATE_LIMITED: 'Confluence is rate limiting requests. Try again in a moment.',
  CONFLUENCE_UNAVAILABLE: 'Confluence is not answering right now. Try again in a few minutes.',
  CONFLUENCE_INVALID_REQUEST: 'Confluence refused the request as invalid.',
  CONFLUENCE_TOO_LARGE: 'The page content is too large for Confluence (over 5 MB).',
  CONFLUENCE_TIMEOUT: 'Confluence took too long to answer. Try again in a moment.',
  CONFLUENCE_BAD_SITE_URL:
    'The Confluence site URL must be an https:// URL without credentials, query or fragment.',
  CONFLUENCE_UNEXPECTED_RESPONSE: 'Confluence answered with something the bot did not understand.',
  CONFLUENCE_UNKNOWN_OUTCOME:
    'The request to Confluence timed out and may or may not have been applied. Check the space before trying again.',
  POLICY_DENIED: 'This operation is not allowed here.',
  SPACE_NOT_ALLOWED: 'That space is not one this bot may use here.',
  CONNECTOR_MISSING: 'No Confluence connector is set up. An admin can run `/confluence connect`.',
  CONNECTOR_NOT_FOUND: 'There is no connector with that name.',
  APPROVAL_NOT_FOUND:
    'This request is closed and no longer exists here: finished requests are removed a week after they end (the audit log keeps their history). Ask again if the change is still needed.',
  APPROVAL_ALREADY_DECIDED: 'That request was already decided.',
  APPROVAL_EXPIRED: 'That request expired before anyone approved it.',
  APPROVAL_NOT_APPROVER: 'Only an approver for this channel can decide this request.',
  APPROVAL_SELF: 'You cannot approve your own request.',
  APPROVAL_LIMIT:
    'Too many requests are already waiting for approval. Wait until some are decided, or withdraw one of yours (type `approvals`), then ask again.',
  ADMIN_ONLY: 'Only bot admins can do that.',
  STORE_CORRUPT: 'A data file is corrupt.',
  INPUT_INVALID: 'That input is not valid.',
  PAGE_TOO_LARGE: 'This page is too large to preview here — open it in Confluence.',
  INTERNAL: 'Something went wrong on our side.',
  SLACK_PLATFORM_ERROR:
    'Slack refused the message (for example, the bot is not a member of that channel: invite it with /invite). An admin can find the reason in the bot log.',
  SLACK_RATE_LIMITED: 'Slack is rate limiting the bot. Try again in a moment.',
  SLACK_UNREACHABLE: 'Slack could not be reached. Try again in a moment.',
  SLACK_UNEXPECTED_RESPONSE: 'Slack answered with something the bot did not understand.',
  AUDIT_UNAVAILABLE:
    'The audit log could not be written, so nothing was done. Try again; if it keeps failing, an admin must check the bot storage.',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/**
 * An error with a catalog code. `userMessage` is safe to show in chat; `details` holds safe extra
 * facts (never secrets) such as `retryAfterSeconds` or `currentVersion`.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: ErrorCode,
    options: {
      message?: string;
      userMessage?: string;
      details?: Record<string, unknown>;
      cause?: unknown;
    } = {},
  ) {
    super(options.message ?? options.userMessage ?? ERROR_MESSAGES[code], { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.userMessage = options.userMessage ?? ERROR_MESSAGES[code];
    this.details = Object.freeze({ ...(options.details ?? {}) });
  }

  /** Serialised form used by logs: code and safe message only, never the cause chain. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, message: this.message, details: this.details };
  }
}

/** Is `value` an AppError (optionally with one of `codes`)? */
export function isAppError(value: unknown, ...codes: ErrorCode[]): value is AppError {
  return value instanceof AppError && (codes.length === 0 || codes.includes(value.code));
}

/** Wraps anything thrown into an AppError without leaking its message to users. */
export function toAppError(error: unknown): AppError {
  return error instanceof AppError ? error : new AppError('INTERNAL', { cause: error });
}
