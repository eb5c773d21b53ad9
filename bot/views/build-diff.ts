import { diffArrays } from 'diff';
import { clipLine } from './format.js';
import type { DiffLineView, UpdatePreviewBody } from './types.js';

/** Limits for a readable diff on a card. */
export interface DiffOptions {
  /** Unchanged lines kept around each change (default 2). */
  readonly contextLines?: number;
  /** Most diff lines shown, gaps included (default 40). */
  readonly maxLines?: number;
  /** Longer lines are clipped with `…` (default 200). */
  readonly maxLineLength?: number;
  /** Above this many edits the diff is shown as "all removed, all added" (default 1000). */
  readonly maxEditLength?: number;
}

/** A line diff ready for a card. */
export interface DiffView {
  readonly lines: readonly DiffLineView[];
  /** Changed lines that did not fit in `lines`. */
  readonly omittedLines: number;
  readonly added: number;
  readonly removed: number;
}

type Entry = { readonly kind: 'added' | 'removed' | 'context'; readonly line: string };

function splitLines(text: string): string[] {
  const normalised = text.replace(/\r\n?/g, '\n');
  if (normalised === '') return [];
  return (normalised.endsWith('\n') ? normalised.slice(0, -1) : normalised).split('\n');
}

/**
 * Most lines (both sides together) of the changed middle that are aligned exactly. Myers' diff costs
 * O(lines × edits), so a page-sized middle is cut: its first {@link DIFF_WINDOW_LINES} lines per side
 * are aligned (the card shows about 40 lines anyway) and the rest is only counted.
 */
export const MAX_DIFF_LINES = 2000;
/** Lines per side aligned exactly when the changed middle is over {@link MAX_DIFF_LINES}. */
export const DIFF_WINDOW_LINES = 400;

interface Entries {
  readonly entries: Entry[];
  /** Changed lines past the aligned window: counted, never shown. */
  readonly uncountedAdded: number;
  readonly uncountedRemoved: number;
}

function exactEntries(before: string[], after: string[], maxEditLength: number): Entry[] {
  const changes = diffArrays(before, after, { maxEditLength }) ?? [
    { value: before, removed: true, added: false, count: before.length },
    { value: after, removed: false, added: true, count: after.length },
  ];
  const entries: Entry[] = [];
  for (const change of changes) {
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'context';
    for (const line of change.value) entries.push({ kind, line });
  }
  return entries;
}

/** Lines of `a` not matched by an equal line of `b`, counting duplicates (linear, order-free). */
function unmatchedCount(a: readonly string[], b: readonly string[]): number {
  const available = new Map<string, number>();
  for (const line of b) available.set(line, (available.get(line) ?? 0) + 1);
  let unmatched = 0;
  for (const line of a) {
    const left = available.get(line) ?? 0;
    if (left > 0) available.set(line, left - 1);
    else unmatched += 1;
  }
  return unmatched;
}

function diffEntries(before: string[], after: string[], maxEditLength: number): Entries {
  let prefix = 0;
  const shorter = Math.min(before.length, after.length);
  while (prefix < shorter && before[prefix] === after[prefix]) prefix += 1;
  let suffix = 0;
  while (suffix < shorter - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix])
    suffix += 1;
  const head = before.slice(0, prefix).map((line): Entry => ({ kind: 'context', line }));
  const tail = before.slice(before.length - suffix).map((line): Entry => ({ kind: 'context', line }));
  const middleBefore = before.slice(prefix, before.length - suffix);
  const middleAfter = after.slice(prefix, after.length - suffix);
  if (middleBefore.length + middleAfter.length <= MAX_DIFF_LINES) {
    const middle = exactEntries(middleBefore, middleAfter, maxEditLength);
    return { entries: [...head, ...middle, ...tail], uncountedAdded: 0, uncountedRemoved: 0 };
  }
  const window = exactEntries(
    middleBefore.slice(0, DIFF_WINDOW_LINES),
    middleAfter.slice(0, DIFF_WINDOW_LINES),
    maxEditLength,
  );
  const restBefore = middleBefore.slice(DIFF_WINDOW_LINES);
  const restAfter = middleAfter.slice(DIFF_WINDOW_LINES);
  return {
    entries: [...head, ...window],
    uncountedAdded: unmatchedCount(restAfter, restBefore),
    uncountedRemoved: unmatchedCount(restBefore, restAfter),
  };
}

