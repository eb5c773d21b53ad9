import { DomUtils } from 'htmlparser2';
import {
  attr,
  findChild,
  isElement,
  type Step,
  type StorageElement,
  type StorageNode,
  textOf,
} from './storage-markdown-dom.js';
import { markupText, type StorageRenderer } from './storage-markdown-render.js';
import {
  BLOCK_CONTAINERS,
  bracketSafe,
  emoticonText,
  INVISIBLE_MACROS,
  PANEL_LABELS,
  placeholderName,
  safeHref,
  TRANSPARENT_MACROS,
} from './storage-markdown-rules.js';

/**
 * Steps for a Confluence element (`ac:`/`ri:`): macros, links, images, emoticons, tasks, layouts.
 * Every construct stays visible — unknown macros and app extensions become `[macro: name]`.
 */
export function confluenceSteps(r: StorageRenderer, element: StorageElement, name: string): Step[] {
  switch (name) {
    case 'ac:structured-macro':
    case 'ac:macro':
      return macroSteps(r, element);
    case 'ac:link':
      return linkSteps(r, element);
    case 'ac:image':
      return imageSteps(r, element);
    case 'ac:emoticon':
      return [
        () => r.writer.writeText(emoticonText(attr(element, 'ac:name'), attr(element, 'ac:emoji-fallback'))),
      ];
    case 'ac:task-list':
      return taskListSteps(r, element.children);
    case 'ac:task':
      return taskListSteps(r, [element]);
    case 'ac:layout':
    case 'ac:layout-section':
    case 'ac:layout-cell':
      return r.block(element.children);
    case 'ac:adf-extension':
      return r.paragraphMarkup(`[macro: ${adfExtensionName(element)}]`);
    case 'ac:placeholder':
    case 'ac:parameter':
    case 'ac:task-id':
    case 'ac:task-uuid':
    case 'ac:task-status':
    case 'ac:plain-text-body':
      return [];
    case 'ri:user':
      return [() => r.writer.writeText(`@${attr(element, 'ri:username') || 'user'}`)];
    case 'ri:url': {
      const href = safeHref(attr(element, 'ri:value'), r.wikiBase);
      return href ? r.link(href, [() => r.writer.writeText(href)]) : [];
    }
    default: {
      if (name.startsWith('ri:')) return [];
      let mark = r.writer.mark();
      return [
        () => {
          mark = r.writer.mark();
        },
        ...element.children,
        () => {
          if (!r.writer.wroteSince(mark)) r.writer.writeMarkup(`[${placeholderName(name)}]`);
        },
      ];
    }
  }
}

function macroParameter(macro: StorageElement, name: string): string {
  for (const child of macro.children) {
    if (isElement(child) && child.name === 'ac:parameter' && attr(child, 'ac:name') === name) {
      return textOf(child).trim();
    }
  }
  return '';
}

function isBlockContext(element: StorageElement): boolean {
  const parent = element.parent;
  if (!parent || !isElement(parent)) return true;
  return BLOCK_CONTAINERS.has(parent.name.toLowerCase());
}

