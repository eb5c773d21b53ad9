/**
 * Linear-time text scanners for the intent parser. Patterns such as `/[\s.!?]+$/` or an unanchored
 * `<a\s[^>]{0,1000}?href…` restart at every position of a long run and cost quadratic time on
 * adversarial messages; these loops visit each character a bounded number of times instead.
 */

/** `text` without the trailing characters for which `drop` is true (one backward pass). */
export function trimEndWhere(text: string, drop: (char: string) => boolean): string {
  let end = text.length;
  while (end > 0 && drop(text[end - 1]!)) end -= 1;
  return end === text.length ? text : text.slice(0, end);
}

/** An HTML-like tag found by {@link findTags}. */
export interface FoundTag {
  /** Index of `<`. */
  readonly start: number;
  /** Index just past `>`. */
  readonly end: number;
  readonly closing: boolean;
  /** Tag name, lower-cased. */
  readonly name: string;
  /** Everything between the name and `>` (attributes, `/`), as written. */
  readonly attrs: string;
}

const TAG_HEAD = /^<(\/?)([a-zA-Z][a-zA-Z0-9]*)/;

/**
 * Every `<name …>` / `</name>` tag in `text`, in order, at most `maxLength` characters long and
 * holding no other `<`. One forward pass: the next `>` and the next `<` are each found once per tag
 * candidate and never searched again from an earlier position, so the cost is linear in `text`.
 */
export function findTags(text: string, maxLength: number): FoundTag[] {
  const tags: FoundTag[] = [];
  let lt = text.indexOf('<');
  let gt = -2;
  while (lt >= 0) {
    const nextLt = text.indexOf('<', lt + 1);
    if (gt !== -1 && gt < lt) gt = text.indexOf('>', lt);
    if (gt === -1) break;
    if (gt - lt < maxLength && (nextLt < 0 || nextLt > gt)) {
      const raw = text.slice(lt, gt + 1);
      const head = TAG_HEAD.exec(raw);
      if (head) {
        tags.push({
          start: lt,
          end: gt + 1,
          closing: head[1] === '/',
          name: head[2]!.toLowerCase(),
          attrs: raw.slice(head[0].length, -1),
        });
      }
    }
    lt = nextLt;
  }
  return tags;
}
