import { z } from 'zod';
import { searchResponseTransform } from './search-response.js';

/**
 * zod schemas for the parts of Confluence responses the client reads. They accept extra fields
 * (Confluence adds fields freely) and check only what the bot relies on. Every response is parsed
 * once, at the HTTP boundary, with one of these.
 */

const idSchema = z.union([z.string().min(1), z.number().int().nonnegative()]).transform(String);
const optionalText = z.string().nullish();

/** v2 error body: `{errors:[{status, code, title, detail}]}`. */
export const v2ErrorSchema = z.object({
  errors: z
    .array(
      z.object({
        status: z.number().optional(),
        code: z.string().nullish(),
        title: z.string().nullish(),
        detail: z.string().nullish(),
      }),
    )
    .min(1),
});

/** v1 error body: `{statusCode, message, reason}`. */
export const v1ErrorSchema = z.object({
  statusCode: z.number().optional(),
  message: z.string().nullish(),
  reason: z.string().nullish(),
});

/** v2 page version. */
export const pageVersionSchema = z.object({
  number: z.number().int().positive(),
  createdAt: optionalText,
  message: optionalText,
  authorId: optionalText,
});

/** v2 `PageSingle` / `PageBulk` (body only when `body-format` was requested). */
export const pageSchema = z.object({
  id: idSchema,
  status: z.string(),
  title: z.string(),
  spaceId: idSchema,
  parentId: idSchema.nullish(),
  version: pageVersionSchema,
  body: z
    .object({
      storage: z.object({ value: z.string() }).nullish(),
    })
    .nullish(),
  _links: z
    .object({
      webui: optionalText,
      base: optionalText,
    })
    .nullish(),
});
export type PageDto = z.infer<typeof pageSchema>;

/** v2 `_links` of a list (`next` is relative to the site; absent on the last page). */
export const listLinksSchema = z.object({ next: optionalText, base: optionalText }).nullish();

/** v2 `GET /pages`. */
export const pageListSchema = z.object({ results: z.array(pageSchema), _links: listLinksSchema });

/** v2 `GET /pages/{id}/ancestors`: ids only, highest ancestor first. */
export const ancestorListSchema = z.object({
  results: z.array(z.object({ id: idSchema, type: optionalText })),
  _links: listLinksSchema,
});

/** v2 space (bulk or single). */
export const spaceSchema = z.object({
  id: idSchema,
  key: z.string().min(1),
  name: z.string(),
  homepageId: idSchema.nullish(),
  _links: z.object({ webui: optionalText, base: optionalText }).nullish(),
});
export type SpaceDto = z.infer<typeof spaceSchema>;

/** v2 `GET /spaces`. */
export const spaceListSchema = z.object({ results: z.array(spaceSchema), _links: listLinksSchema });

/**
 * v1 `GET /wiki/rest/api/search`: checked by hand on the hot path (search-response.ts), with the
 * same rules as the schemas here.
 */
export const searchResponseSchema = z.unknown().transform(searchResponseTransform);

/** v1 `GET /wiki/rest/api/user/current`. */
export const currentUserSchema = z.object({
  accountId: z.string().min(1),
  displayName: optionalText,
  publicName: optionalText,
  email: optionalText,
});
