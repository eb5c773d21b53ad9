/** Thrown for any CQL the simulator cannot parse; the route answers 400 with `message`. */
export class CqlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CqlError';
  }
}

/** Fields the simulator's CQL subset knows. */
export type CqlField = 'type' | 'space' | 'text' | 'title' | 'siteSearch';

/** The operators of the subset; `in`/`not in` take a list, the rest one value. */
export type CqlOperator = '=' | '!=' | '~' | '!~' | 'in' | 'not in';

/** A parsed CQL condition tree. */
export type CqlExpression =
  | { kind: 'and' | 'or'; left: CqlExpression; right: CqlExpression }
  | { kind: 'not'; operand: CqlExpression }
  | { kind: 'clause'; field: CqlField; operator: CqlOperator; values: readonly string[] };

/** `ORDER BY` key. */
export interface CqlOrder {
  field: 'lastmodified' | 'created' | 'title';
  direction: 'asc' | 'desc';
}

/** A whole query: condition plus optional ordering (absent = relevance). */
export interface CqlQuery {
  where: CqlExpression;
  orderBy?: CqlOrder;
}

type Token =
  | { kind: 'word'; value: string; position: number }
  | { kind: 'string'; value: string; position: number }
  | { kind: 'op'; value: string; position: number }
  | { kind: 'punct'; value: '(' | ')' | ','; position: number };

const FIELD_ALIASES: Record<string, CqlField> = {
  type: 'type',
  space: 'space',
  'space.key': 'space',
  text: 'text',
  title: 'title',
  sitesearch: 'siteSearch',
};

const TEXT_FIELDS = new Set<CqlField>(['text', 'title', 'siteSearch']);
const WORD_CHAR = /[A-Za-z0-9_.\-*?@]/;

/**
 * Splits CQL into tokens. Quoted literals use `"` or `'` with backslash escapes (`\"`, `\\`,
 * any `\x` yields `x`). Throws {@link CqlError} on unterminated quotes or stray characters.
 */
