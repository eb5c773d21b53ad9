import { attr, type Step, type StorageElement, textOf } from './storage-markdown-dom.js';
import type { StorageRenderer } from './storage-markdown-render.js';
import { bracketSafe, DROPPED_TAGS, HTML_KINDS, safeHref } from './storage-markdown-rules.js';
import { cellSteps, rowSteps, tableSteps } from './storage-markdown-table.js';

/**
 * Steps for an HTML element of the storage: headings, paragraphs, inline markup, lists, tables,
 * code, links and images; elements not listed show their content.
 */
export function htmlSteps(r: StorageRenderer, element: StorageElement, name: string): Step[] {
  if (DROPPED_TAGS.has(name)) return [];
  const children = element.children;
  switch (HTML_KINDS[name]) {
    case 'block':
      return r.block(children);
    case 'paragraph':
      return r.block(children, 'p');
    case 'quote':
      return r.quote(children);
    case 'heading':
      return r.heading(Number(name[1]), children);
    case 'strong':
      return r.wrap(children, '**');
    case 'em':
      return r.wrap(children, '_');
    case 'del':
      return r.wrap(children, '~~');
    case 'code':
      return r.inlineCode(children);
    case 'list': {
      const start = Number.parseInt(attr(element, 'start'), 10);
      return r.list(element, name === 'ol', Number.isInteger(start) && start > 1 ? start : 1, children);
    }
    case 'item':
      return r.item(r.itemMarker(element), '', children);
    case 'table':
      return tableSteps(r, element);
    case 'section':
      return [() => r.writer.boundary(), ...children, () => r.writer.boundary()];
    case 'row':
      return rowSteps(r, element);
    case 'cell':
      return cellSteps(r, children);
    default:
      return otherHtmlSteps(r, element, name);
  }
}

function otherHtmlSteps(r: StorageRenderer, element: StorageElement, name: string): Step[] {
  const children = element.children;
  switch (name) {
    case 'br':
      return [
        () => {
          r.writer.boundary();
          r.writer.writeRaw('  ');
          r.writer.requestBreak(1);
        },
      ];
    case 'hr':
      return r.block([() => r.writer.writeRaw('---')], 'hr');
    case 'pre':
      return r.codeBlock(textOf(element), '');
    case 'a': {
      const href = safeHref(attr(element, 'href'), r.wikiBase);
      return href ? r.link(href, children) : children;
    }
    case 'span':
      return /line-through/i.test(attr(element, 'style')) ? r.wrap(children, '~~') : children;
    case 'img': {
      const label = attr(element, 'alt') || 'image';
      const href = safeHref(attr(element, 'src'), r.wikiBase);
      if (href) return r.link(href, [() => r.writer.writeText(`image: ${label}`)]);
      return [() => r.writer.writeMarkup(`[image: ${bracketSafe(label)}]`)];
    }
    case 'time':
      return [() => r.writer.writeText(attr(element, 'datetime') || textOf(element))];
    default:
      return children;
  }
}
