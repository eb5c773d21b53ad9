import { DomUtils, Parser, parseDocument } from 'htmlparser2';
import { AppError } from '../errors.js';

/**
 * Largest page body (storage format, UTF-16 code units ≈ bytes for Latin text) the bot converts or
 * edits: 2 MB. Conversion and edits are linear, so this bounds the longest synchronous block of a
 * `get` or an update preview to about twice the 1 MB figure in BENCHMARKS.md ("Large pages"); real
 * pages are far smaller (Confluence itself stops at 5 MB), and a chat card shows only the first
 * few thousand characters of a page anyway, so a bigger page is better read in Confluence.
 */
export const MAX_STORAGE_CHARS = 2_000_000;

/**
 * Throws AppError('PAGE_TOO_LARGE') when `storage` is over {@link MAX_STORAGE_CHARS}, before any
 * parsing; the user message names the size and, when given, links the page so people can open it.
 */
export function assertStorageSize(storage: string, pageUrl?: string): void {
  if (storage.length <= MAX_STORAGE_CHARS) return;
  const size = (storage.length / 1_000_000).toFixed(1);
  const link = pageUrl ? `: ${pageUrl}` : '.';
  throw new AppError('PAGE_TOO_LARGE', {
    userMessage: `This page is too large to preview here (${size} MB of content; the bot handles up to ${MAX_STORAGE_CHARS / 1_000_000} MB) — open it in Confluence${link}`,
    details: { storageChars: storage.length, limit: MAX_STORAGE_CHARS },
  });
}

/** An element located in the original storage string. All indexes are UTF-16 offsets into it. */
export interface LocatedElement {
  readonly kind: 'element';
  /** Tag name as written (Confluence names are lowercase, e.g. `ac:structured-macro`). */
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** Offset of the `<` that opens the start tag. */
  readonly start: number;
  /** Offset just after the start tag's `>`; equals `closeStart` for self-closing tags. */
  openEnd: number;
  /** Offset of the `</` of the end tag (or `openEnd` for self-closing / implied closes). */
  closeStart: number;
  /** Offset just after the whole element. */
  end: number;
  readonly parent: LocatedElement | undefined;
  readonly children: LocatedNode[];
}

/** A run of character data located in the original string (`raw` is exactly `storage.slice(start, end)`). */
export interface LocatedText {
  readonly kind: 'text';
  readonly start: number;
  end: number;
  raw: string;
  /** True for a CDATA section (`raw` then includes the `<![CDATA[`…`]]>` markers). */
  readonly cdata: boolean;
  readonly parent: LocatedElement | undefined;
}

export type LocatedNode = LocatedElement | LocatedText;

/** The parsed storage: top-level nodes in document order. */
export interface StorageTree {
  readonly source: string;
  readonly roots: LocatedNode[];
}

/**
 * Parses storage format into a tree that records where every element and text run sits in the
 * original string, so edits can splice the original bytes instead of re-serialising.
 * Uses htmlparser2 in XML mode without entity decoding (offsets stay exact). Never throws:
 * malformed input yields a best-effort tree (unclosed elements end where their parent ends).
 */
export function parseStorageTree(source: string): StorageTree {
  const roots: LocatedNode[] = [];
  const stack: LocatedElement[] = [];
  let inCdata = false;
  // Text runs the tokenizer splits (e.g. at a stray `<`) are merged by moving `end`; their `raw` is
  // sliced once after parsing, so a run split a thousand times costs one copy, not a thousand.
  const merged = new Set<LocatedText>();
  const append = (node: LocatedNode) => {
    const parent = stack.at(-1);
    (parent ? parent.children : roots).push(node);
  };
  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        const element: LocatedElement = {
          kind: 'element',
          name,
          attributes,
          start: parser.startIndex,
          openEnd: parser.endIndex + 1,
          closeStart: parser.endIndex + 1,
          end: parser.endIndex + 1,
          parent: stack.at(-1),
          children: [],
        };
        append(element);
        stack.push(element);
      },
      onclosetag(_name, isImplied) {
        const element = stack.pop();
        if (!element) return;
        if (!isImplied) {
          element.closeStart = parser.startIndex;
          element.end = parser.endIndex + 1;
        } else if (parser.startIndex === element.start) {
          element.closeStart = element.openEnd;
          element.end = element.openEnd;
        } else {
          const at = Math.min(Math.max(parser.startIndex, element.openEnd), source.length);
          element.closeStart = at;
          element.end = at;
        }
      },
      ontext() {
        const start = parser.startIndex;
        const end = Math.min(parser.endIndex + 1, source.length);
        const parent = stack.at(-1);
        const siblings = parent ? parent.children : roots;
        const previous = siblings.at(-1);
        if (previous?.kind === 'text' && previous.end === start && previous.cdata === inCdata) {
          previous.end = end;
          merged.add(previous);
          return;
        }
        append({ kind: 'text', start, end, raw: source.slice(start, end), cdata: inCdata, parent });
      },
      oncdatastart() {
        inCdata = true;
      },
      oncdataend() {
        inCdata = false;
      },
    },
    { xmlMode: true, decodeEntities: false, recognizeSelfClosing: true },
  );
  parser.end(source);
  for (const text of merged) text.raw = source.slice(text.start, text.end);
  return { source, roots };
}