function gapLine(count: number): DiffLineView {
  return { kind: 'gap', text: `… ${count} unchanged ${count === 1 ? 'line' : 'lines'}` };
}

/**
 * Diffs two texts line by line for people: `- ` removed, `+ ` added, two spaces for context; runs
 * of unchanged lines beyond `contextLines` around a change collapse into one `gap` line; past
 * `maxLines` the rest is counted in `omittedLines`. Deterministic and bounded in cost: lines equal at
 * both ends are skipped in one pass, a rewrite past `maxEditLength` falls back to remove-all/add-all,
 * and a changed middle over {@link MAX_DIFF_LINES} lines is aligned only for its first lines (the rest
 * is counted by line multiset, exact for in-place edits such as `replace`). Never throws.
 */
export function buildDiffView(before: string, after: string, options: DiffOptions = {}): DiffView {
  const context = options.contextLines ?? 2;
  const maxLines = options.maxLines ?? 40;
  const maxLineLength = options.maxLineLength ?? 200;
  const diff = diffEntries(splitLines(before), splitLines(after), options.maxEditLength ?? 1000);
  const { entries } = diff;
  const uncounted = diff.uncountedAdded + diff.uncountedRemoved;
  const added = entries.filter((e) => e.kind === 'added').length + diff.uncountedAdded;
  const removed = entries.filter((e) => e.kind === 'removed').length + diff.uncountedRemoved;

  const shown: DiffLineView[] = [];
  const changedIndexes = entries.flatMap((e, i) => (e.kind === 'context' ? [] : [i]));
  const keep = new Set<number>();
  for (const i of changedIndexes) {
    for (let j = Math.max(0, i - context); j <= Math.min(entries.length - 1, i + context); j++) keep.add(j);
  }
  let skipped = 0;
  for (const [i, entry] of entries.entries()) {
    if (!keep.has(i)) {
      skipped += 1;
      continue;
    }
    if (skipped > 0) shown.push(gapLine(skipped));
    skipped = 0;
    const marker = entry.kind === 'added' ? '+ ' : entry.kind === 'removed' ? '- ' : '  ';
    shown.push({ kind: entry.kind, text: clipLine(`${marker}${entry.line}`, maxLineLength) });
  }
  if (skipped > 0 && shown.length > 0) shown.push(gapLine(skipped));

  if (shown.length <= maxLines) return { lines: shown, omittedLines: uncounted, added, removed };
  const lines = shown.slice(0, maxLines);
  const omittedLines =
    shown.slice(maxLines).filter((l) => l.kind === 'added' || l.kind === 'removed').length + uncounted;
  return { lines, omittedLines, added, removed };
}

/** Input of `buildUpdatePreviewBody`: the page before and after the edit, as Markdown. */
export interface UpdatePreviewInput {
  readonly title: string;
  readonly webUrl: string;
  readonly baseVersion: number;
  readonly summary: string;
  readonly before: string;
  readonly after: string;
}

/**
 * Builds the update preview shown on `approval` cards from the page text
 * before and after the edit. Never throws.
 */
export function buildUpdatePreviewBody(
  input: UpdatePreviewInput,
  options: DiffOptions = {},
): UpdatePreviewBody {
  const diff = buildDiffView(input.before, input.after, options);
  return {
    kind: 'update',
    title: input.title,
    webUrl: input.webUrl,
    baseVersion: input.baseVersion,
    summary: input.summary,
    diff: diff.lines,
    omittedLines: diff.omittedLines,
    added: diff.added,
    removed: diff.removed,
  };
}
