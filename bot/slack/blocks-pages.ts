import type { ExcerptRunView, PageData, SearchHitView, SearchResultsData } from '../views/types.js';
import { VERBS } from '../views/verbs.js';
import {
  actions,
  button,
  compact,
  context,
  fitItems,
  header,
  message,
  plural,
  section,
  showingNote,
  TITLE_MAX,
} from './blocks-build.js';
import type { Block, BlockMessage } from './blocks-types.js';
import { LIMITS } from './blocks-types.js';
import { markdownToMrkdwn } from './markdown-to-mrkdwn.js';
import { escapeMrkdwn, linkMrkdwn } from './mrkdwn.js';
import { clipPlain, splitMrkdwn } from './mrkdwn-clip.js';

/*
 * Block Kit for reading Confluence: search results (hits with excerpts, More results) and a page
 * (its Markdown as mrkdwn sections, cut with a note and a link when too long).
 */

/** Sections a page's text may take. */
const PAGE_SECTIONS = 4;
/** Markdown converted for a page (the rest could not be shown anyway). */
const PAGE_INPUT_MAX = PAGE_SECTIONS * LIMITS.sectionText * 4;
/** Characters of a search excerpt shown. */
const EXCERPT_MAX = 600;

/** Excerpt runs as mrkdwn, highlights bold (spaces kept outside the `*` so Slack bolds them). */
function excerptMrkdwn(runs: readonly ExcerptRunView[]): string {
  const out: string[] = [];
  let size = 0;
  for (const run of runs) {
    if (size >= EXCERPT_MAX) break;
    const text = clipPlain(run.text, EXCERPT_MAX - size + 1);
    size += text.length;
    const core = text.trim();
    if (!run.highlight || core === '') {
      out.push(escapeMrkdwn(text));
      continue;
    }
    const lead = text.slice(0, text.length - text.trimStart().length);
    const tail = text.slice(text.trimEnd().length);
    out.push(`${lead}*${escapeMrkdwn(core)}*${tail}`);
  }
  return out.join('');
}

function hitBlocks(hit: SearchHitView): Block[] {
  const lines = [
    `*${linkMrkdwn(hit.webUrl, clipPlain(hit.title, TITLE_MAX))}*`,
    `${escapeMrkdwn(hit.spaceKey)} · updated ${escapeMrkdwn(hit.lastModified)}`,
  ];
  const excerpt = excerptMrkdwn(hit.excerpt);
  if (excerpt.trim() !== '') lines.push(excerpt);
  return [section(lines.join('\n'), button('Show here', VERBS.showPage, { pageId: hit.pageId }))];
}

/** The `search-results` card: one section per hit, a More results button while there are more. */
export function renderSearchResults(data: SearchResultsData): BlockMessage {
  const found = `${escapeMrkdwn(data.spaceFilter)} · ${plural(data.total, 'page', 'pages')} found`;
  const head: Block[] = [header(`Search: ${data.query}`), context(found)];
  if (data.notice !== undefined) head.push(section(escapeMrkdwn(data.notice)));
  const more = data.nextToken
    ? button('More results', VERBS.moreResults, { token: data.nextToken })
    : undefined;
  const tail: Block[] = [];
  if (data.hits.length === 0) {
    tail.push(section('No pages matched. Try fewer or different words, or search in another space.'));
  }
  const room = LIMITS.messageBlocks - head.length - 2;
  const hits = fitItems(data.hits, room, hitBlocks);
  const notes: string[] = [];
  if (hits.shown < data.hits.length) {
    notes.push(showingNote(hits.shown, data.hits.length, 'results', 'Narrow the search to see the others.'));
  }
  if (data.nextToken && !more) notes.push('More results exist: narrow the search to see them.');
  if (notes.length > 0) tail.push(context(notes.join(' ')));
  const moreBlock = more ? actions([more]) : undefined;
  if (moreBlock) tail.push(moreBlock);
  return message(`Search: ${escapeMrkdwn(clipPlain(data.query, 200))} — ${found}`, [
    ...head,
    ...hits.blocks,
    ...tail,
  ]);
}

/** The `page` card: breadcrumb, title, facts, the text in up to 4 sections, a note when cut. */
export function renderPage(data: PageData): BlockMessage {
  const open = linkMrkdwn(data.webUrl, 'Open in Confluence');
  const cut = data.markdown.length > PAGE_INPUT_MAX;
  let source = cut ? data.markdown.slice(0, PAGE_INPUT_MAX) : data.markdown;
  if (cut) source = source.slice(0, Math.max(source.lastIndexOf('\n'), 0)) || source;
  const split = splitMrkdwn(markdownToMrkdwn(source).trim(), LIMITS.sectionText, PAGE_SECTIONS);
  const body =
    split.chunks.length > 0
      ? split.chunks.map((chunk) => section(chunk))
      : [section('_This page has no text content._')];
  const truncated = data.truncated || cut || split.truncated;
  const blocks = compact([
    data.breadcrumb !== '' ? context(escapeMrkdwn(data.breadcrumb)) : undefined,
    header(data.title),
    context(
      `${escapeMrkdwn(data.spaceKey)} · version ${data.version} by ${escapeMrkdwn(data.author)} · ${escapeMrkdwn(data.updatedAt)} · ${open}`,
    ),
    ...body,
    truncated
      ? context(`… truncated — ${linkMrkdwn(data.webUrl, 'open the page in Confluence')} for the rest.`)
      : undefined,
  ]);
  return message(`${escapeMrkdwn(clipPlain(data.title, 200))} (${escapeMrkdwn(data.spaceKey)})`, blocks);
}
