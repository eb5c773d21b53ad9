import { collapseWhitespace, escapeText } from './storage-markdown-rules.js';

/** A line prefix a container adds: `first` on its first line (a list marker), `rest` on later lines. */
interface LinePrefix {
  readonly first: string;
  readonly rest: string;
}

/** An open capture: output from `index` on is taken back when it closes; `leadEnd` ends its lead. */
interface Capture {
  readonly index: number;
  leadEnd: number;
}

/** A point to roll the writer back to when a container turns out to be empty. */
export interface WriterMark {
  readonly parts: number;
  readonly pending: number;
  readonly pendingDepth: number;
  readonly emittedDepth: number;
  readonly startedDepth: number;
  readonly writes: number;
  readonly lastChar: string;
}

/** What a closed capture wrote: `lead` (line breaks, prefixes, a space) and then `content`. */
export interface Captured {
  readonly lead: string;
  readonly content: string;
}

/**
 * Streams Markdown into an array joined once. Block structure is kept as state instead of
 * re-processing strings: requested line breaks are held until the next content (two adjacent
 * blocks never add up to more than one blank line), and each line gets the prefixes of the
 * containers it is in (`> ` of a quote, the marker then the indent of a list item) when it starts.
 * Text whitespace is collapsed as a browser shows it, and a trailing space is held back so block
 * ends drop it and inline markup never ends on one. Captures let inline markup (`**…**`, links)
 * wrap what was written inside them; their cost is bounded by the caller's nesting caps.
 */
export class MarkdownWriter {
  private readonly parts: string[] = [];
  private readonly prefixes: LinePrefix[] = [];
  private readonly captures: Capture[] = [];
  private pending = 0;
  private pendingDepth = Number.POSITIVE_INFINITY;
  private emittedDepth = 0;
  private startedDepth = 0;
  private writes = 0;
  private lastChar = '';
  private prevText: 'none' | 'space' | 'text' = 'none';
  private pendingSpace = false;
  private runStart = true;
  /** Width of the continuation prefixes of the open containers (what every new line costs). */
  prefixWidth = 0;
  /** Characters ever pushed (rolled-back output included): a cheap upper bound for output budgets. */
  written = 0;

  /** Number of open captures. */
  get captureDepth(): number {
    return this.captures.length;
  }

  /** A block starts or ends here: a held trailing space is dropped and the next text starts fresh. */
  boundary(): void {
    this.pendingSpace = false;
    this.prevText = 'none';
    this.runStart = true;
  }

  /**
   * Asks for `count` line breaks (1 = new line, 2 = blank line) before the next content. Ignored at
   * the start of the output and at the start of a container (containers trim leading breaks).
   */
  requestBreak(count: number): void {
    if (this.writes === 0 || this.startedDepth < this.prefixes.length) return;
    this.pending = Math.max(this.pending, count);
    this.pendingDepth = Math.min(this.pendingDepth, this.prefixes.length);
  }

  /** Replaces the breaks held at a container's end by exactly `count` (containers trim trailing breaks). */
  setBreak(count: number): void {
    if (this.writes === 0) return;
    this.pending = count;
    this.pendingDepth = this.prefixes.length;
  }

  /** Opens a container whose lines start with `first` (its first line) or `rest`. */
  pushPrefix(first: string, rest: string): void {
    this.prefixes.push({ first, rest });
    this.prefixWidth += rest.length;
  }

  /** Closes the innermost container. */
  popPrefix(): void {
    const prefix = this.prefixes.pop();
    if (prefix) this.prefixWidth -= prefix.rest.length;
    this.emittedDepth = Math.min(this.emittedDepth, this.prefixes.length);
    this.startedDepth = Math.min(this.startedDepth, this.prefixes.length);
  }

  /** Writes page text: whitespace collapsed, specials escaped unless `code`. */
  writeText(raw: string, code = false): void {
    let text = collapseWhitespace(raw);
    if (text.startsWith(' ') && this.prevText !== 'text') text = text.slice(1);
    if (text === '') return;
    this.prevText = text.endsWith(' ') ? 'space' : 'text';
    const leading = text.startsWith(' ');
    const body = text.slice(leading ? 1 : 0, text.endsWith(' ') ? -1 : undefined);
    if (leading) this.pendingSpace = true;
    if (body !== '') {
      this.beginContent();
      const escaped = code ? body : escapeText(body, this.runStart && !leading);
      const first = escaped[0];
      this.push(this.lastChar === ']' && (first === '(' || first === ':') ? `\\${escaped}` : escaped);
      this.runStart = false;
    }
    if (text.length > 1 && text.endsWith(' ')) this.pendingSpace = true;
  }

