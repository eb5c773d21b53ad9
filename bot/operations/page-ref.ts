import type { AuditTarget } from '../audit/types.js';
import { parsePageUrl } from '../confluence/page-url.js';
import type { PageRef } from '../confluence/types.js';
import type { DecisionTarget } from '../policy/decide.js';

/** How a page reference is named on refusal cards. */
export function describeRef(ref: PageRef): string {
  return ref.kind === 'id'
    ? `page ${ref.id}`
    : ref.kind === 'url'
      ? ref.url
      : `"${ref.title}" in ${ref.spaceKey}`;
}

/** What a page reference names, for an audit entry written before the page was read. */
export function refTarget(ref: PageRef): AuditTarget {
  return ref.kind === 'id'
    ? { pageId: ref.id }
    : ref.kind === 'title'
      ? { spaceKey: ref.spaceKey, title: ref.title }
      : {};
}

/** The space a reference names without asking Confluence (a title's space, a page URL's space). */
export function spaceNamedBy(ref: PageRef): string | undefined {
  if (ref.kind === 'title') return ref.spaceKey;
  if (ref.kind === 'url') {
    try {
      return parsePageUrl(ref.url, [new URL(ref.url).host]).spaceKey;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The decision target a page reference names, or undefined for a page by id (its space is unknown yet). */
export function namedByRef(ref: PageRef): DecisionTarget | undefined {
  const spaceKey = spaceNamedBy(ref);
  return spaceKey === undefined ? undefined : { spaceKey };
}
