import { DomUtils, parseDocument } from 'htmlparser2';
import TurndownService from 'turndown';
import { assertStorageSize, decodeRawTextOnly } from './storage-tree.js';

/** A node of the parsed storage document (htmlparser2 / domhandler). */
type StorageNode = ReturnType<typeof parseDocument>['children'][number];
/** An element of the parsed storage document. */
type StorageElement = Parameters<typeof DomUtils.getAttributeValue>[0];

/** The part of a DOM node the turndown rules below read (turndown's typings need the DOM lib). */
interface DomNode {
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly parentNode: DomNode | null;
  readonly childNodes: ArrayLike<DomNode>;
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): ArrayLike<DomNode>;
}

/** Options for {@link storageToMarkdown}. */
export interface StorageToMarkdownOptions {
  /**
   * Site base URL (e.g. `https://acme.atlassian.net`, with or without `/wiki`). When given, page
   * links with a space key become `…/wiki/display/KEY/Title` links (Confluence Cloud redirects that
   * pretty URL to the page) and space links become `…/wiki/spaces/KEY`; relative `<a href>` become
   * absolute. Without it, page links render as the bold link text.
   */
  readonly baseUrl?: string;
  /** The page's web link, quoted in the "too large" message so people can open the page. */
  readonly pageUrl?: string;
}

interface RenderContext {
  readonly wikiBase?: string;
}

const PANEL_LABELS: Readonly<Record<string, string>> = {
  info: 'Info',
  note: 'Note',
  warning: 'Warning',
  tip: 'Tip',
  panel: '',
};

const TRANSPARENT_MACROS = new Set(['excerpt', 'section', 'column', 'details', 'div', 'span']);
const INVISIBLE_MACROS = new Set(['anchor']);

const EMOTICONS: Readonly<Record<string, string>> = {
  smile: '🙂',
  sad: '🙁',
  cheeky: '😛',
  laugh: '😀',
  wink: '😉',
  'thumbs-up': '👍',
  'thumbs-down': '👎',
  information: 'ℹ️',
  tick: '✅',
  cross: '❌',
  warning: '⚠️',
  plus: '➕',
  minus: '➖',
  question: '❓',
  'light-on': '💡',
  'light-off': '💡',
  'yellow-star': '⭐',
  'red-star': '⭐',
  'green-star': '⭐',
  'blue-star': '⭐',
  heart: '❤️',
  'broken-heart': '💔',
};

const PASS_THROUGH_TAGS = new Set([
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'strong',
  'em',
  'code',
  'blockquote',
  'ul',
  'li',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'div',
]);
const TAG_ALIASES: Readonly<Record<string, string>> = {
  b: 'strong',
  i: 'em',
  s: 'del',
  del: 'del',
  strike: 'del',
  section: 'div',
  article: 'div',
  header: 'div',
  footer: 'div',
  dl: 'div',
  dt: 'p',
  dd: 'blockquote',
  tt: 'code',
  kbd: 'code',
  samp: 'code',
  var: 'em',
  cite: 'em',
};
const DROPPED_TAGS = new Set(['script', 'style', 'colgroup', 'col', 'head', 'title', 'meta', 'link']);

const turndown = createTurndown();

/**
 * Converts Confluence storage format (XHTML with `ac:`/`ri:` elements) to Markdown for reading in
 * chat. Confluence constructs are rendered visibly: code macros as fenced blocks, panels as
 * labelled blockquotes (`> **Note:** …`), status as `[TEXT]`, tasks as `- [ ]`/`- [x]`, mentions
 * as `@name`, images and attachments as `[image: …]` / `[attachment: …]` text (external images are
 * links, never inline images, so chat clients fetch nothing), and any unknown macro or app
 * extension as a `[macro: name]` placeholder — nothing is dropped silently.
 * Malformed input yields best-effort text. Linear in the size of the page (table widths and list
 * numbers are computed once per table and list).
 * Throws AppError('PAGE_TOO_LARGE') — and only that — when `storage` is over `MAX_STORAGE_CHARS`.
 */
