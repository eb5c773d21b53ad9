import { z } from 'zod';
import { applyStorageEdit, storageEditSchema } from '../confluence/storage-edit.js';
import { storageToMarkdown } from '../confluence/storage-to-markdown.js';
import type { ConfluenceClient, Page } from '../confluence/types.js';
import { AppError } from '../errors.js';
import type { UpdateEdit } from '../intent/types.js';

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

/** What `excerptForPreview` cut from the page text: re-added on the card as gap lines and a note. */
export const previewTrimSchema = z.object({
  /** Unchanged lines dropped before the kept context. */
  leadingLines: z.number().int().nonnegative(),
  /** Unchanged lines dropped after the kept context. */
  trailingLines: z.number().int().nonnegative(),
  /** The changed part itself was longer than PLAN_PREVIEW_MAX_CHARS and was cut. */
  shortened: z.boolean(),
});
export type PreviewTrim = z.infer<typeof previewTrimSchema>;

/** Everything needed to write the update later against the previewed version. */
export const updatePlanSchema = z.object({
  kind: z.literal('update'),
  pageId: z.string(),
  spaceKey: z.string(),
  currentTitle: z.string(),
  title: z.string(),
  webUrl: z.string(),
  baseVersion: z.number().int().positive(),
  storage: z.string(),
  edit: storageEditSchema,
  summary: z.string(),
  /** Page text before the edit: the part around the change only when `previewTrim` is set. */
  beforeMarkdown: z.string(),
  /** Page text after the edit, cut like `beforeMarkdown`. */
  afterMarkdown: z.string(),
  previewTrim: previewTrimSchema.optional(),
  /** Set when a finished request's stored plan dropped `storage` (never executed again). */
  storageOmitted: z.literal(true).optional(),
});
export type UpdatePlan = z.infer<typeof updatePlanSchema>;

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

/**
 * Applies the edit to the page as loaded: the storage is edited in place (untouched macros and
 * markup survive byte for byte) and the plan remembers the version it is based on.
 * Throws AppError('INPUT_INVALID') when the edit cannot apply (text or heading not found).
 */
export function planUpdate(page: Page, edit: UpdateEdit): UpdatePlan {
  const result = applyStorageEdit(page.storage, edit);
  const title = result.title ?? page.title;
  const preview = excerptForPreview(
    edit.kind === 'title' ? `# ${page.title}` : page.markdown,
    edit.kind === 'title' ? `# ${title}` : storageToMarkdown(result.storage),
  );
  return {
    kind: 'update',
    pageId: page.id,
    spaceKey: page.spaceKey,
    currentTitle: page.title,
    title,
    webUrl: page.webUrl,
    baseVersion: page.version.number,
    storage: result.storage,
    edit,
    summary: result.summary,
    beforeMarkdown: preview.before,
    afterMarkdown: preview.after,
    ...(preview.trim ? { previewTrim: preview.trim } : {}),
  };
}

/**
 * Writes the planned update with `version = baseVersion + 1`. A page changed since the preview
 * fails with AppError('CONFLUENCE_CONFLICT'): nothing is overwritten. A plan without its storage
 * (a finished request's record) is refused with AppError('INTERNAL') rather than blanking the page.
 */
export async function executeUpdate(client: ConfluenceClient, plan: UpdatePlan): Promise<Page> {
  if (plan.storageOmitted) {
    throw new AppError('INTERNAL', {
      message: 'refused to execute a finished plan whose storage was dropped',
    });
  }
  return client.updatePage({
    pageId: plan.pageId,
    title: plan.title,
    storage: plan.storage,
    baseVersion: plan.baseVersion,
    message: `Confluence Assistant: ${plan.summary}`.slice(0, 250),
  });
}
