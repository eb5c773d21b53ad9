import { confluenceSteps } from './storage-markdown-confluence.js';
import type { Step, StorageElement } from './storage-markdown-dom.js';
import { htmlSteps } from './storage-markdown-html.js';
import {
  collapseWhitespace,
  escapeLinkDestination,
  escapeText,
  fenceFor,
  inlineCode,
} from './storage-markdown-rules.js';
import { StorageWalker } from './storage-markdown-walk.js';

/** An open HTML list: its element, whether numbered, and the next item number. */
interface ListState {
  readonly element: StorageElement | undefined;
  readonly ordered: boolean;
  next: number;
}

/**
 * The storage → Markdown renderer: the Markdown constructs (blocks, quotes, lists, headings, code,
 * links, inline markup) as steps around their children, for the element rules in
 * storage-markdown-html.ts and storage-markdown-confluence.ts. The walk itself is {@link StorageWalker}'s.
 */
export class StorageRenderer extends StorageWalker {
  private readonly lists: ListState[] = [];
  private linkDepth = 0;

  protected stepsFor(element: StorageElement, name: string): Step[] {
    const confluence = name.startsWith('ac:') || name.startsWith('ri:');
    return confluence ? confluenceSteps(this, element, name) : htmlSteps(this, element, name);
  }

  /** Steps around `inner` that make it a block (a blank line before and after). */
  block(inner: readonly Step[], kind = 'div'): Step[] {
    const edge = () => {
      this.writer.boundary();
      this.writer.requestBreak(2);
    };
    return this.enclose(kind, inner, edge, edge);
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
    };
    const close = () => {
      this.writer.boundary();
      this.writer.popPrefix();
      if (this.writer.wroteSince(mark)) this.writer.setBreak(2);
      else this.writer.requestBreak(2);
    };
    return this.enclose('blockquote', inner, open, close);
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
    };
    const close = () => {
      this.lists.pop();
      this.writer.boundary();
      if (inItem && this.writer.wroteSince(mark)) this.writer.setBreak(1);
      else this.writer.requestBreak(2);
    };
    return this.enclose('list', inner, open, close);
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
    };
    const close = () => {
      this.writer.boundary();
      this.writer.popPrefix();
      if (this.writer.wroteSince(mark)) this.writer.setBreak(1);
      else {
        this.writer.restore(mark);
        this.writer.requestBreak(2);
      }
    };
    return this.enclose('li', inner, open, close);
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
    const open = () => this.writer.openCapture();
    const close = () => {
      const captured = this.writer.closeCapture();
      if (captured) this.writer.writeCaptured(wrapContent(captured.content));
      else if (whenEmpty !== '') this.writer.writeRaw(whenEmpty);
    };
    return this.enclose('inline', inner, open, close);
  }

  /** Steps of a heading: `## ` before its first line. */
  heading(level: number, inner: readonly Step[]): Step[] {
    const open = () => {
      this.writer.boundary();
      this.writer.requestBreak(2);
      this.writer.pushPrefix(`${'#'.repeat(level)} `, '');
    };
    const close = () => {
      this.writer.boundary();
      this.writer.popPrefix();
      this.writer.requestBreak(2);
    };
    return this.enclose('h', inner, open, close);
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