export function storageToMarkdown(storage: string, options: StorageToMarkdownOptions = {}): string {
  assertStorageSize(storage, options.pageUrl);
  const context: RenderContext = { wikiBase: toWikiBase(options.baseUrl) };
  try {
    const document = parseDocument(storage, {
      xmlMode: false,
      recognizeCDATA: true,
      recognizeSelfClosing: true,
      decodeEntities: true,
    });
    const html = renderNodes(document.children, context);
    return tidyMarkdown(turndown.turndown(`<div>${html}</div>`));
  } catch {
    return fallbackText(storage);
  }
}

function toWikiBase(baseUrl: string | undefined): string | undefined {
  if (!baseUrl) return undefined;
  try {
    const url = new URL(baseUrl);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    const path = url.pathname.replace(/\/+$/, '').replace(/\/wiki$/, '');
    return `${url.origin}${path}/wiki`;
  } catch {
    return undefined;
  }
}

function fallbackText(storage: string): string {
  const text = storage.replace(/<!\[CDATA\[|]]>/g, '').replace(/<[^>]*>/g, ' ');
  return decodeRawTextOnly(text).replace(/\s+/g, ' ').trim();
}

function tidyMarkdown(markdown: string): string {
  return markdown.replace(/\n{3,}/g, '\n\n').trim();
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function raw(markdown: string): string {
  return `<cf-raw>${escapeHtml(markdown)}</cf-raw>`;
}

function placeholderName(name: string): string {
  const clean = name.replace(/[^\w .:/-]/g, '').trim();
  return clean === '' ? 'unknown' : clean;
}

function bracketSafe(text: string): string {
  return text.replace(/\[/g, '(').replace(/\]/g, ')').replace(/\s+/g, ' ').trim();
}

function isElement(node: StorageNode): node is StorageElement {
  return DomUtils.isTag(node);
}

function attr(element: StorageElement, name: string): string {
  return element.attribs[name] ?? '';
}

function childElements(element: StorageElement): StorageElement[] {
  return element.children.filter(isElement);
}

function findChild(element: StorageElement, name: string): StorageElement | undefined {
  return childElements(element).find((child) => child.name === name);
}

function macroParameter(macro: StorageElement, name: string): string {
  const parameter = childElements(macro).find(
    (child) => child.name === 'ac:parameter' && attr(child, 'ac:name') === name,
  );
  return parameter ? DomUtils.textContent(parameter).trim() : '';
}

function safeHref(href: string, context: RenderContext): string | undefined {
  const trimmed = href.trim();
  if (/^(https?:|mailto:)/i.test(trimmed)) return trimmed;
  if (trimmed.startsWith('/') && !trimmed.startsWith('//') && context.wikiBase) {
    const origin = new URL(context.wikiBase).origin;
    return `${origin}${trimmed}`;
  }
  return undefined;
}

function renderNodes(nodes: readonly StorageNode[], context: RenderContext): string {
  return nodes.map((node) => renderNode(node, context)).join('');
}

function renderNode(node: StorageNode, context: RenderContext): string {
  if (DomUtils.isText(node)) return escapeHtml(node.data);
  if (DomUtils.isCDATA(node)) return escapeHtml(DomUtils.textContent(node));
  if (!isElement(node)) return '';
  return renderElement(node, context);
}

function renderElement(element: StorageElement, context: RenderContext): string {
  const name = element.name.toLowerCase();
  if (name.startsWith('ac:') || name.startsWith('ri:'))
    return renderConfluenceElement(element, name, context);
  if (DROPPED_TAGS.has(name)) return '';
  const inner = () => renderNodes(element.children, context);
  if (PASS_THROUGH_TAGS.has(name)) return `<${name}>${inner()}</${name}>`;
  const alias = TAG_ALIASES[name];
  if (alias) return `<${alias}>${inner()}</${alias}>`;
  switch (name) {
    case 'ol': {
      const start = Number.parseInt(attr(element, 'start'), 10);
      return Number.isInteger(start) && start > 1
        ? `<ol start="${start}">${inner()}</ol>`
        : `<ol>${inner()}</ol>`;
    }
    case 'br':
      return '<br>';
    case 'hr':
      return '<hr>';
    case 'pre':
      return codeBlock(DomUtils.textContent(element), '');
    case 'a': {
      const href = safeHref(attr(element, 'href'), context);
      return href ? `<a href="${escapeHtml(href)}">${inner()}</a>` : inner();
    }
    case 'span':
      return /line-through/i.test(attr(element, 'style')) ? `<del>${inner()}</del>` : inner();
    case 'img': {
      const label = attr(element, 'alt') || 'image';
      const href = safeHref(attr(element, 'src'), context);
      return href
        ? `<a href="${escapeHtml(href)}">image: ${escapeHtml(label)}</a>`
        : raw(`[image: ${bracketSafe(label)}]`);
    }
    case 'time':
      return escapeHtml(attr(element, 'datetime') || DomUtils.textContent(element));
    default:
      return inner();
  }
}

function renderConfluenceElement(element: StorageElement, name: string, context: RenderContext): string {
  switch (name) {
    case 'ac:structured-macro':
    case 'ac:macro':
      return renderMacro(element, context);
    case 'ac:link':
      return renderLink(element, context);
    case 'ac:image':
      return renderImage(element, context);
    case 'ac:emoticon':
      return escapeHtml(emoticonText(element));
    case 'ac:task-list':
      return renderTaskList(element, context);
    case 'ac:task':
      return `<ul>${renderTask(element, context)}</ul>`;
    case 'ac:layout':
    case 'ac:layout-section':
    case 'ac:layout-cell':
      return `<div>${renderNodes(element.children, context)}</div>`;
    case 'ac:adf-extension':
      return `<p>${raw(`[macro: ${adfExtensionName(element)}]`)}</p>`;
    case 'ac:placeholder':
    case 'ac:parameter':
    case 'ac:task-id':
    case 'ac:task-uuid':
    case 'ac:task-status':
    case 'ac:plain-text-body':
      return '';
    case 'ri:user':
      return escapeHtml(`@${attr(element, 'ri:username') || 'user'}`);
    case 'ri:url': {
      const href = safeHref(attr(element, 'ri:value'), context);
      return href ? `<a href="${escapeHtml(href)}">${escapeHtml(href)}</a>` : '';
    }
    default: {
      if (name.startsWith('ri:')) return '';
      const inner = renderNodes(element.children, context);
      return inner.trim() === '' ? raw(`[${placeholderName(name)}]`) : inner;
    }
  }
}

function adfExtensionName(element: StorageElement): string {
  const attributes = DomUtils.getElementsByTagName('ac:adf-attribute', element.children, true);
  const pick = (key: string) =>
    attributes
      .find((attribute) => attr(attribute, 'key') === key)
      ?.children.map((n) => DomUtils.textContent(n))
      .join('') ?? '';
  const title = pick('extension-title') || pick('extension-key') || pick('macro-name');
  return placeholderName(title === '' ? 'app extension' : title);
}

function codeBlock(code: string, language: string): string {
  const lang = language.replace(/[^\w+#.-]/g, '');
  const classAttribute = lang ? ` class="language-${escapeHtml(lang)}"` : '';
  return `<pre><code${classAttribute}>${escapeHtml(code)}</code></pre>`;
}

function richBody(macro: StorageElement): StorageElement | undefined {
  return findChild(macro, 'ac:rich-text-body');
}

function renderMacro(macro: StorageElement, context: RenderContext): string {
  const macroName = attr(macro, 'ac:name').toLowerCase();
  const body = richBody(macro);
  const renderBody = () => (body ? renderNodes(body.children, context) : '');
  if (macroName === 'code' || macroName === 'noformat') {
    const plain = findChild(macro, 'ac:plain-text-body');
    const code = plain ? DomUtils.textContent(plain) : '';
    const title = macroParameter(macro, 'title');
    const caption = title ? `<p><em>${escapeHtml(title)}</em></p>` : '';
    return caption + codeBlock(code, macroName === 'code' ? macroParameter(macro, 'language') : '');
  }
  const panelLabel = PANEL_LABELS[macroName];
  if (panelLabel !== undefined) return renderPanel(macro, panelLabel, context);
  if (macroName === 'status') {
    const title = bracketSafe(macroParameter(macro, 'title')).toUpperCase();
    return raw(`[${title === '' ? 'STATUS' : title}]`);
  }
  if (macroName === 'expand') {
    const title = macroParameter(macro, 'title') || 'Details';
    return `<p><strong>${escapeHtml(title)}</strong></p>${renderBody()}`;
  }
  if (macroName === 'toc') return `<p>${raw('_(table of contents)_')}</p>`;
  if (INVISIBLE_MACROS.has(macroName)) return '';
  if (TRANSPARENT_MACROS.has(macroName)) return `<div>${renderBody()}</div>`;
  const key = macroName === 'jira' ? bracketSafe(macroParameter(macro, 'key')) : '';
  const label = `[macro: ${placeholderName(macroName)}${key ? ` ${placeholderName(key)}` : ''}]`;
  if (body) return `<div>${raw(label)}</div><div>${renderBody()}</div>`;
  return isBlockContext(macro) ? `<p>${raw(label)}</p>` : raw(label);
}

const BLOCK_CONTAINERS = new Set([
  'ac:rich-text-body',
  'ac:layout-cell',
  'ac:layout-section',
  'ac:layout',
  'ac:adf-fallback',
  'div',
  'blockquote',
  'body',
  'section',
]);

function isBlockContext(element: StorageElement): boolean {
  const parent = element.parent;
  if (!parent || !DomUtils.isTag(parent)) return true;
  return BLOCK_CONTAINERS.has(parent.name.toLowerCase());
}

function renderPanel(macro: StorageElement, label: string, context: RenderContext): string {
  const title = macroParameter(macro, 'title');
  const heading = [label, title].filter((part) => part !== '').join(' — ');
  const lead =
    heading === '' ? '' : `<strong>${escapeHtml(label === '' ? heading : `${heading}:`)}</strong> `;
  const body = richBody(macro);
  const children = body ? body.children.filter((n) => !(DomUtils.isText(n) && n.data.trim() === '')) : [];
  const [first, ...rest] = children;
  if (first && isElement(first) && first.name === 'p') {
    return `<blockquote><p>${lead}${renderNodes(first.children, context)}</p>${renderNodes(rest, context)}</blockquote>`;
  }
  return `<blockquote>${lead ? `<p>${lead}</p>` : ''}${renderNodes(children, context)}</blockquote>`;
}

function linkBodyHtml(link: StorageElement, context: RenderContext): string {
  const plain = findChild(link, 'ac:plain-text-link-body');
  if (plain) return escapeHtml(DomUtils.textContent(plain));
  const rich = findChild(link, 'ac:link-body');
  return rich ? renderNodes(rich.children, context) : '';
}

function renderLink(link: StorageElement, context: RenderContext): string {
  const body = linkBodyHtml(link, context);
  const hasBody = body.trim() !== '';
  const resource = childElements(link).find((child) => child.name.startsWith('ri:'));
  const resourceName = resource?.name.toLowerCase();
  if (!resource || resourceName === undefined) {
    const anchor = attr(link, 'ac:anchor');
    return hasBody ? body : escapeHtml(anchor ? `#${anchor}` : '');
  }
  switch (resourceName) {
    case 'ri:user': {
      const who = hasBody ? body.replace(/^@/, '') : escapeHtml(attr(resource, 'ri:username') || 'user');
      return `@${who}`;
    }
    case 'ri:page':
    case 'ri:blog-post': {
      const title = attr(resource, 'ri:content-title');
      const spaceKey = attr(resource, 'ri:space-key');
      const label = hasBody ? body : escapeHtml(title || 'page');
      if (resourceName === 'ri:page' && context.wikiBase && title && spaceKey) {
        const href = `${context.wikiBase}/display/${encodeURIComponent(spaceKey)}/${encodeURIComponent(title).replace(/%20/g, '+')}`;
        return `<a href="${escapeHtml(href)}">${label}</a>`;
      }
      return `<strong>${label}</strong>`;
    }
    case 'ri:space': {
      const spaceKey = attr(resource, 'ri:space-key');
      const label = hasBody ? body : escapeHtml(spaceKey || 'space');
      if (context.wikiBase && spaceKey) {
        return `<a href="${escapeHtml(`${context.wikiBase}/spaces/${encodeURIComponent(spaceKey)}`)}">${label}</a>`;
      }
      return `<strong>${label}</strong>`;
    }
    case 'ri:attachment': {
      const filename = bracketSafe(attr(resource, 'ri:filename') || 'file');
      return hasBody ? `${body} ${raw(`[attachment: ${filename}]`)}` : raw(`[attachment: ${filename}]`);
    }
    case 'ri:url': {
      const href = safeHref(attr(resource, 'ri:value'), context);
      const label = hasBody ? body : escapeHtml(href ?? '');
      return href ? `<a href="${escapeHtml(href)}">${label}</a>` : label;
    }
    default:
      return hasBody ? body : raw(`[link: ${placeholderName(resourceName)}]`);
  }
}

function renderImage(image: StorageElement, context: RenderContext): string {
  const alt = attr(image, 'ac:alt') || attr(image, 'ac:title');
  const attachment = findChild(image, 'ri:attachment');
  const url = findChild(image, 'ri:url');
  const caption = findChild(image, 'ac:caption');
  const captionText = caption ? DomUtils.textContent(caption).replace(/\s+/g, ' ').trim() : '';
  const captionHtml = captionText ? ` ${escapeHtml(captionText)}` : '';
  if (url) {
    const href = safeHref(attr(url, 'ri:value'), context);
    if (href)
      return `<a href="${escapeHtml(href)}">image: ${escapeHtml(alt || 'external image')}</a>${captionHtml}`;
  }
  const filename = attachment ? attr(attachment, 'ri:filename') : '';
  return raw(`[image: ${bracketSafe(alt || filename || 'image')}]`) + captionHtml;
}

function emoticonText(emoticon: StorageElement): string {
  const fallback = attr(emoticon, 'ac:emoji-fallback');
  if (fallback && !fallback.startsWith(':')) return fallback;
  const name = attr(emoticon, 'ac:name');
  return EMOTICONS[name] ?? (fallback || `:${placeholderName(name)}:`);
}

function renderTaskList(list: StorageElement, context: RenderContext): string {
  const items: string[] = [];
  for (const child of childElements(list)) {
    if (child.name === 'ac:task') items.push(renderTask(child, context));
    else if (child.name === 'ac:task-list') {
      const nested = renderTaskList(child, context);
      const last = items.pop();
      items.push(last === undefined ? `<li>${nested}</li>` : last.replace(/<\/li>$/, `${nested}</li>`));
    }
  }
  return `<ul>${items.join('')}</ul>`;
}

function renderTask(task: StorageElement, context: RenderContext): string {
  const status = findChild(task, 'ac:task-status');
  const done = status ? DomUtils.textContent(status).trim().toLowerCase() === 'complete' : false;
  const body = findChild(task, 'ac:task-body');
  return `<li data-task="${done ? 'complete' : 'incomplete'}">${body ? renderNodes(body.children, context) : ''}</li>`;
}

function asDom(node: unknown): DomNode {
  return node as DomNode;
}

function cellCount(row: DomNode): number {
  return Array.from(row.childNodes).filter((cell) => cell.nodeName === 'TH' || cell.nodeName === 'TD').length;
}

function closestTable(node: DomNode): DomNode | undefined {
  let current = node.parentNode;
  while (current && current.nodeName !== 'TABLE') current = current.parentNode;
  return current ?? undefined;
}

/** Column count and first row of one table. */
interface TableLayout {
  readonly width: number;
  readonly firstRow: DomNode | undefined;
}

/**
 * Layout per table, computed on its first row and reused for the others: recomputing it per row
 * made a table of n rows cost n² (a 1,500-row table blocked for seconds).
 */
const tableLayouts = new WeakMap<DomNode, TableLayout>();

function tableLayout(row: DomNode): TableLayout {
  const table = closestTable(row);
  if (!table) return { width: Math.max(1, cellCount(row)), firstRow: row };
  const cached = tableLayouts.get(table);
  if (cached) return cached;
  const rows = table.getElementsByTagName('TR');
  let width = 1;
  for (let index = 0; index < rows.length; index += 1) {
    const each = rows[index];
    if (each) width = Math.max(width, cellCount(each));
  }
  const layout = { width, firstRow: rows[0] };
  tableLayouts.set(table, layout);
  return layout;
}

/** Position of every item of an ordered list, computed once per list (per item it was n²). */
const listPositions = new WeakMap<DomNode, Map<DomNode, number>>();

function listPosition(list: DomNode, item: DomNode): number {
  let positions = listPositions.get(list);
  if (!positions) {
    positions = new Map();
    let next = 0;
    const children = list.childNodes;
    for (let index = 0; index < children.length; index += 1) {
      const child = children[index];
      if (child?.nodeName === 'LI') positions.set(child, next++);
    }
    listPositions.set(list, positions);
  }
  return positions.get(item) ?? -1;
}

function createTurndown(): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    hr: '---',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    emDelimiter: '_',
    strongDelimiter: '**',
    br: '  ',
  });
  service.addRule('cfRaw', {
    filter: (node) => asDom(node).nodeName === 'CF-RAW',
    replacement: (_content, node) => asDom(node).textContent ?? '',
  });
  service.addRule('strikethrough', {
    filter: (node) => ['DEL', 'S', 'STRIKE'].includes(asDom(node).nodeName),
    replacement: (content) => (content.trim() === '' ? '' : `~~${content}~~`),
  });
  service.addRule('listItem', {
    filter: 'li',
    replacement: (content, node) => {
      const item = asDom(node);
      const parent = item.parentNode;
      let prefix = '- ';
      if (parent?.nodeName === 'OL') {
        const start = Number(parent.getAttribute('start') ?? '1') || 1;
        prefix = `${start + listPosition(parent, item)}. `;
      }
      const task = item.getAttribute('data-task');
      const checkbox = task === 'complete' ? '[x] ' : task === 'incomplete' ? '[ ] ' : '';
      const body = content
        .replace(/^\n+/, '')
        .replace(/\n+$/, '')
        .replace(/\n/g, `\n${' '.repeat(prefix.length)}`);
      return `${prefix}${checkbox}${body}\n`;
    },
  });
  service.addRule('list', {
    filter: ['ul', 'ol'],
    replacement: (content, node) => {
      const parent = asDom(node).parentNode;
      if (parent?.nodeName === 'LI') return `\n${content.replace(/\n+$/, '')}\n`;
      return `\n\n${content}\n\n`;
    },
  });
  service.addRule('tableCell', {
    filter: ['th', 'td'],
    replacement: (content) =>
      ` ${content
        .trim()
        .replace(/\s*\n+\s*/g, ' ')
        .replace(/\|/g, '\\|')} |`,
  });
  service.addRule('tableRow', {
    filter: 'tr',
    replacement: (content, node) => {
      const row = asDom(node);
      const { width, firstRow } = tableLayout(row);
      const padding = ' |'.repeat(Math.max(0, width - cellCount(row)));
      const line = `|${content}${padding}\n`;
      return firstRow === row ? `${line}|${' --- |'.repeat(width)}\n` : line;
    },
  });
  service.addRule('tableSection', {
    filter: ['thead', 'tbody', 'tfoot'],
    replacement: (content) => content,
  });
  service.addRule('table', {
    filter: 'table',
    replacement: (content) => `\n\n${content.replace(/\n+$/, '')}\n\n`,
  });
  return service;
}