function macroSteps(r: StorageRenderer, macro: StorageElement): Step[] {
  const macroName = attr(macro, 'ac:name').toLowerCase();
  const body = findChild(macro, 'ac:rich-text-body');
  const bodyNodes = body ? body.children : [];
  if (macroName === 'code' || macroName === 'noformat') {
    const plain = findChild(macro, 'ac:plain-text-body');
    const title = macroParameter(macro, 'title');
    const language = macroName === 'code' ? macroParameter(macro, 'language') : '';
    return [
      ...(title ? r.paragraphMarkup(`_${markupText(title)}_`) : []),
      ...r.codeBlock(plain ? textOf(plain) : '', language),
    ];
  }
  const panelLabel = PANEL_LABELS[macroName];
  if (panelLabel !== undefined) return panelSteps(r, panelLabel, macroParameter(macro, 'title'), bodyNodes);
  if (macroName === 'status') {
    const title = bracketSafe(macroParameter(macro, 'title')).toUpperCase();
    return [() => r.writer.writeMarkup(`[${title === '' ? 'STATUS' : title}]`)];
  }
  if (macroName === 'expand') {
    const title = macroParameter(macro, 'title') || 'Details';
    return [...r.paragraphMarkup(`**${markupText(title)}**`), ...bodyNodes];
  }
  if (macroName === 'toc') return r.paragraphMarkup('_(table of contents)_');
  if (INVISIBLE_MACROS.has(macroName)) return [];
  if (TRANSPARENT_MACROS.has(macroName)) return r.block(bodyNodes);
  const key = macroName === 'jira' ? bracketSafe(macroParameter(macro, 'key')) : '';
  const label = `[macro: ${placeholderName(macroName)}${key ? ` ${placeholderName(key)}` : ''}]`;
  if (body) return [...r.paragraphMarkup(label), ...r.block(bodyNodes)];
  return isBlockContext(macro) ? r.paragraphMarkup(label) : [() => r.writer.writeMarkup(label)];
}

/** A panel is a quote led by `**Label — title:**`, merged into its first paragraph when it has one. */
function panelSteps(r: StorageRenderer, label: string, title: string, body: readonly StorageNode[]): Step[] {
  const heading = [label, title].filter((part) => part !== '').join(' — ');
  const lead = heading === '' ? '' : `**${markupText(label === '' ? heading : `${heading}:`)}**`;
  const writeLead = () => {
    if (lead === '') return;
    r.writer.writeMarkup(lead);
    r.writer.writeText(' ');
  };
  const children = body.filter((node) => !(DomUtils.isText(node) && node.data.trim() === ''));
  const [first, ...rest] = children;
  if (first && isElement(first) && first.name === 'p') {
    return r.quote([...r.block([writeLead, ...first.children], 'p'), ...rest]);
  }
  return r.quote([...(lead ? r.block([writeLead], 'p') : []), ...children]);
}

function linkSteps(r: StorageRenderer, link: StorageElement): Step[] {
  const plain = findChild(link, 'ac:plain-text-link-body');
  const rich = findChild(link, 'ac:link-body');
  const plainText = plain ? textOf(plain) : '';
  const hasBody = plain
    ? plainText.trim() !== ''
    : rich?.children.some((node) => isElement(node) || textOf(node).trim() !== '') === true;
  const body: Step[] = plain ? [() => r.writer.writeText(plainText)] : rich ? [...rich.children] : [];
  const resource = link.children.find(
    (child): child is StorageElement => isElement(child) && child.name.startsWith('ri:'),
  );
  const text = (value: string): Step[] => [() => r.writer.writeText(value)];
  if (!resource) {
    const anchor = attr(link, 'ac:anchor');
    return hasBody ? body : text(anchor ? `#${anchor}` : '');
  }
  const kind = resource.name.toLowerCase();
  switch (kind) {
    case 'ri:user': {
      if (!hasBody) return text(`@${attr(resource, 'ri:username') || 'user'}`);
      return plain
        ? text(`@${plainText.startsWith('@') ? plainText.slice(1) : plainText}`)
        : [...text('@'), ...body];
    }
    case 'ri:page':
    case 'ri:blog-post': {
      const title = attr(resource, 'ri:content-title');
      const spaceKey = attr(resource, 'ri:space-key');
      const label = hasBody ? body : text(title || 'page');
      if (kind === 'ri:page' && r.wikiBase && title && spaceKey) {
        const path = `${encodeURIComponent(spaceKey)}/${encodeURIComponent(title).replace(/%20/g, '+')}`;
        return r.link(`${r.wikiBase}/display/${path}`, label);
      }
      return r.wrap(label, '**');
    }
    case 'ri:space': {
      const spaceKey = attr(resource, 'ri:space-key');
      const label = hasBody ? body : text(spaceKey || 'space');
      if (r.wikiBase && spaceKey)
        return r.link(`${r.wikiBase}/spaces/${encodeURIComponent(spaceKey)}`, label);
      return r.wrap(label, '**');
    }
    case 'ri:attachment': {
      const placeholder = `[attachment: ${bracketSafe(attr(resource, 'ri:filename') || 'file')}]`;
      const writePlaceholder = () => r.writer.writeMarkup(placeholder);
      return hasBody ? [...body, () => r.writer.writeText(' '), writePlaceholder] : [writePlaceholder];
    }
    case 'ri:url': {
      const href = safeHref(attr(resource, 'ri:value'), r.wikiBase);
      if (!href) return hasBody ? body : [];
      return r.link(href, hasBody ? body : text(href));
    }
    default:
      return hasBody ? body : [() => r.writer.writeMarkup(`[link: ${placeholderName(kind)}]`)];
  }
}

