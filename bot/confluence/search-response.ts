import type { z } from 'zod';

/*
 * The v1 search answer checked by hand: it is read on every `search` turn, and the same check
 * written as a zod object schema cost ~0.3 ms per turn (issue 14). The rules are exactly those of
 * the other schemas (schemas.ts): every field the bot reads has its type checked, nullish where
 * Confluence may omit it, ids as non-empty strings or non-negative integers (returned as strings),
 * unknown fields dropped. tests/unit/confluence/search-response.test.ts pins it to the zod
 * version of the same rules.
 */

/** One v1 search result; `content` is present for content hits. */
export interface SearchResultDto {
  readonly title: string;
  readonly excerpt?: string | null;
  readonly url?: string | null;
  readonly lastModified?: string | null;
  readonly content?: {
    readonly id: string;
    readonly type: string;
    readonly title?: string | null;
    readonly space?: { readonly key: string } | null;
    readonly _links?: { readonly webui?: string | null } | null;
  } | null;
  readonly resultGlobalContainer?: { readonly displayUrl?: string | null } | null;
}

/** v1 `GET /wiki/rest/api/search`. */
export interface SearchResponseDto {
  readonly results: SearchResultDto[];
  readonly size?: number;
  readonly totalSize?: number;
  readonly _links?: { readonly base?: string | null; readonly next?: string | null } | null;
}

/** Thrown inside the check with the path of the first field that breaks the rules. */
class Mismatch extends Error {
  constructor(
    readonly path: readonly (string | number)[],
    message: string,
  ) {
    super(message);
  }
}

type Path = readonly (string | number)[];
type Fields = Record<string, unknown>;

/*
 * Every helper takes the path of the containing object plus the field's key (and a sub-key one
 * level down), and builds the full path only when it throws: a valid answer allocates no paths.
 */

function pathOf(parent: Path, key?: string | number, sub?: string): Path {
  if (key === undefined) return parent;
  return sub === undefined ? [...parent, key] : [...parent, key, sub];
}

function objectAt(value: unknown, parent: Path, key?: string | number, sub?: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Mismatch(pathOf(parent, key, sub), 'Expected object');
  }
  return value as Fields;
}

/** `undefined` and `null` mean absent; anything else must be an object. */
function nullishObjectAt(value: unknown, parent: Path, key: string, sub?: string): Fields | null | undefined {
  return value === undefined || value === null ? value : objectAt(value, parent, key, sub);
}

function stringAt(value: unknown, parent: Path, key: string, sub?: string): string {
  if (typeof value !== 'string') throw new Mismatch(pathOf(parent, key, sub), 'Expected string');
  return value;
}

function nullishStringAt(value: unknown, parent: Path, key: string, sub?: string): string | null | undefined {
  return value === undefined || value === null ? value : stringAt(value, parent, key, sub);
}

function integerAt(value: unknown, key: string, least: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new Mismatch([key], 'Expected integer');
  if (value < least) throw new Mismatch([key], `Expected at least ${least}`);
  return value;
}

function idAt(value: unknown, parent: Path, key: string): string {
  if (typeof value === 'string' && value.length > 0) return value;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return String(value);
  throw new Mismatch(pathOf(parent, key), 'Expected a non-empty string or a non-negative integer id');
}

/**
 * Sets `key` in `out` when the answer had it (`from`) or the value is defined, as zod's object
 * parsing does.
 */
function put(out: Fields, key: string, value: unknown, from: Fields): void {
  if (value !== undefined || key in from) out[key] = value;
}

function contentAt(value: unknown, parent: Path): SearchResultDto['content'] {
  const fields = nullishObjectAt(value, parent, 'content');
  if (!fields) return fields;
  const path = pathOf(parent, 'content');
  const out: Fields = { id: idAt(fields.id, path, 'id'), type: stringAt(fields.type, path, 'type') };
  put(out, 'title', nullishStringAt(fields.title, path, 'title'), fields);
  const space = nullishObjectAt(fields.space, path, 'space');
  put(out, 'space', space ? { key: stringAt(space.key, path, 'space', 'key') } : space, fields);
  const links = nullishObjectAt(fields._links, path, '_links');
  if (links) {
    const webui: Fields = {};
    put(webui, 'webui', nullishStringAt(links.webui, path, '_links', 'webui'), links);
    out._links = webui;
  } else put(out, '_links', links, fields);
  return out as SearchResultDto['content'];
}

const RESULTS: Path = ['results'];

function resultAt(value: unknown, index: number): SearchResultDto {
  const fields = objectAt(value, RESULTS, index);
  const path = pathOf(RESULTS, index);
  const out: Fields = { title: stringAt(fields.title, path, 'title') };
  put(out, 'excerpt', nullishStringAt(fields.excerpt, path, 'excerpt'), fields);
  put(out, 'url', nullishStringAt(fields.url, path, 'url'), fields);
  put(out, 'lastModified', nullishStringAt(fields.lastModified, path, 'lastModified'), fields);
  put(out, 'content', contentAt(fields.content, path), fields);
  const container = nullishObjectAt(fields.resultGlobalContainer, path, 'resultGlobalContainer');
  if (container) {
    const checked: Fields = {};
    put(
      checked,
      'displayUrl',
      nullishStringAt(container.displayUrl, path, 'resultGlobalContainer', 'displayUrl'),
      container,
    );
    out.resultGlobalContainer = checked;
  } else put(out, 'resultGlobalContainer', container, fields);
  return out as unknown as SearchResultDto;
}

const ROOT: Path = [];

function checkSearchResponse(value: unknown): SearchResponseDto {
  const fields = objectAt(value, ROOT);
  if (!Array.isArray(fields.results)) throw new Mismatch(RESULTS, 'Expected array');
  const results: SearchResultDto[] = [];
  for (let index = 0; index < fields.results.length; index++) {
    results.push(resultAt(fields.results[index], index));
  }
  const out: Fields = { results };
  put(out, 'size', fields.size === undefined ? undefined : integerAt(fields.size, 'size', 0), fields);
  put(
    out,
    'totalSize',
    fields.totalSize === undefined ? undefined : integerAt(fields.totalSize, 'totalSize', 0),
    fields,
  );
  const links = nullishObjectAt(fields._links, ROOT, '_links');
  if (links) {
    const checked: Fields = {};
    put(checked, 'base', nullishStringAt(links.base, ROOT, '_links', 'base'), links);
    put(checked, 'next', nullishStringAt(links.next, ROOT, '_links', 'next'), links);
    out._links = checked;
  } else put(out, '_links', links, fields);
  return out as unknown as SearchResponseDto;
}

/**
 * The check as a zod transform, so the transport parses it like every other answer; a broken
 * answer is one issue naming the first offending field.
 */
export function searchResponseTransform(value: unknown, context: z.RefinementCtx): SearchResponseDto {
  try {
    return checkSearchResponse(value);
  } catch (error) {
    if (!(error instanceof Mismatch)) throw error;
    context.addIssue({ code: 'custom', path: [...error.path], message: error.message });
    return { results: [] };
  }
}
