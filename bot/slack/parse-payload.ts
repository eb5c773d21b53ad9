import { decodeCommand, decodeEvent } from './decode-events.js';
import { decodeBlockActions, decodeViewSubmission } from './decode-interactions.js';
import { ignored, type SlackIgnored, type SlackInbound, type SlackSelf } from './inbound.js';
import { envelopeSchema, parseWith, SlackPayloadError, urlVerificationSchema } from './payload-schemas.js';

/*
 * The decoding entry point of the Slack edge: which kind of body arrived (handshake, event,
 * command, interaction) and the decoder for it. Shapes are in payload-schemas.ts; HTTP bodies are
 * read by parse-http-body.ts.
 */

/** What a verified body asks for: a handshake, something for the core, or nothing. */
export type SlackDecoded =
  | { readonly kind: 'url-verification'; readonly challenge: string }
  | { readonly kind: 'ssl-check' }
  | SlackInbound
  | SlackIgnored;

/** Decodes one kind of body. */
type BodyDecoder = (body: unknown, self: SlackSelf) => SlackDecoded;

/** The decoder of each Slack body `type` (a Map: a `type` such as `constructor` must not find one). */
const BODY_DECODERS: ReadonlyMap<string, BodyDecoder> = new Map<string, BodyDecoder>([
  [
    'url_verification',
    (body) => ({
      kind: 'url-verification',
      challenge: parseWith(urlVerificationSchema, body, 'challenge').challenge,
    }),
  ],
  ['event_callback', decodeEvent],
  ['block_actions', decodeBlockActions],
  ['view_submission', decodeViewSubmission],
]);

/**
 * Decodes one verified Slack body — an Events API envelope, a slash command's fields or an
 * interactivity payload, as they arrive over HTTP (after `parseSlackHttpBody`) or Socket Mode — into
 * the typed value the core gets. The bot's own messages, other bots, message subtypes such as
 * `bot_message`/`message_changed`, and event or interaction types the bot does not handle come back
 * as `ignored`.
 *
 * @throws SlackPayloadError when the body does not have the shape Slack sends.
 */
export function decodeSlackBody(body: unknown, self: SlackSelf): SlackDecoded {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw new SlackPayloadError('Malformed body: expected an object.');
  const record = body as Record<string, unknown>;
  if (record.ssl_check === '1') return { kind: 'ssl-check' };
  if (typeof record.command === 'string') return decodeCommand(body, self);
  const { type } = parseWith(envelopeSchema, body, 'body');
  const decode = BODY_DECODERS.get(type);
  return decode ? decode(body, self) : ignored(`body type ${type.slice(0, 40)}`);
}

/** The Events API `event_id` of a parsed body, when it is an event envelope (the dedupe key). */
export function eventIdOf(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  return record.type === 'event_callback' && typeof record.event_id === 'string' && record.event_id !== ''
    ? record.event_id
    : undefined;
}