function imageSteps(r: StorageRenderer, image: StorageElement): Step[] {
  const alt = attr(image, 'ac:alt') || attr(image, 'ac:title');
  const attachment = findChild(image, 'ri:attachment');
  const url = findChild(image, 'ri:url');
  const caption = findChild(image, 'ac:caption');
  const captionText = caption ? textOf(caption).replace(/\s+/g, ' ').trim() : '';
  const writeCaption = () => {
    if (captionText) r.writer.writeText(` ${captionText}`);
  };
  const href = url ? safeHref(attr(url, 'ri:value'), r.wikiBase) : undefined;
  if (href) {
    return [...r.link(href, [() => r.writer.writeText(`image: ${alt || 'external image'}`)]), writeCaption];
  }
  const filename = attachment ? attr(attachment, 'ri:filename') : '';
  const placeholder = `[image: ${bracketSafe(alt || filename || 'image')}]`;
  return [() => r.writer.writeMarkup(placeholder), writeCaption];
}

/** A task list: `- [ ]`/`- [x]` items; a task list right after a task nests under that task. */
function taskListSteps(r: StorageRenderer, nodes: readonly StorageNode[]): Step[] {
  const groups: { task: StorageElement | undefined; nested: StorageElement[] }[] = [];
  for (const child of nodes) {
    if (!isElement(child)) continue;
    if (child.name === 'ac:task') groups.push({ task: child, nested: [] });
    else if (child.name === 'ac:task-list') {
      const last = groups.at(-1);
      if (last) last.nested.push(child);
      else groups.push({ task: undefined, nested: [child] });
    }
  }
  const items: Step[] = [];
  for (const { task, nested } of groups) {
    const status = task ? findChild(task, 'ac:task-status') : undefined;
    const done = status ? textOf(status).trim().toLowerCase() === 'complete' : false;
    const body = task ? findChild(task, 'ac:task-body') : undefined;
    const checkbox = task ? (done ? '[x] ' : '[ ] ') : '';
    const nestedSteps = nested.map((list) => () => r.schedule(taskListSteps(r, list.children)));
    items.push(...r.item('- ', checkbox, [...(body ? body.children : []), ...nestedSteps]));
  }
  return r.list(undefined, false, 1, items);
}

function adfExtensionName(extension: StorageElement): string {
  const values = new Map<string, string>();
  const pending: StorageNode[] = [...extension.children].reverse();
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (!isElement(node)) continue;
    if (node.name === 'ac:adf-attribute') {
      const key = attr(node, 'key');
      if (!values.has(key)) values.set(key, textOf(node));
    }
    for (let index = node.children.length - 1; index >= 0; index -= 1) {
      const child = node.children[index];
      if (child) pending.push(child);
    }
  }
  const title =
    values.get('extension-title') || values.get('extension-key') || values.get('macro-name') || '';
  return placeholderName(title === '' ? 'app extension' : title);
}
