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

  /** True when only whitespace is left. Stops at the first other character (no copy of the rest). */
  atEnd(): boolean {
    for (let i = this.pos; i < this.text.length; i += 1) {
      if (!/\s/.test(this.text[i]!)) return false;
    }
    return true;
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
