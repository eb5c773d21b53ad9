import { SlackPayloadError } from './payload-schemas.js';

/* Reading a verified HTTP body into a value by its Content-Type (JSON or form-encoded). */

/** The media type of a Content-Type header, lowercased, without parameters. */
function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new SlackPayloadError(`Malformed ${what}: not JSON.`);
  }
}

/**
 * Parses a verified HTTP body by its Content-Type: `application/json` (Events API) or
 * `application/x-www-form-urlencoded` — a slash command's fields, or interactivity's `payload` field
 * holding JSON. Linear in the body's size.
 *
 * @throws SlackPayloadError for another media type or a body that does not parse.
 */
export function parseSlackHttpBody(rawBody: string, contentType: string | undefined): unknown {
  const media = mediaType(contentType);
  if (media === 'application/json') return parseJson(rawBody, 'JSON body');
  if (media === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams(rawBody);
    const payload = form.get('payload');
    if (payload !== null) return parseJson(payload, 'interactivity payload');
    return Object.fromEntries(form);
  }
  throw new SlackPayloadError('Unsupported content type: Slack sends JSON or form-encoded bodies.');
}