  /** Writes Markdown as is (markup, placeholders); it counts as text for whitespace collapsing. */
  writeMarkup(markdown: string): void {
    const text = collapseWhitespace(markdown);
    if (text === '') return;
    this.beginContent();
    this.push(text);
    this.prevText = 'text';
    this.runStart = true;
  }

  /** Writes a line fragment exactly (code lines, table rows, markers): no collapsing, may be empty. */
  writeRaw(markdown: string): void {
    this.beginContent();
    this.push(markdown);
    this.runStart = true;
  }

  /** Starts capturing: what is written until {@link closeCapture} is handed back instead of kept. */
  openCapture(): void {
    this.captures.push({ index: this.parts.length, leadEnd: -1 });
    this.runStart = true;
  }

  /**
   * Ends the innermost capture and removes its output; undefined when nothing was written in it.
   * The caller writes the result back with {@link writeCaptured}.
   */
  closeCapture(): Captured | undefined {
    const capture = this.captures.pop();
    if (!capture || capture.leadEnd < 0) return undefined;
    const lead = this.parts.slice(capture.index, capture.leadEnd).join('');
    const content = this.parts.slice(capture.leadEnd).join('');
    this.parts.length = capture.index;
    for (let index = this.captures.length - 1; index >= 0; index -= 1) {
      const outer = this.captures[index];
      if (!outer || outer.leadEnd <= capture.index) break;
      outer.leadEnd = capture.index + 1;
    }
    this.parts.push(lead);
    return { lead, content };
  }

  /** Writes the wrapped content of a just-closed capture (its lead is already back in place). */
  writeCaptured(markdown: string): void {
    this.push(markdown);
    this.runStart = true;
  }

  /** The current state, to {@link restore} if what follows turns out to be empty. */
  mark(): WriterMark {
    return {
      parts: this.parts.length,
      pending: this.pending,
      pendingDepth: this.pendingDepth,
      emittedDepth: this.emittedDepth,
      startedDepth: this.startedDepth,
      writes: this.writes,
      lastChar: this.lastChar,
    };
  }

  /** True when content was written since `mark`. */
  wroteSince(mark: WriterMark): boolean {
    return this.writes !== mark.writes;
  }

  /** Rolls the output back to `mark` (whitespace-collapsing state moves on, as the text was seen). */
  restore(mark: WriterMark): void {
    this.parts.length = mark.parts;
    this.pending = mark.pending;
    this.pendingDepth = mark.pendingDepth;
    this.emittedDepth = mark.emittedDepth;
    this.startedDepth = mark.startedDepth;
    this.writes = mark.writes;
    this.lastChar = mark.lastChar;
  }

  /** The Markdown: joined once, runs of blank lines made one, trimmed. */
  finish(): string {
    return this.parts
      .join('')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  }

  /** Writes the held line breaks, the prefixes of the new line and a held space, then counts a write. */
  private beginContent(): void {
    if (this.pending > 0 && this.writes > 0) {
      const blankDepth = Math.min(this.pendingDepth, this.prefixes.length);
      for (let line = 1; line < this.pending; line += 1) {
        this.push('\n');
        for (let depth = 0; depth < blankDepth; depth += 1) this.push(this.prefixes[depth]?.rest ?? '');
      }
      this.push('\n');
      this.emittedDepth = 0;
      this.pendingSpace = false;
    }
    this.pending = 0;
    this.pendingDepth = Number.POSITIVE_INFINITY;
    for (let depth = this.emittedDepth; depth < this.prefixes.length; depth += 1) {
      const prefix = this.prefixes[depth];
      if (prefix) this.push(depth < this.startedDepth ? prefix.rest : prefix.first);
    }
    this.emittedDepth = this.prefixes.length;
    this.startedDepth = this.prefixes.length;
    if (this.pendingSpace) {
      this.push(' ');
      this.pendingSpace = false;
    }
    for (let index = this.captures.length - 1; index >= 0; index -= 1) {
      const capture = this.captures[index];
      if (!capture || capture.leadEnd >= 0) break;
      capture.leadEnd = this.parts.length;
    }
    this.writes += 1;
  }

  private push(markdown: string): void {
    this.parts.push(markdown);
    this.written += markdown.length;
    if (markdown !== '') this.lastChar = markdown[markdown.length - 1] ?? '';
  }
}
