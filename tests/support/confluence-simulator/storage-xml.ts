/** Thrown by {@link scanStorage} when the storage body is not well-formed XML. */
export class StorageXmlError extends Error {
  readonly position: number;

  constructor(message: string, position: number) {
    super(`Error parsing xhtml: ${message} at position ${position}`);
    this.name = 'StorageXmlError';
    this.position = position;
  }
}

/** One event of a storage document, in document order. */
export type StorageEvent =
  | { kind: 'open'; name: string; attributes: Record<string, string>; selfClosing: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string }
  | { kind: 'cdata'; text: string };

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** HTML named entities Confluence storage accepts on top of XML's five (the common subset). */
const HTML_ENTITIES: Record<string, string> = {
  nbsp: '\u00a0',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  laquo: '\u00ab',
  raquo: '\u00bb',
  bull: '\u2022',
  middot: '\u00b7',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  euro: '\u20ac',
  pound: '\u00a3',
  yen: '\u00a5',
  cent: '\u00a2',
  sect: '\u00a7',
  para: '\u00b6',
  deg: '\u00b0',
  plusmn: '\u00b1',
  times: '\u00d7',
  divide: '\u00f7',
  frac12: '\u00bd',
  frac14: '\u00bc',
  frac34: '\u00be',
  sup2: '\u00b2',
  sup3: '\u00b3',
  le: '\u2264',
  ge: '\u2265',
  ne: '\u2260',
  larr: '\u2190',
  rarr: '\u2192',
  uarr: '\u2191',
  darr: '\u2193',
  harr: '\u2194',
  rArr: '\u21d2',
  lArr: '\u21d0',
  hArr: '\u21d4',
  check: '\u2713',
  zwj: '\u200d',
  zwnj: '\u200c',
  shy: '\u00ad',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  iexcl: '\u00a1',
  iquest: '\u00bf',
  szlig: '\u00df',
  auml: '\u00e4',
  ouml: '\u00f6',
  uuml: '\u00fc',
  Auml: '\u00c4',
  Ouml: '\u00d6',
  Uuml: '\u00dc',
  aacute: '\u00e1',
  eacute: '\u00e9',
  iacute: '\u00ed',
  oacute: '\u00f3',
  uacute: '\u00fa',
  agrave: '\u00e0',
  egrave: '\u00e8',
  ccedil: '\u00e7',
  ntilde: '\u00f1',
  oslash: '\u00f8',
  aring: '\u00e5',
};

const ALLOWED_PREFIXES = new Set(['ac', 'ri', 'at']);
const NAME_RE = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;

function decodeEntities(raw: string, offset: number): string {
  return raw.replace(/&([^;&\s<]*);?/g, (match, name: string, index: number) => {
    if (!match.endsWith(';')) throw new StorageXmlError("the entity name must end with ';'", offset + index);
    if (name.startsWith('#x') || name.startsWith('#X')) {
      const code = Number.parseInt(name.slice(2), 16);
      if (!/^#[xX][0-9a-fA-F]+$/.test(name) || code > 0x10ffff) {
        throw new StorageXmlError(`invalid character reference &${name};`, offset + index);
      }
      return String.fromCodePoint(code);
    }
    if (name.startsWith('#')) {
      const code = Number.parseInt(name.slice(1), 10);
      if (!/^#\d+$/.test(name) || code > 0x10ffff) {
        throw new StorageXmlError(`invalid character reference &${name};`, offset + index);
      }
      return String.fromCodePoint(code);
    }
    const value = XML_ENTITIES[name] ?? HTML_ENTITIES[name];
    if (value === undefined) throw new StorageXmlError(`unknown entity &${name};`, offset + index);
    return value;
  });
}

function checkName(name: string, position: number): void {
  if (!NAME_RE.test(name)) throw new StorageXmlError(`invalid name '${name}'`, position);
  const colon = name.indexOf(':');
  if (colon > 0 && !ALLOWED_PREFIXES.has(name.slice(0, colon))) {
    throw new StorageXmlError(`undeclared namespace prefix '${name.slice(0, colon)}'`, position);
  }
}

function parseAttributes(source: string, offset: number): Record<string, string> {
  const attributes: Record<string, string> = {};
  const attrRe = /\s*([^\s=/>]+)\s*=\s*("([^"<]*)"|'([^'<]*)')/y;
  let index = 0;
  while (index < source.length) {
    if (/^\s*$/.test(source.slice(index))) break;
    attrRe.lastIndex = index;
    const match = attrRe.exec(source);
    if (!match) throw new StorageXmlError('malformed attribute (values must be quoted)', offset + index);
    const name = match[1] ?? '';
    checkName(name, offset + index);
    if (Object.hasOwn(attributes, name)) {
      throw new StorageXmlError(`duplicate attribute '${name}'`, offset + index);
    }
    attributes[name] = decodeEntities(match[3] ?? match[4] ?? '', offset + index);
    index = attrRe.lastIndex;
  }
  return attributes;
}

