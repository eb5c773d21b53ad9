import { parseExcerpt, stripHighlightMarkers } from './excerpt.js';
import type { PageDto, SpaceDto } from './schemas.js';
import type { SearchResultDto } from './search-response.js';
import type { Page, PageAncestor, SearchHit, Space } from './types.js';

/* Mapping of parsed Confluence answers (schemas.ts DTOs) to the client's types. Pure functions. */

/** `path` resolved against `base` (already absolute paths are kept). */
export function joinUrl(base: string, path: string): string {
  if (/^https?:\/\//i.test(path)) return path;
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** The `cursor` query parameter of a v1 `_links.next`, if any. */
export function cursorFromNextLink(next: string | null | undefined): string | undefined {
  if (!next) return undefined;
  try {
    return new URL(next, 'http://cursor.invalid').searchParams.get('cursor') ?? undefined;
  } catch {
    return undefined;
  }
}

function spaceKeyFromDisplayUrl(displayUrl: string | null | undefined): string | undefined {
  const match = /\/spaces\/([^/?#]+)/.exec(displayUrl ?? '');
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}

/** A space; `base` is the web base its relative link is resolved against. */
export function toSpace(dto: SpaceDto, base: string): Space {
  const webui = dto._links?.webui;
  return {
    id: dto.id,
    key: dto.key,
    name: dto.name,
    ...(dto.homepageId ? { homepageId: dto.homepageId } : {}),
    ...(webui ? { webUrl: joinUrl(base, webui) } : {}),
  };
}

/**
 * A page from a v2 page answer plus the facts fetched separately. The body stays storage: nothing is
 * converted here (views convert what they show).
 */
export function toPage(
  dto: PageDto,
  extra: { spaceKey: string; ancestors: PageAncestor[]; storage: string; base: string },
): Page {
  const webUrl = dto._links?.webui
    ? joinUrl(extra.base, dto._links.webui)
    : `${extra.base}/pages/viewpage.action?pageId=${dto.id}`;
  return {
    id: dto.id,
    title: dto.title,
    spaceId: dto.spaceId,
    spaceKey: extra.spaceKey,
    status: dto.status,
    ...(dto.parentId ? { parentId: dto.parentId } : {}),
    version: {
      number: dto.version.number,
      authorId: dto.version.authorId ?? '',
      createdAt: dto.version.createdAt ?? '',
      message: dto.version.message ?? '',
    },
    ancestors: extra.ancestors,
    storage: extra.storage,
    webUrl,
    webBase: extra.base,
  };
}

/** A search hit, or undefined for results that are not pages or name no space. */
export function toSearchHit(result: SearchResultDto, base: string): SearchHit | undefined {
  const content = result.content;
  if (content?.type !== 'page') return undefined;
  const spaceKey = content.space?.key ?? spaceKeyFromDisplayUrl(result.resultGlobalContainer?.displayUrl);
  if (!spaceKey) return undefined;
  const webui = content._links?.webui ?? result.url;
  return {
    pageId: content.id,
    title: content.title ?? stripHighlightMarkers(result.title),
    spaceKey,
    excerpt: parseExcerpt(result.excerpt ?? ''),
    lastModified: result.lastModified ?? '',
    webUrl: webui ? joinUrl(base, webui) : `${base}/pages/viewpage.action?pageId=${content.id}`,
  };
}
