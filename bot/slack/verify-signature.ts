import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a request's timestamp may be from our clock, either way (Slack's replay window). */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

/** Why a request was refused; for one short log line, never for the response body. */
export type SignatureFailure =
  | 'missing-timestamp'
  | 'bad-timestamp'
  | 'stale-timestamp'
  | 'future-timestamp'
  | 'missing-signature'
  | 'bad-signature';

/** The outcome of a signature check. */
export type SignatureCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: SignatureFailure };

const SIGNATURE = /^v0=[0-9a-f]{64}$/;

/**
 * Checks Slack's request signature: `X-Slack-Signature` must be `v0=` + hex HMAC-SHA256 of
 * `v0:<X-Slack-Request-Timestamp>:<raw body>` keyed with the signing secret, and the timestamp must
 * lie within five minutes of `nowMs` — in the past (replay) and in the future (a forged clock) alike.
 * Runs on the raw bytes before anything is parsed; the comparison is constant-time.
 *
 * Our own check rather than Bolt's `verifySlackRequest`: Bolt accepts any future timestamp and reads
 * the clock itself, and we want an injected clock and a reason code instead of a thrown message.
 */
export function verifySlackSignature(input: {
  readonly signingSecret: string;
  readonly rawBody: Buffer;
  readonly timestamp: string | undefined;
  readonly signature: string | undefined;
  readonly nowMs: number;
}): SignatureCheck {
  const { timestamp, signature } = input;
  if (timestamp === undefined || timestamp === '') return { ok: false, reason: 'missing-timestamp' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'bad-timestamp' };
  const skew = Number(timestamp) - Math.floor(input.nowMs / 1000);
  if (skew < -SIGNATURE_TOLERANCE_SECONDS) return { ok: false, reason: 'stale-timestamp' };
  if (skew > SIGNATURE_TOLERANCE_SECONDS) return { ok: false, reason: 'future-timestamp' };
  if (signature === undefined || signature === '') return { ok: false, reason: 'missing-signature' };
  if (!SIGNATURE.test(signature)) return { ok: false, reason: 'bad-signature' };
  const expected = createHmac('sha256', input.signingSecret)
    .update(`v0:${timestamp}:`)
    .update(input.rawBody)
    .digest();
  const given = Buffer.from(signature.slice(3), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected)
    ? { ok: true }
    : { ok: false, reason: 'bad-signature' };
}