/** All nodes of the tree in document order (depth first, iterative so deep pages cannot overflow the stack). */
export function walkNodes(nodes: readonly LocatedNode[]): LocatedNode[] {
  const out: LocatedNode[] = [];
  const pending: LocatedNode[] = [...nodes].reverse();
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    out.push(node);
    if (node.kind === 'element') {
      for (let index = node.children.length - 1; index >= 0; index -= 1) {
        const child = node.children[index];
        if (child) pending.push(child);
      }
    }
  }
  return out;
}

/** Elements of the tree in document order (depth first). */
export function walkElements(nodes: readonly LocatedNode[]): LocatedElement[] {
  return walkNodes(nodes).filter((node): node is LocatedElement => node.kind === 'element');
}

const XML_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};
const decodedCache = new Map<string, string>();

/**
 * Decodes one entity reference body (`amp`, `#160`, `#xA0`, `copy`) to its characters; unknown
 * names decode to the reference itself (`&name;`) so nothing is invented.
 */
export function decodeEntity(reference: string): string {
  const known = XML_ENTITIES[reference];
  if (known !== undefined) return known;
  if (reference.startsWith('#')) {
    const hex = reference[1] === 'x' || reference[1] === 'X';
    const code = Number.parseInt(reference.slice(hex ? 2 : 1), hex ? 16 : 10);
    if (Number.isInteger(code) && code > 0 && code <= 0x10ffff) return String.fromCodePoint(code);
    return `&${reference};`;
  }
  const cached = decodedCache.get(reference);
  if (cached !== undefined) return cached;
  const decoded = DomUtils.textContent(parseDocument(`&${reference};`, { decodeEntities: true }));
  const value = decoded === '' ? `&${reference};` : decoded;
  if (decodedCache.size < 512) decodedCache.set(reference, value);
  return value;
}

/** One piece of raw text and what it decodes to. */
export interface TextUnit {
  readonly rawStart: number;
  readonly rawEnd: number;
  readonly decodedStart: number;
  readonly decodedEnd: number;
}

/** Raw character data decoded, with a map from decoded offsets back to raw offsets. */
export interface DecodedText {
  readonly text: string;
  readonly units: readonly TextUnit[];
}

/** Decodes raw (non-CDATA) character data, keeping the mapping back to raw offsets. */
export function decodeRawText(raw: string): DecodedText {
  const units: TextUnit[] = [];
  let text = '';
  const pattern = /&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);|[\s\S]/g;
  for (let match = pattern.exec(raw); match !== null; match = pattern.exec(raw)) {
    const reference = match[1];
    const value = reference === undefined ? match[0] : decodeEntity(reference);
    units.push({
      rawStart: match.index,
      rawEnd: match.index + match[0].length,
      decodedStart: text.length,
      decodedEnd: text.length + value.length,
    });
    text += value;
  }
  return { text, units };
}

const ENTITY_REFERENCE = /&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/g;

/**
 * Decodes raw (non-CDATA) character data to its text — the same text as `decodeRawText(raw).text`
 * without building the offset map, for callers that only read the text. Linear; never throws.
 */
export function decodeRawTextOnly(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(ENTITY_REFERENCE, (_match, reference: string) => decodeEntity(reference));
}

/** Visible text of a located element (entities decoded, CDATA unwrapped). Iterative, so deep trees cannot overflow the stack. */
export function locatedTextContent(node: LocatedNode): string {
  const parts: string[] = [];
  for (const item of walkNodes([node])) {
    if (item.kind !== 'text') continue;
    parts.push(
      item.cdata ? item.raw.replace(/^<!\[CDATA\[/, '').replace(/]]>$/, '') : decodeRawTextOnly(item.raw),
    );
  }
  return parts.join('');
}
