import { regionText } from './preview-regions.js';
import { applyStorageEditLocated, type StorageEdit } from './storage-edit.js';

/**
 * Most characters of each preview side (before/after Markdown) a plan keeps. The approval card shows
 * about 40 diff lines of at most 200 characters, so 8,000 per side loses nothing visible while a
 * stored request no longer carries two extra copies of a large page.
 */
export const PLAN_PREVIEW_MAX_CHARS = 8_000;

/**
 * Unchanged lines kept on each side of the change in the stored preview. Equal to the diff card's
 * context (2), so the card re-adds the trimmed runs as the same "… N unchanged lines" it would show.
 */
export const PLAN_PREVIEW_CONTEXT_LINES = 2;

/** What {@link excerptForPreview} cut from the page text: re-added on the card as gap lines and a note. */
export interface PreviewTrim {
  /** Unchanged lines dropped before the kept context. */
  readonly leadingLines: number;
  /** Unchanged lines dropped after the kept context. */
  readonly trailingLines: number;
  /** The changed part itself was longer than PLAN_PREVIEW_MAX_CHARS and was cut. */
  readonly shortened: boolean;
}

function toLines(text: string): string[] {
  const normalised = text.replace(/\r\n?/g, '\n');
  if (normalised === '') return [];
  return (normalised.endsWith('\n') ? normalised.slice(0, -1) : normalised).split('\n');
}

/** The first lines of `lines` that fit in `maxChars` (a single overlong line is cut). */
function fitLines(lines: readonly string[], maxChars: number): { text: string; cut: boolean } {
  let used = 0;
  const kept: string[] = [];
  for (const line of lines) {
    const cost = line.length + (kept.length > 0 ? 1 : 0);
    if (used + cost > maxChars) {
      if (kept.length === 0) {
        const code = line.charCodeAt(maxChars - 1);
        kept.push(line.slice(0, code >= 0xd800 && code <= 0xdbff ? maxChars - 1 : maxChars));
      }
      return { text: kept.join('\n'), cut: true };
    }
    kept.push(line);
    used += cost;
  }
  return { text: kept.join('\n'), cut: false };
}

/**
 * The part of the page text a preview needs: the changed lines with PLAN_PREVIEW_CONTEXT_LINES of
 * unchanged context on each side, each side cut to PLAN_PREVIEW_MAX_CHARS. Returns the texts
 * unchanged (and no trim) when nothing had to go. Linear in the text length.
 */
export function excerptForPreview(
  before: string,
  after: string,
): { before: string; after: string; trim?: PreviewTrim } {
  if (before === after) return { before, after };
  const a = toLines(before);
  const b = toLines(after);
  const shorter = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < shorter && a[prefix] === b[prefix]) prefix += 1;
  let suffix = 0;
  while (suffix < shorter - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix += 1;
  const leadingLines = Math.max(0, prefix - PLAN_PREVIEW_CONTEXT_LINES);
  const trailingLines = Math.max(0, suffix - PLAN_PREVIEW_CONTEXT_LINES);
  const keptBefore = fitLines(a.slice(leadingLines, a.length - trailingLines), PLAN_PREVIEW_MAX_CHARS);
  const keptAfter = fitLines(b.slice(leadingLines, b.length - trailingLines), PLAN_PREVIEW_MAX_CHARS);
  const shortened = keptBefore.cut || keptAfter.cut;
  if (leadingLines === 0 && trailingLines === 0 && !shortened) return { before, after };
  return {
    before: keptBefore.text,
    after: keptAfter.text,
    trim: { leadingLines, trailingLines: shortened ? 0 : trailingLines, shortened },
  };
}

/** Stands for an unchanged part of the page too large to count; shown as a context line of the diff. */
export const EARLIER_UNCOUNTED = '… (earlier part of the page unchanged)';
/** Like {@link EARLIER_UNCOUNTED}, after the change. */
export const LATER_UNCOUNTED = '… (rest of the page unchanged)';

/** What {@link planStorageEdit} needs: the page as loaded (storage only) and the edit. */
export interface PlanEditInput {
  readonly storage: string;
  readonly title: string;
  readonly edit: StorageEdit;
}

/** The edited body plus the preview excerpt of the page text before and after the edit. */
export interface PlannedEdit {
  readonly storage: string;
  readonly summary: string;
  /** The new title (title edits) or the current one. */
  readonly title: string;
  readonly before: string;
  readonly after: string;
  readonly trim?: PreviewTrim;
}

function joinBlocks(...blocks: string[]): string {
  return blocks.filter((block) => block !== '').join('\n\n');
}

/**
 * The preview excerpt from the changed region only (see `regionText`): the region's text cut like
 * {@link excerptForPreview}, with the lines left out before and after it added to the trim. An
 * unchanged part too large to count is shown as one {@link EARLIER_UNCOUNTED} / {@link LATER_UNCOUNTED}
 * context line instead of a "… N unchanged lines" gap.
 */
function regionPreview(region: ReturnType<typeof regionText>): ReturnType<typeof excerptForPreview> {
  const cut = excerptForPreview(region.before, region.after);
  const shortened = region.shortened || (cut.trim?.shortened ?? false);
  const leading = region.leadingLines === undefined ? 0 : region.leadingLines + (cut.trim?.leadingLines ?? 0);
  const trailing =
    shortened || region.trailingLines === undefined
      ? 0
      : region.trailingLines + (cut.trim?.trailingLines ?? 0);
  const mark = (text: string) =>
    joinBlocks(
      region.leadingLines === undefined ? EARLIER_UNCOUNTED : '',
      text,
      region.trailingLines === undefined && !shortened ? LATER_UNCOUNTED : '',
    );
  const trim = { leadingLines: leading, trailingLines: trailing, shortened };
  const trimmed = leading > 0 || trailing > 0 || shortened;
  return { before: mark(cut.before), after: mark(cut.after), ...(trimmed ? { trim } : {}) };
}

/**
 * The CPU-heavy part of planning an update, as one pure function of plain data so it can run on the
 * page worker: applies the edit (lossless, see `applyStorageEdit`) and renders the preview excerpt
 * from the changed region of the page only — never the whole page, unless the change covers it.
 * Title edits compare `# old` with `# new` instead of the body.
 * Throws what `applyStorageEdit` throws (INPUT_INVALID, PAGE_TOO_LARGE).
 */
export function planStorageEdit(input: PlanEditInput): PlannedEdit {
  const result = applyStorageEditLocated(input.storage, input.edit);
  const title = result.title ?? input.title;
  const preview =
    input.edit.kind === 'title'
      ? excerptForPreview(`# ${input.title}`, `# ${title}`)
      : result.storage === input.storage
        ? { before: '', after: '' }
        : regionPreview(regionText(input.storage, result.storage, result.splices, result.tree));
  return {
    storage: result.storage,
    summary: result.summary,
    title,
    before: preview.before,
    after: preview.after,
    ...(preview.trim ? { trim: preview.trim } : {}),
  };
}
