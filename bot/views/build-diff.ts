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
  /** Above this many edits the diff is shown as "all removed, all added" (default 2000). */
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

function diffEntries(before: string[], after: string[], maxEditLength: number): Entry[] {
  const changes = diffArrays(before, after, { maxEditLength }) ?? [
    { value: before, removed: true, added: false, count: before.length },
    { value: after, removed: false, added: true, count: after.length },
  ];
  return changes.flatMap((change) =>
    change.value.map((line): Entry => {
      if (change.added) return { kind: 'added', line };
      if (change.removed) return { kind: 'removed', line };
      return { kind: 'context', line };
    }),
  );
}

function gapLine(count: number): DiffLineView {
  return { kind: 'gap', text: `… ${count} unchanged ${count === 1 ? 'line' : 'lines'}` };
}

/**
 * Diffs two texts line by line for people: `- ` removed, `+ ` added, two spaces for context; runs
 * of unchanged lines beyond `contextLines` around a change collapse into one `gap` line; past
 * `maxLines` the rest is counted in `omittedLines`. Deterministic and bounded in cost (large
 * rewrites fall back to remove-all/add-all). Never throws.
 */
export function buildDiffView(before: string, after: string, options: DiffOptions = {}): DiffView {
  const context = options.contextLines ?? 2;
  const maxLines = options.maxLines ?? 40;
  const maxLineLength = options.maxLineLength ?? 200;
  const entries = diffEntries(splitLines(before), splitLines(after), options.maxEditLength ?? 2000);
  const added = entries.filter((e) => e.kind === 'added').length;
  const removed = entries.filter((e) => e.kind === 'removed').length;

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

  if (shown.length <= maxLines) return { lines: shown, omittedLines: 0, added, removed };
  const lines = shown.slice(0, maxLines);
  const omittedLines = shown.slice(maxLines).filter((l) => l.kind === 'added' || l.kind === 'removed').length;
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
 * Builds the update preview shown on `update-preview` and `approval` cards from the page text
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
