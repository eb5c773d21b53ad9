import { AppError } from '../errors.js';
import type { AdaptiveCardJson, ExcerptRunView, SearchHitView, SearchResultsData } from './types.js';

/*
 * The `search-results` card built directly from its view data: the card of every search turn, and
 * expanding cards/search-results.json with adaptivecards-templating cost ~0.3 ms of a ~2 ms turn
 * (issue 14). The template stays the source of truth: tests/unit/views/search-results-card.test.ts
 * checks, for many generated inputs (odd text, template expressions, unicode, 0 to 25 hits), that
 * this builder's card deep-equals the template's expansion through the shielding renderer. Change
 * the template and that test fails until this file follows.
 *
 * User text is never evaluated here, so it reaches the card literally, exactly as the renderer's
 * shielding makes it reach the card from the template. A field that is not a string fails the turn
 * as an unexpanded template expression would.
 */

function text(value: unknown, field: string): string {
  if (typeof value !== 'string') {
    throw new AppError('INTERNAL', { message: `Card search-results: ${field} is not a string` });
  }
  return value;
}

function excerptRun(run: ExcerptRunView): Record<string, unknown> {
  if (typeof run.highlight !== 'boolean') {
    throw new AppError('INTERNAL', { message: 'Card search-results: excerpt highlight is not a boolean' });
  }
  return {
    type: 'TextRun',
    text: text(run.text, 'excerpt text'),
    weight: run.highlight ? 'Bolder' : 'Default',
  };
}

function hitContainer(hit: SearchHitView): Record<string, unknown> {
  const webUrl = text(hit.webUrl, 'webUrl');
  const items: Record<string, unknown>[] = [
    {
      type: 'RichTextBlock',
      inlines: [
        {
          type: 'TextRun',
          text: text(hit.title, 'title'),
          weight: 'Bolder',
          selectAction: { type: 'Action.OpenUrl', url: webUrl },
        },
      ],
    },
    {
      type: 'RichTextBlock',
      spacing: 'None',
      inlines: [
        {
          type: 'TextRun',
          text: `${text(hit.spaceKey, 'spaceKey')} · updated ${text(hit.lastModified, 'lastModified')}`,
          isSubtle: true,
          size: 'Small',
        },
      ],
    },
  ];
  if (hit.excerpt.length > 0) items.push({ type: 'RichTextBlock', inlines: hit.excerpt.map(excerptRun) });
  items.push({
    type: 'ActionSet',
    actions: [
      { type: 'Action.OpenUrl', title: 'Open', url: webUrl },
      {
        type: 'Action.Execute',
        title: 'Show here',
        verb: 'showPage',
        data: { pageId: text(hit.pageId, 'pageId') },
      },
    ],
  });
  return { type: 'Container', separator: true, items };
}

/**
 * The `search-results` Adaptive Card for `data`, equal to cards/search-results.json expanded with
 * it. Throws `AppError('INTERNAL')` when a field the card shows is missing or of the wrong type.
 */
export function buildSearchResultsCard(data: SearchResultsData): AdaptiveCardJson {
  if (typeof data.total !== 'number') {
    throw new AppError('INTERNAL', { message: 'Card search-results: total is not a number' });
  }
  const body: Record<string, unknown>[] = [
    {
      type: 'RichTextBlock',
      inlines: [
        { type: 'TextRun', text: 'Search: ', weight: 'Bolder', size: 'Medium' },
        { type: 'TextRun', text: text(data.query, 'query'), weight: 'Bolder', size: 'Medium' },
      ],
    },
    {
      type: 'TextBlock',
      text: `${text(data.spaceFilter, 'spaceFilter')} · ${data.total} ${data.total === 1 ? 'page' : 'pages'} found`,
      isSubtle: true,
      size: 'Small',
      spacing: 'None',
      wrap: true,
    },
  ];
  if (data.notice !== undefined)
    body.push({ type: 'TextBlock', text: text(data.notice, 'notice'), wrap: true });
  if (data.hits.length === 0) {
    body.push({
      type: 'TextBlock',
      text: 'No pages matched. Try fewer or different words, or search in another space.',
      wrap: true,
    });
  }
  for (const hit of data.hits) body.push(hitContainer(hit));
  const actions: Record<string, unknown>[] = [];
  if (data.nextToken !== undefined) {
    actions.push({
      type: 'Action.Execute',
      title: 'More results',
      verb: 'moreResults',
      data: { token: text(data.nextToken, 'nextToken') },
    });
  }
  return {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.5',
    msteams: { width: 'Full' },
    body,
    actions,
  } as AdaptiveCardJson;
}