export function tokenizeCql(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] ?? '';
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '"' || ch === "'") {
      const start = i;
      let value = '';
      i++;
      for (;;) {
        if (i >= source.length) throw new CqlError(`Could not parse cql : unterminated string at ${start}`);
        const c = source[i] ?? '';
        if (c === '\\') {
          if (i + 1 >= source.length) throw new CqlError(`Could not parse cql : dangling escape at ${i}`);
          value += source[i + 1];
          i += 2;
        } else if (c === ch) {
          i++;
          break;
        } else {
          value += c;
          i++;
        }
      }
      tokens.push({ kind: 'string', value, position: start });
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ kind: 'punct', value: ch, position: i });
      i++;
    } else if (ch === '!' && (source[i + 1] === '=' || source[i + 1] === '~')) {
      tokens.push({ kind: 'op', value: source.slice(i, i + 2), position: i });
      i += 2;
    } else if (ch === '>' || ch === '<') {
      const value = source[i + 1] === '=' ? `${ch}=` : ch;
      tokens.push({ kind: 'op', value, position: i });
      i += value.length;
    } else if (ch === '=' || ch === '~') {
      tokens.push({ kind: 'op', value: ch, position: i });
      i++;
    } else if (WORD_CHAR.test(ch)) {
      const start = i;
      while (i < source.length && WORD_CHAR.test(source[i] ?? '')) i++;
      tokens.push({ kind: 'word', value: source.slice(start, i), position: start });
    } else {
      throw new CqlError(`Could not parse cql : unexpected character '${ch}' at ${i}`);
    }
  }
  return tokens;
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parseQuery(): CqlQuery {
    if (this.tokens.length === 0) throw new CqlError('Could not parse cql : the query is empty');
    const where = this.parseOr();
    let orderBy: CqlOrder | undefined;
    if (this.isKeyword('order')) {
      this.index++;
      if (!this.isKeyword('by')) throw this.fail('expected BY after ORDER');
      this.index++;
      orderBy = this.parseOrder();
    }
    const rest = this.peek();
    if (rest) throw this.fail(`unexpected '${rest.value}'`);
    return orderBy ? { where, orderBy } : { where };
  }

  private parseOrder(): CqlOrder {
    const token = this.next();
    if (token?.kind !== 'word') throw this.fail('expected a field after ORDER BY');
    const name = token.value.toLowerCase();
    if (name !== 'lastmodified' && name !== 'created' && name !== 'title') {
      throw new CqlError(`Could not parse cql : cannot order by '${token.value}'`);
    }
    let direction: 'asc' | 'desc' = 'asc';
    if (this.isKeyword('asc') || this.isKeyword('desc')) {
      direction = (this.next()?.value.toLowerCase() ?? 'asc') as 'asc' | 'desc';
    }
    return { field: name, direction };
  }

  private parseOr(): CqlExpression {
    let left = this.parseAnd();
    while (this.isKeyword('or')) {
      this.index++;
      left = { kind: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): CqlExpression {
    let left = this.parseUnary();
    while (this.isKeyword('and')) {
      this.index++;
      left = { kind: 'and', left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): CqlExpression {
    if (this.isKeyword('not')) {
      this.index++;
      return { kind: 'not', operand: this.parseUnary() };
    }
    const token = this.peek();
    if (token?.kind === 'punct' && token.value === '(') {
      this.index++;
      const inner = this.parseOr();
      const close = this.next();
      if (close?.kind !== 'punct' || close.value !== ')') throw this.fail("expected ')'");
      return inner;
    }
    return this.parseClause();
  }

  private parseClause(): CqlExpression {
    const token = this.next();
    if (token?.kind !== 'word')
      throw this.fail(token ? `unexpected '${token.value}'` : 'unexpected end of query');
    const field = FIELD_ALIASES[token.value.toLowerCase()];
    if (!field) throw new CqlError(`No field exists with the name: '${token.value}'`);
    const operator = this.parseOperator();
    if (TEXT_FIELDS.has(field) !== (operator === '~' || operator === '!~')) {
      throw new CqlError(
        `Could not parse cql : the operator '${operator}' is not supported by field '${token.value}'`,
      );
    }
    const values = operator === 'in' || operator === 'not in' ? this.parseList() : [this.parseValue()];
    return { kind: 'clause', field, operator, values };
  }

  private parseOperator(): CqlOperator {
    const token = this.next();
    if (token?.kind === 'op') {
      if (token.value === '=' || token.value === '!=' || token.value === '~' || token.value === '!~') {
        return token.value;
      }
      throw new CqlError(`Could not parse cql : the operator '${token.value}' is not supported here`);
    }
    if (token?.kind === 'word' && token.value.toLowerCase() === 'in') return 'in';
    if (token?.kind === 'word' && token.value.toLowerCase() === 'not' && this.isKeyword('in')) {
      this.index++;
      return 'not in';
    }
    throw this.fail('expected an operator');
  }

  private parseList(): string[] {
    const open = this.next();
    if (open?.kind !== 'punct' || open.value !== '(') throw this.fail("expected '(' after IN");
    const values = [this.parseValue()];
    for (;;) {
      const token = this.next();
      if (token?.kind === 'punct' && token.value === ')') return values;
      if (token?.kind !== 'punct' || token.value !== ',') throw this.fail("expected ',' or ')'");
      values.push(this.parseValue());
    }
  }

  private parseValue(): string {
    const token = this.next();
    if (token?.kind === 'string') return token.value;
    if (token?.kind === 'word' && !RESERVED.has(token.value.toLowerCase())) return token.value;
    throw this.fail(token ? `unexpected '${token.value}' where a value was expected` : 'missing value');
  }

  private isKeyword(word: string): boolean {
    const token = this.peek();
    return token?.kind === 'word' && token.value.toLowerCase() === word;
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private next(): Token | undefined {
    const token = this.tokens[this.index];
    this.index++;
    return token;
  }

  private fail(message: string): CqlError {
    const token = this.tokens[Math.min(this.index, this.tokens.length) - 1];
    return new CqlError(`Could not parse cql : ${message}${token ? ` near position ${token.position}` : ''}`);
  }
}

const RESERVED = new Set(['and', 'or', 'not', 'in', 'order', 'by', 'asc', 'desc', 'empty', 'null', 'is']);

/**
 * Parses the simulator's CQL subset: fields `type`, `space`/`space.key` (`=`, `!=`, `IN`,
 * `NOT IN`), `text`/`title`/`siteSearch` (`~`, `!~`); `AND`/`OR`/`NOT` and parentheses;
 * `ORDER BY lastmodified|created|title [ASC|DESC]`. Throws {@link CqlError} on anything else.
 */
export function parseCql(source: string): CqlQuery {
  return new Parser(tokenizeCql(source)).parseQuery();
}
