import { decideIn, requireConnector } from '../../assistant/channel-context.js';
import { denialMessage, errorMessage, view } from '../../assistant/present.js';
import { isAppError } from '../../errors.js';
import { parseMessage } from '../../intent/parse-message.js';
import type { NamedPageRequest, OperationRequest } from '../../intent/types.js';
import { modelOf } from '../../model/model-of.js';
import { proposeReading } from '../../model/propose-reading.js';
import { conversationKey, conversationMemory, rememberShown } from '../../operations/conversation-memory.js';
import { type NameResolution, resolvePageName } from '../../operations/resolve-page-name.js';
import type { PickPageData } from '../../views/types.js';
import type { IntentHandlers, MessageTurn, TurnAuditFacts } from '../turn.js';
import { handleOperation } from './operation.js';

/** Largest request (JSON, characters) carried on pick buttons; a longer edit asks for the page id instead. */
export const MAX_PICK_REQUEST_LENGTH = 1_500;

/** The request without its page, as the pick card's buttons carry it. */
export function pickRequestJson(request: NamedPageRequest): string | undefined {
  const json = JSON.stringify(
    request.operation === 'get' ? { operation: 'get' } : { operation: 'update', edit: request.edit },
  );
  return json.length <= MAX_PICK_REQUEST_LENGTH ? json : undefined;
}

function withPage(request: NamedPageRequest, pageId: string): OperationRequest {
  const ref = { kind: 'id', id: pageId } as const;
  return request.operation === 'get'
    ? { operation: 'get', ref }
    : { operation: 'update', ref, edit: request.edit };
}

function describe(request: NamedPageRequest): string {
  const where = request.ref.spaceKey ? ` in ${request.ref.spaceKey}` : '';
  return `${request.operation === 'get' ? 'Open' : 'Update'} the page titled "${request.ref.words}"${where}`;
}

function pickData(
  request: NamedPageRequest,
  resolution: Exclude<NameResolution, { kind: 'found' }>,
): PickPageData {
  const json = pickRequestJson(request);
  const options = resolution.kind === 'several' ? resolution.candidates : resolution.closest;
  const name = `"${request.ref.words}"${request.ref.spaceKey ? ` in ${request.ref.spaceKey}` : ''}`;
  return {
    heading:
      resolution.kind === 'several'
        ? `Several pages match ${name}. Which one?`
        : `No page titled ${name} in the spaces I may use here. The closest titles:`,
    action:
      json === undefined
        ? 'That change is too long to carry on a button: run it again with the page id (shown with each page).'
        : request.operation === 'get'
          ? 'Pick one to open it here.'
          : 'Pick one to preview the change on it (it is decided like a typed request).',
    options: options.map((option) => ({ ...option })),
    ...(json !== undefined ? { request: json } : {}),
  };
}

/**
 * A get or update of a page named by title words: decided on what it names first (a space outside
 * the allowed set is refused before Confluence hears of it, like any request), then the title is
 * searched in the usable spaces. One page → the operation runs on it through the pipeline (decided,
 * audited, previewed for writes); one page only once a word the title lacks is left off the name → a
 * get opens it saying so, a write offers it to pick; several → a card to pick one (remembered for "the second one");
 * none → "no page titled …" with the closest titles to pick from. A page in a space that is not
 * allowed is never found, so it gets the same answer as a missing page.
 */
export const handlePageByName: IntentHandlers['page-by-name'] = async (turn, { request }) => {
  const context = turn.channel();
  const named = request.ref.spaceKey ? { spaceKey: request.ref.spaceKey } : {};
  const decision = decideIn(context, turn.actor, request.operation, named);
  const target = { query: request.ref.words.slice(0, 255), ...named };
  const audit = (facts: Pick<TurnAuditFacts, 'decision' | 'outcome' | 'error' | 'details'>) =>
    turn.audit({ connector: context.connector?.name, operation: request.operation, target, ...facts });
  if (
    decision.permission === 'denied' &&
    (request.ref.spaceKey !== undefined || decision.code === 'POLICY_DENIED')
  ) {
    await audit({
      decision: 'denied',
      outcome: 'denied',
      details: { reasons: decision.reasons, code: decision.code },
    });
    await turn.reply(denialMessage(describe(request), request.operation, decision));
    return;
  }
  let resolution: NameResolution;
  try {
    const { client } = requireConnector(turn.deps, context);
    resolution = await resolvePageName(client, request.ref, decision.spaces);
  } catch (error) {
    if (!isAppError(error)) throw error;
    await audit({ decision: 'allowed', outcome: 'error', error });
    await turn.reply(errorMessage(error));
    return;
  }
  if (resolution.kind === 'found' && resolution.shortened !== undefined && request.operation === 'update')
    // A write never lands on a page the user did not name: the near title is offered to pick instead.
    resolution = { kind: 'none', closest: [resolution.page] };
  if (resolution.kind === 'found') {
    if (resolution.shortened !== undefined)
      await turn.reply({
        kind: 'text',
        text: `No page is titled "${plain(request.ref.words)}"; opening the closest title, "${plain(resolution.page.title)}".`,
      });
    await handleOperation(turn, { kind: 'operation', request: withPage(request, resolution.page.pageId) });
    return;
  }
  await audit({
    decision: 'allowed',
    outcome: 'ok',
    details: {
      titleSearch: resolution.kind,
      candidates: resolution.kind === 'several' ? resolution.candidates.length : resolution.closest.length,
    },
  });
  await replyWithPick(turn, request, resolution);
  if (resolution.kind === 'none') await offerModelReading(turn, request);
};

/**
 * A name that found no page may be a name read wrong ("the Pricing and Discounts page - open pls,
 * customer call in 5"). With a model configured, its reading of the message is offered as a "did you
 * mean" button after the answer (which is already shown, so the model never delays it), unless it
 * names the same page again. It only proposes: a click is parsed, decided and approved like typing it.
 * The model sees the message only, never Confluence, so a page hidden by policy and a missing one
 * still get the same answers.
 */
async function offerModelReading(turn: MessageTurn, request: NamedPageRequest): Promise<void> {
  const model = modelOf(turn.deps);
  if (!model) return;
  const proposed = await proposeReading(model, turn.chat.text, turn.chat.mentions);
  if (proposed === undefined) return;
  const reading = parseMessage(proposed, []);
  const same =
    reading.kind === 'page-by-name' &&
    reading.request.ref.words.trim().toLowerCase() === request.ref.words.trim().toLowerCase();
  if (same) return;
  await turn.reply(
    view(
      'did-you-mean',
      { message: 'I may have read the name of the page wrong.', readings: [proposed] },
      'Did you mean…?',
    ),
  );
}

/** A title or name as plain chat text: no Markdown emphasis, links or tags. */
function plain(text: string): string {
  return text.replace(/[`*_[\]<>]/g, ' ');
}

async function replyWithPick(
  turn: MessageTurn,
  request: NamedPageRequest,
  resolution: Exclude<NameResolution, { kind: 'found' }>,
): Promise<void> {
  if (resolution.kind === 'none' && resolution.closest.length === 0) {
    const where = request.ref.spaceKey ? `in ${request.ref.spaceKey}` : 'in the spaces I may use here';
    await turn.reply({
      kind: 'text',
      text: `No page titled "${plain(request.ref.words)}" ${where}, or the connector account cannot see it. Try \`search <words>\`.`,
    });
    return;
  }
  const message = view('pick-page', pickData(request, resolution), 'Which page?');
  rememberShown(conversationMemory(turn.deps), conversationKey(turn.target), message);
  await turn.reply(message);
}
