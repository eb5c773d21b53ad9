import { DomUtils } from 'htmlparser2';
import { confluenceSteps } from './storage-markdown-confluence.js';
import {
  isElement,
  type Step,
  type StorageElement,
  type StorageNode,
  textOf,
} from './storage-markdown-dom.js';
import { htmlSteps } from './storage-markdown-html.js';
import {
  collapseWhitespace,
  escapeLinkDestination,
  escapeText,
  fenceFor,
  inlineCode,
} from './storage-markdown-rules.js';
import type { TableLayout } from './storage-markdown-table.js';
import { MarkdownWriter } from './storage-markdown-writer.js';

/**
 * Nesting past which a subtree is shown as plain text: list/quote indentation wider than this many
 * characters (every line at that depth repeats it), inline markup nested deeper than this, tables
 * nested in cells deeper than this. Real pages stay far below; each cap keeps a crafted page
 * linear (no quadratic indentation or re-wrapping).
 */
const MAX_PREFIX_WIDTH = 128;
const MAX_CAPTURE_DEPTH = 24;
const MAX_TABLE_DEPTH = 8;

/** An open HTML list: its element, whether numbered, and the next item number. */
interface ListState {
  readonly element: StorageElement | undefined;
  readonly ordered: boolean;
  next: number;
}

/**
 * Walks the storage tree once with an explicit stack (no recursion, so nesting depth cannot
 * overflow the call stack) and streams Markdown through a {@link MarkdownWriter}. Constructs are
 * opened and closed by steps scheduled around their children; table cells render into a writer
 * of their own whose text becomes one cell.
 */
export class StorageRenderer {
  /** The writer of the current table cell, or of the page. */
  writer = new MarkdownWriter();
  private readonly outerWriters: MarkdownWriter[] = [];
  private readonly stack: Step[] = [];
  /** Kinds of the constructs open around the current node ('li', 'p', 'table'…). */
  readonly openKinds: string[] = [];
  /** Tables open around the current node, innermost last. */
  readonly tables: TableLayout[] = [];
  private readonly lists: ListState[] = [];
  private codeDepth = 0;
  private linkDepth = 0;

  constructor(readonly wikiBase: string | undefined) {}

  /** Renders `nodes` and returns the Markdown. */
  render(nodes: readonly StorageNode[]): string {
    return this.renderStart(nodes, Number.POSITIVE_INFINITY).markdown;
  }

  /**
   * Renders `nodes` until the page's writer has written about `maxChars` characters, then stops:
   * the work is bounded by what is kept. `complete` is false when it stopped before the end (the
   * last block may then be cut anywhere).
   */
  renderStart(nodes: readonly StorageNode[], maxChars: number): { markdown: string; complete: boolean } {
    this.schedule(nodes);
    const page = this.writer;
    for (let step = this.stack.pop(); step !== undefined; step = this.stack.pop()) {
      if (typeof step === 'function') step();
      else this.visit(step);
      if (page.written >= maxChars && this.writer === page && this.stack.length > 0) {
        return { markdown: page.finish(), complete: false };
      }
    }
    return { markdown: page.finish(), complete: true };
  }

  /** Starts a table cell: what follows renders into a writer of its own. */
  enterCell(): void {
    this.outerWriters.push(this.writer);
    this.writer = new MarkdownWriter();
  }

  /** Ends a table cell: returns its writer and writes to the enclosing one again. */
  leaveCell(): MarkdownWriter {
    const cell = this.writer;
    this.writer = this.outerWriters.pop() ?? cell;
    return cell;
  }

  /** Queues `steps` to run next, in order. */
  schedule(steps: readonly Step[]): void {
    for (let index = steps.length - 1; index >= 0; index -= 1) {
      const step = steps[index];
      if (step !== undefined) this.stack.push(step);
    }
  }

  private visit(node: StorageNode): void {
    if (DomUtils.isText(node)) this.writer.writeText(node.data, this.codeDepth > 0);
    else if (DomUtils.isCDATA(node)) this.writer.writeText(textOf(node), this.codeDepth > 0);
    else if (isElement(node)) {
      const writer = this.writer;
      if (
        writer.prefixWidth > MAX_PREFIX_WIDTH ||
        writer.captureDepth > MAX_CAPTURE_DEPTH ||
        this.outerWriters.length > MAX_TABLE_DEPTH
      ) {
        writer.writeText(textOf(node, true));
        return;
      }
      const name = node.name.toLowerCase();
      const confluence = name.startsWith('ac:') || name.startsWith('ri:');
      this.schedule(confluence ? confluenceSteps(this, node, name) : htmlSteps(this, node, name));
    }
  }

  /** Steps around `inner` that make it a block (a blank line before and after). */
  block(inner: readonly Step[], kind = 'div'): Step[] {
    const edge = () => {
      this.writer.boundary();
      this.writer.requestBreak(2);
    };
    const open = () => {
      edge();
      this.openKinds.push(kind);
    };
    const close = () => {
      this.openKinds.pop();
      edge();
    };
    return [open, ...inner, close];
  }

  /** A paragraph holding `markdown` as is (placeholders, captions). */
  paragraphMarkup(markdown: string): Step[] {
    return this.block([() => this.writer.writeMarkup(markdown)], 'p');
  }

  /** Steps that wrap what `inner` writes in `open`…`close`; edge whitespace stays outside. */
  wrap(inner: readonly Step[], open: string, close = open): Step[] {
    return this.capture(inner, (content) => {
      if (content.trim() === '') return content;
      return flank(content, (core) => `${open}${core}${close}`);
    });
  }

