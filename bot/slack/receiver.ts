import type { Logger } from '../logger.js';
import type { Secret } from '../secret.js';
import { createEventDeduper, type EventDeduper } from './event-dedupe.js';
import type { SlackInbound, SlackSelf, SlackViewSubmission } from './inbound.js';
import { parseSlackHttpBody } from './parse-http-body.js';
import { decodeSlackBody, eventIdOf } from './parse-payload.js';
import { SlackPayloadError } from './payload-schemas.js';
import { createEventWork } from './receiver-work.js';
import { type SignatureFailure, verifySlackSignature } from './verify-signature.js';

/** Slack's path for events, slash commands and interactivity (the manifest points all three here). */
export const SLACK_EVENTS_PATH = '/slack/events';

/** Largest body accepted (Slack's payloads are far smaller; a modal's state is the largest). */
export const SLACK_MAX_BODY_BYTES = 1_000_000;

/** One inbound HTTP request as the server read it: the exact bytes, and the headers (any case). */
export interface SlackHttpRequest {
  readonly rawBody: Buffer | string;
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
}

/** What to answer, at once; then run `after` (if any) once the answer is sent. */
export interface SlackHttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** The work the request asked for, to run after the response is sent. Never rejects. */
  readonly after?: () => Promise<void>;
}

/** Handles `POST /slack/events`. Framework-neutral: the HTTP server only moves bytes. */
export interface SlackHttpHandler {
  /**
   * Verifies, parses and acknowledges one request synchronously (no I/O before the answer, so the
   * 3-second ack deadline holds however slow the core is). Never throws.
   */
  handle(request: SlackHttpRequest): SlackHttpResponse;
  /** Resolves when every `after` started so far has finished (for shutdown and tests). */
  drain(): Promise<void>;
}

/**
 * Answers a `view_submission` synchronously: field errors (`{blockId: message}`) keep the modal open
 * with the messages under the inputs, and the submission is not handed to `onEvent`. Must be pure
 * and fast (it runs before the ack).
 */
export type ViewValidator = (view: SlackViewSubmission) => Readonly<Record<string, string>> | undefined;

/** Options for `createSlackHttpHandler`. */
export interface SlackHttpHandlerOptions {
  readonly signingSecret: Secret;
  readonly self: SlackSelf;
  readonly logger: Logger;
  /** The core's entry point, run after the ack. Its failures are logged, never answered. */
  readonly onEvent: (event: SlackInbound) => Promise<void>;
  readonly validateView?: ViewValidator;
  /** Called for every request refused with 401 (the lead may audit these, rate-limited). */
  readonly onUnauthorized?: (reason: SignatureFailure) => void;
  readonly now?: () => Date;
  readonly deduper?: EventDeduper;
  readonly maxBodyBytes?: number;
}

const TEXT = { 'content-type': 'text/plain; charset=utf-8' } as const;
const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' } as const;

function plain(status: number, body = ''): SlackHttpResponse {
  return { status, headers: body === '' ? {} : TEXT, body };
}

function headerOf(request: SlackHttpRequest, name: string): string | undefined {
  for (const [key, value] of Object.entries(request.headers)) {
    if (key.toLowerCase() !== name) continue;
    // A repeated signature or timestamp header is not something Slack sends: treat it as absent.
    return typeof value === 'string' ? value.trim() : undefined;
  }
  return undefined;
}

/**
 * Runs the view validator: field errors to answer with, `undefined` to accept, or `'failed'` when
 * the validator threw (logged). Shared with Socket Mode.
 */
export function checkView(
  validate: ViewValidator | undefined,
  view: SlackViewSubmission,
  logger: Logger,
): Readonly<Record<string, string>> | 'failed' | undefined {
  if (!validate) return undefined;
  try {
    const errors = validate(view);
    return errors !== undefined && Object.keys(errors).length > 0 ? errors : undefined;
  } catch (error) {
    logger.error(
      { err: error instanceof Error ? error.message : String(error) },
      'slack view validation failed',
    );
    return 'failed';
  }
}