/**
 * Scans a storage-format fragment (several root elements allowed) into events.
 * Accepts the `ac:`, `ri:` and `at:` prefixes, XML and common HTML named entities, CDATA,
 * comments and processing instructions. Throws {@link StorageXmlError} on anything not
 * well-formed: unclosed or mismatched tags, bare `&`, unquoted attributes, unknown prefixes.
 */
export function scanStorage(source: string): StorageEvent[] {
  const events: StorageEvent[] = [];
  const stack: string[] = [];
  let index = 0;
  while (index < source.length) {
    const lt = source.indexOf('<', index);
    const textEnd = lt === -1 ? source.length : lt;
    if (textEnd > index) {
      events.push({ kind: 'text', text: decodeEntities(source.slice(index, textEnd), index) });
    }
    if (lt === -1) break;
    index = lt;
    if (source.startsWith('<!--', index)) {
      const end = source.indexOf('-->', index + 4);
      if (end === -1) throw new StorageXmlError('unterminated comment', index);
      index = end + 3;
    } else if (source.startsWith('<![CDATA[', index)) {
      const end = source.indexOf(']]>', index + 9);
      if (end === -1) throw new StorageXmlError('unterminated CDATA section', index);
      events.push({ kind: 'cdata', text: source.slice(index + 9, end) });
      index = end + 3;
    } else if (source.startsWith('<?', index)) {
      const end = source.indexOf('?>', index + 2);
      if (end === -1) throw new StorageXmlError('unterminated processing instruction', index);
      index = end + 2;
    } else if (source.startsWith('</', index)) {
      const end = source.indexOf('>', index);
      if (end === -1) throw new StorageXmlError('unterminated end tag', index);
      const name = source.slice(index + 2, end).trim();
      const open = stack.pop();
      if (open !== name) {
        throw new StorageXmlError(
          open === undefined
            ? `unexpected end tag </${name}>`
            : `end tag </${name}> does not match <${open}>`,
          index,
        );
      }
      events.push({ kind: 'close', name });
      index = end + 1;
    } else {
      const end = findTagEnd(source, index);
      const inner = source.slice(index + 1, end);
      const selfClosing = inner.endsWith('/');
      const body = selfClosing ? inner.slice(0, -1) : inner;
      const nameMatch = /^[^\s/>]+/.exec(body);
      if (!nameMatch) throw new StorageXmlError('a tag must start with a name', index);
      checkName(nameMatch[0], index);
      const attributes = parseAttributes(body.slice(nameMatch[0].length), index + 1 + nameMatch[0].length);
      events.push({ kind: 'open', name: nameMatch[0], attributes, selfClosing });
      if (selfClosing) events.push({ kind: 'close', name: nameMatch[0] });
      else stack.push(nameMatch[0]);
      index = end + 1;
    }
  }
  const unclosed = stack.pop();
  if (unclosed !== undefined)
    throw new StorageXmlError(`element <${unclosed}> is never closed`, source.length);
  return events;
}

function findTagEnd(source: string, start: number): number {
  let quote: string | undefined;
  for (let i = start + 1; i < source.length; i++) {
    const ch = source[i];
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '<') {
      throw new StorageXmlError("unexpected '<' inside a tag", i);
    } else if (ch === '>') {
      return i;
    }
  }
  throw new StorageXmlError('unterminated start tag', start);
}

/** Returns the parse problem of a storage body, or undefined when it is well-formed. */
export function findStorageError(source: string): string | undefined {
  try {
    scanStorage(source);
    return undefined;
  } catch (error) {
    if (error instanceof StorageXmlError) return error.message;
    throw error;
  }
}

const BLOCK_ELEMENTS = new Set([
  'p',
  'div',
  'br',
  'li',
  'tr',
  'td',
  'th',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'blockquote',
  'hr',
  'ac:task',
  'ac:layout-cell',
  'ac:structured-macro',
]);

/**
 * Plain text of a storage body as search indexes it: element text, CDATA (code) and link
 * bodies; macro parameters and attributes are left out; blocks are separated by newlines.
 * Throws {@link StorageXmlError} when the body is not well-formed.
 */
export function storageToPlainText(source: string): string {
  const parts: string[] = [];
  let skipDepth = 0;
  for (const event of scanStorage(source)) {
    if (event.kind === 'open') {
      if (event.name === 'ac:parameter' || event.name === 'ac:task-status' || skipDepth > 0) skipDepth++;
      if (BLOCK_ELEMENTS.has(event.name)) parts.push('\n');
    } else if (event.kind === 'close') {
      if (skipDepth > 0) skipDepth--;
      if (BLOCK_ELEMENTS.has(event.name)) parts.push('\n');
    } else if (skipDepth === 0) {
      parts.push(event.text);
    }
  }
  return parts
    .join('')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}
