import type { DidYouMeanData, PickPageData } from '../views/types.js';
import { VERBS } from '../views/verbs.js';
import { button, compact, context, fitItems, message, section, titleText } from './blocks-build.js';
import type { BlockMessage } from './blocks-types.js';
import { escapeMrkdwn, linkMrkdwn } from './mrkdwn.js';
import { clipPlain } from './mrkdwn-clip.js';

/** Blocks left for the options after the heading, the action line and a cut note. */
const OPTION_ROOM = 45;
/** Characters of a reading shown on its button and in the fallback. */
const READING_MAX = 70;

/**
 * The `pick-page` view in Block Kit: the heading, then each page (linked title and space) with a
 * "This one" button carrying `{ pageId, request }` like the Teams card; a page whose button value
 * would not fit Slack's 2,000 characters gets no button (the text says to use its id).
 */
export function renderPickPage(data: PickPageData): BlockMessage {
  const fitted = fitItems(data.options, OPTION_ROOM, (option) => {
    const pick =
      data.request === undefined
        ? undefined
        : button('This one', VERBS.pickPage, { pageId: option.pageId, request: data.request });
    const line = `${linkMrkdwn(option.webUrl, clipPlain(option.title, 300))} · ${escapeMrkdwn(option.spaceKey)} · id ${option.pageId}`;
    return [section(line, pick)];
  });
  const cut =
    fitted.shown < data.options.length
      ? context(`${data.options.length - fitted.shown} more not shown.`)
      : undefined;
  return message(
    titleText(data.heading),
    compact([
      section(`*${titleText(data.heading)}*`),
      context(escapeMrkdwn(clipPlain(data.action, 500))),
      ...fitted.blocks,
      cut,
    ]),
  );
}

/** The `did-you-mean` view in Block Kit: the message and one button per reading (`{ text }`). */
export function renderDidYouMean(data: DidYouMeanData): BlockMessage {
  const readings = data.readings.slice(0, 5);
  return message(
    escapeMrkdwn(clipPlain(data.message, 500)),
    compact([
      section(escapeMrkdwn(clipPlain(data.message, 2_000))),
      section('*Did you mean:*'),
      ...readings.map((text) =>
        section(
          `\`${escapeMrkdwn(clipPlain(text, READING_MAX)).replace(/`/g, "'")}\``,
          button('Run this', VERBS.runReading, { text }),
        ),
      ),
      context('Or type *help* for everything I can do.'),
    ]),
  );
}
