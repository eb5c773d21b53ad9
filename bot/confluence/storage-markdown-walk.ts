import { DomUtils } from 'htmlparser2';
import { type Step, type StorageElement, type StorageNode, textOf } from './storage-markdown-dom.js';
import type { TableLayout } from './storage-markdown-table.js';
import { MarkdownWriter } from './storage-markdown-writer.js';

/*
 * The walk of the storage → Markdown renderer: one pass over the tree with an explicit stack, the
 * writer of the page or of the current table cell, and the nesting caps past which a subtree is
 * shown as plain text. What each element becomes is the subclass's (`StorageRenderer`).
 */

/**
 * Nesting past which a subtree is shown as plain text: list/quote indentation wider than this many
 * characters (every line at that depth repeats it), inline markup nested deeper than this, tables
 * nested in cells deeper than this. Real pages stay far below; each cap keeps a crafted page
 * linear (no quadratic indentation or re-wrapping).
 */
const MAX_PREFIX_WIDTH = 128;
const MAX_CAPTURE_DEPTH = 24;
const MAX_TABLE_DEPTH = 8;

/**
 * Walks the storage tree once with an explicit stack (no recursion, so nesting depth cannot
 * overflow the call stack) and streams Markdown through a {@link MarkdownWriter}. Constructs are
 * opened and closed by steps scheduled around their children; table cells render into a writer
 * of their own whose text becomes one cell.
 */
export abstract class StorageWalker {
  /** The writer of the current table cell, or of the page. */
  writer = new MarkdownWriter();
  private readonly outerWriters: MarkdownWriter[] = [];
  private readonly stack: Step[] = [];
  /** Kinds of the constructs open around the current node ('li', 'p', 'table'…). */
  readonly openKinds: string[] = [];
  /** Tables open around the current node, innermost last. */
  readonly tables: TableLayout[] = [];
  /** Inline code open around the current node (its text is written unescaped). */
  protected codeDepth = 0;

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

  /** Steps that run `open`, then `inner` inside a construct of `kind`, then `close`. */
  enclose(kind: string, inner: readonly Step[], open: () => void, close: () => void): Step[] {
    const enter = () => {
      open();
      this.openKinds.push(kind);
    };
    const leave = () => {
      this.openKinds.pop();
      close();
    };
    return [enter, ...inner, leave];
  }

  /** The steps an element of storage becomes (`name` lowercased). */
  protected abstract stepsFor(element: StorageElement, name: string): Step[];

  private visit(node: StorageNode): void {
    if (DomUtils.isText(node)) this.writer.writeText(node.data, this.codeDepth > 0);
    else if (DomUtils.isCDATA(node)) this.writer.writeText(textOf(node), this.codeDepth > 0);
    else if (DomUtils.isTag(node)) {
      const writer = this.writer;
      if (
        writer.prefixWidth > MAX_PREFIX_WIDTH ||
        writer.captureDepth > MAX_CAPTURE_DEPTH ||
        this.outerWriters.length > MAX_TABLE_DEPTH
      ) {
        writer.writeText(textOf(node, true));
        return;
      }
      this.schedule(this.stepsFor(node, node.name.toLowerCase()));
    }
  }
}