  /** Steps that make what `inner` writes a link to `href` (already checked by safeHref). */
  link(href: string, inner: readonly Step[]): Step[] {
    if (this.linkDepth > 0) return [...inner];
    const target = escapeLinkDestination(href);
    const steps = this.capture(
      inner,
      (content) => flank(content, (core) => `[${core}](${target})`),
      `[](${target})`,
    );
    return [() => this.linkDepth++, ...steps, () => this.linkDepth--];
  }

  /** Steps of a blockquote around `inner`. */
  quote(inner: readonly Step[]): Step[] {
    let mark = this.writer.mark();
    const open = () => {
      this.writer.boundary();
      this.writer.requestBreak(2);
      mark = this.writer.mark();
      this.writer.pushPrefix('> ', '> ');
      this.openKinds.push('blockquote');
    };
    const close = () => {
      this.openKinds.pop();
      this.writer.boundary();
      this.writer.popPrefix();
      if (this.writer.wroteSince(mark)) this.writer.setBreak(2);
      else this.writer.requestBreak(2);
    };
    return [open, ...inner, close];
  }

  /** Steps of a list around `inner` (its items); a list inside an item is tight under it. */
  list(element: StorageElement | undefined, ordered: boolean, start: number, inner: readonly Step[]): Step[] {
    let inItem = false;
    let mark = this.writer.mark();
    const open = () => {
      inItem = this.openKinds.at(-1) === 'li';
      this.writer.boundary();
      this.writer.requestBreak(inItem ? 1 : 2);
      mark = this.writer.mark();
      this.lists.push({ element, ordered, next: start });
      this.openKinds.push('list');
    };
    const close = () => {
      this.openKinds.pop();
      this.lists.pop();
      this.writer.boundary();
      if (inItem && this.writer.wroteSince(mark)) this.writer.setBreak(1);
      else this.writer.requestBreak(2);
    };
    return [open, ...inner, close];
  }

  /** The marker of an HTML list item: its number in an ordered list, else `- `. */
  itemMarker(element: StorageElement): string {
    const list = this.lists.at(-1);
    return list?.ordered === true && element.parent === list.element ? `${list.next++}. ` : '- ';
  }

  /** Steps of one list item: `marker` (`- `, `3. `) and `checkbox` on its first line, indented after. */
  item(marker: string, checkbox: string, inner: readonly Step[]): Step[] {
    let mark = this.writer.mark();
    const open = () => {
      this.writer.boundary();
      mark = this.writer.mark();
      this.writer.pushPrefix(`${marker}${checkbox}`, ' '.repeat(marker.length));
      this.openKinds.push('li');
    };
    const close = () => {
      this.openKinds.pop();
      this.writer.boundary();
      this.writer.popPrefix();
      if (this.writer.wroteSince(mark)) this.writer.setBreak(1);
      else {
        this.writer.restore(mark);
        this.writer.requestBreak(2);
      }
    };
    return [open, ...inner, close];
  }

  /** Steps of a fenced code block; CR LF and CR become LF, the fence outgrows any fence inside. */
  codeBlock(code: string, language: string): Step[] {
    return [
      () => {
        const writer = this.writer;
        writer.boundary();
        writer.requestBreak(2);
        if (code.trim() === '') return;
        const lines = code.replace(/\r\n?/g, '\n').split('\n');
        if (lines.length > 1 && lines.at(-1) === '') lines.pop();
        const fence = fenceFor(lines);
        writer.writeRaw(`${fence}${language.replace(/[^\w+#.-]/g, '')}`);
        for (const line of lines) {
          writer.requestBreak(1);
          writer.writeRaw(line);
        }
        writer.requestBreak(1);
        writer.writeRaw(fence);
        writer.requestBreak(2);
        writer.boundary();
      },
    ];
  }

  private capture(inner: readonly Step[], wrapContent: (content: string) => string, whenEmpty = ''): Step[] {
    const open = () => {
      this.writer.openCapture();
      this.openKinds.push('inline');
    };
    const close = () => {
      this.openKinds.pop();
      const captured = this.writer.closeCapture();
      if (captured) this.writer.writeCaptured(wrapContent(captured.content));
      else if (whenEmpty !== '') this.writer.writeRaw(whenEmpty);
    };
    return [open, ...inner, close];
  }

  /** Steps of a heading: `## ` before its first line. */
  heading(level: number, inner: readonly Step[]): Step[] {
    const open = () => {
      this.writer.boundary();
      this.writer.requestBreak(2);
      this.writer.pushPrefix(`${'#'.repeat(level)} `, '');
      this.openKinds.push('h');
    };
    const close = () => {
      this.openKinds.pop();
      this.writer.boundary();
      this.writer.popPrefix();
      this.writer.requestBreak(2);
    };
    return [open, ...inner, close];
  }

  /** Steps of inline code around `inner` (text inside is not escaped). */
  inlineCode(inner: readonly Step[]): Step[] {
    const steps = this.capture(inner, (content) =>
      content.trim() === '' ? content : flank(content, (core) => inlineCode(core)),
    );
    return [() => this.codeDepth++, ...steps, () => this.codeDepth--];
  }
}

/** Applies `wrap` to `content` without its edge whitespace, which stays outside the markup. */
function flank(content: string, wrap: (core: string) => string): string {
  const start = content.length - content.trimStart().length;
  const core = content.trim();
  return `${content.slice(0, start)}${wrap(core)}${content.slice(start + core.length)}`;
}

/** Escaped page text for markup built here (titles, panel leads): whitespace collapsed, specials escaped. */
export function markupText(text: string): string {
  return escapeText(collapseWhitespace(text).trim(), true);
}
