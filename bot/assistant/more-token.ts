import { z } from 'zod';
import { AppError } from '../errors.js';

const moreTokenSchema = z.object({
  w: z.string().min(1).max(2000),
  s: z.string().max(255).optional(),
  c: z.string().min(1).max(2000),
});

/** What a "More results" button carries: the words, the named space and Confluence's cursor. */
export type MoreToken = z.infer<typeof moreTokenSchema>;

/** Packs what "More results" needs into the card's opaque token. Policy is re-checked on use. */
export function encodeMoreToken(words: string, spaceKey: string | undefined, cursor: string): string {
  return Buffer.from(JSON.stringify({ w: words, ...(spaceKey ? { s: spaceKey } : {}), c: cursor })).toString(
    'base64url',
  );
}

/** Unpacks a "More results" token; throws AppError('INPUT_INVALID') for anything malformed. */
export function decodeMoreToken(token: unknown): MoreToken {
  try {
    return moreTokenSchema.parse(JSON.parse(Buffer.from(String(token), 'base64url').toString('utf8')));
  } catch {
    throw new AppError('INPUT_INVALID', {
      userMessage: 'That "More results" button is no longer valid. Search again.',
    });
  }
}