/**
 * Builds the handler for `POST /slack/events`. Order per request: size cap (413) → signature and
 * 5-minute timestamp window on the raw bytes (401, before any parsing) → parse (400 with a short
 * reason, or 415) → answer: `url_verification` gets its challenge back, `ssl_check` a bare 200, a
 * retried or repeated `event_id` a bare 200 and nothing else, a verified event/command/action a bare
 * 200 with `after` handing the typed event to `onEvent`.
 *
 * Why not Bolt's HTTPReceiver or App here: the bot already has an HTTP server (restify) and a core
 * with its own routing; Bolt's receivers want to own the request stream, and its App adds per-event
 * authorization and listener routing we would bypass anyway. Bolt earns its place in Socket Mode and
 * as the Web API client (see `receiver-socket.ts`, `slack-api.ts`).
 */
export function createSlackHttpHandler(options: SlackHttpHandlerOptions): SlackHttpHandler {
  const now = options.now ?? (() => new Date());
  const deduper = options.deduper ?? createEventDeduper({ now: () => now().getTime() });
  const maxBodyBytes = options.maxBodyBytes ?? SLACK_MAX_BODY_BYTES;
  const { logger } = options;
  const work = createEventWork(logger, options.onEvent);
  const viewErrors = (view: SlackViewSubmission) => checkView(options.validateView, view, logger);

  return {
    handle(request) {
      const raw =
        typeof request.rawBody === 'string' ? Buffer.from(request.rawBody, 'utf8') : request.rawBody;
      if (raw.length > maxBodyBytes) return plain(413, 'Request body too large.');
      const check = verifySlackSignature({
        signingSecret: options.signingSecret.reveal(),
        rawBody: raw,
        timestamp: headerOf(request, 'x-slack-request-timestamp'),
        signature: headerOf(request, 'x-slack-signature'),
        nowMs: now().getTime(),
      });
      if (!check.ok) {
        logger.warn({ reason: check.reason }, 'slack request refused: signature');
        options.onUnauthorized?.(check.reason);
        return plain(401);
      }
      let decoded: ReturnType<typeof decodeSlackBody>;
      try {
        const body = parseSlackHttpBody(raw.toString('utf8'), headerOf(request, 'content-type'));
        const eventId = eventIdOf(body);
        if (eventId !== undefined && deduper.seen(eventId)) {
          logger.debug({ retry: headerOf(request, 'x-slack-retry-num') }, 'slack event already received');
          return plain(200);
        }
        decoded = decodeSlackBody(body, options.self);
      } catch (error) {
        if (!(error instanceof SlackPayloadError)) {
          logger.error(
            { err: error instanceof Error ? error.message : String(error) },
            'slack request failed',
          );
          return plain(500);
        }
        logger.warn({ problem: error.message }, 'slack request refused: malformed');
        return plain(error.message.startsWith('Unsupported content type') ? 415 : 400, error.message);
      }
      switch (decoded.kind) {
        case 'url-verification':
          return { status: 200, headers: JSON_TYPE, body: JSON.stringify({ challenge: decoded.challenge }) };
        case 'ssl-check':
          return plain(200);
        case 'ignored':
          logger.debug({ reason: decoded.reason }, 'slack request ignored');
          return plain(200);
        case 'view-submission': {
          const errors = viewErrors(decoded);
          if (errors === 'failed') return plain(500);
          if (errors !== undefined)
            return {
              status: 200,
              headers: JSON_TYPE,
              body: JSON.stringify({ response_action: 'errors', errors }),
            };
          const view = decoded;
          return { ...plain(200), after: () => work.run(view) };
        }
        default: {
          const event = decoded;
          return { ...plain(200), after: () => work.run(event) };
        }
      }
    },
    drain: work.drain,
  };
}
