/**
 * A read position over one cleaned line, for the small recursive-descent grammars of the intent
 * parser. Patterns passed to {@link TextCursor.take} must carry the sticky (`y`) flag.
 */
export class TextCursor {
  pos = 0;

  constructor(readonly text: string) {}

  /** The unread text. */
  rest(): string {
    return this.text.slice(this.pos);
  }

  /** True when only whitespace is left. */
  atEnd(): boolean {
    return this.text.slice(this.pos).trim().length === 0;
  }

  /** Skips spaces at the read position. */
  skipSpaces(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos += 1;
  }

  /** Matches sticky `pattern` at the read position and moves past it; `undefined` (no move) otherwise. */
  take(pattern: RegExp): RegExpExecArray | undefined {
    pattern.lastIndex = this.pos;
    const match = pattern.exec(this.text);
    if (!match) return undefined;
    this.pos = pattern.lastIndex;
    return match;
  }

  /** Like {@link take} but never moves. */
  peek(pattern: RegExp): RegExpExecArray | undefined {
    pattern.lastIndex = this.pos;
    return pattern.exec(this.text) ?? undefined;
  }
}
