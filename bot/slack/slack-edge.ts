import { randomUUID } from 'node:crypto';
import type { SlackConfig } from '../config.js';
import type { CardActionResult, ChatHandler, ChatRequest, OutboundMessage, View } from '../domain/chat.js';
import { toAppError } from '../errors.js';
import type { Logger } from '../logger.js';
import { CONNECT_FORM_INPUTS, ROTATE_FORM_INPUTS, VERBS } from '../views/verbs.js';
import { parseButtonValue, SLACK_VERBS } from './blocks-actions.js';
import { type FormKind, type FormView, readFormSubmission, renderModal } from './blocks-modal.js';
import type { BlockMessage } from './blocks-types.js';
import type {
  SlackAppMention,
  SlackBlockAction,
  SlackDirectMessage,
  SlackInbound,
  SlackSelf,
  SlackSlashCommand,
  SlackViewSubmission,
} from './inbound.js';
import type { SlackApi } from './slack-api.js';
import { createSlackPeople, type SlackPeople } from './slack-people.js';
import { createSlackPort, noticeMessage, type SlackPort, toSlackMessage } from './slack-port.js';
import { slackConversation, toSlackChatRequest } from './to-chat-request.js';
import { createSlackTransport, type SlackTransport } from './transport.js';

/** The submit verb of each form's modal (its `callback_id`). */
const FORM_SUBMIT: Readonly<Record<FormKind, string>> = {
  'connect-form': VERBS.connectSubmit,
  'rotate-form': VERBS.rotateSubmit,
};

/** What a modal carries back on submit (a claim: the core re-checks the submitter is an admin). */
interface FormMetadata {
  /** The channel the form was asked for in. */
  readonly c: string;
  /** Its thread, if any. */
  readonly t?: string;
  /** The connector (rotate). */
  readonly k?: string;
}

function isFormView(view: View): view is FormView {
  return view.kind === 'connect-form' || view.kind === 'rotate-form';
}

function readMetadata(raw: string): FormMetadata | undefined {
  try {
    const parsed = JSON.parse(raw) as Partial<FormMetadata>;
    if (typeof parsed?.c !== 'string' || !/^[CDG][A-Z0-9]{2,30}$/.test(parsed.c)) return undefined;
    return {
      c: parsed.c,
      ...(typeof parsed.t === 'string' ? { t: parsed.t } : {}),
      ...(typeof parsed.k === 'string' ? { k: parsed.k } : {}),
    };
  } catch {
    return undefined;
  }
}

/**
 * Field errors answered at once (the modal stays open with the message under the input), for what
 * needs no I/O to check. Everything else is checked by the core after the ack. Never reads a value
 * into a log or an answer.
 */
export function validateFormModal(view: SlackViewSubmission): Record<string, string> | undefined {
  const kind = formKindOf(view.callbackId);
  if (kind === undefined) return undefined;
  const errors: Record<string, string> = {};
  const token = view.values.text(CONNECT_FORM_INPUTS.apiToken, CONNECT_FORM_INPUTS.apiToken) ?? '';
  if (token.trim() === '') errors[ROTATE_FORM_INPUTS.apiToken] = 'Enter the API token.';
  if (kind === 'connect-form') {
    const email = view.values.text(CONNECT_FORM_INPUTS.email, CONNECT_FORM_INPUTS.email) ?? '';
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim()))
      errors[CONNECT_FORM_INPUTS.email] = 'Enter the Atlassian account email the API token belongs to.';
  }
  return Object.keys(errors).length > 0 ? errors : undefined;
}

function formKindOf(callbackId: string): FormKind | undefined {
  if (callbackId === VERBS.connectSubmit) return 'connect-form';
  if (callbackId === VERBS.rotateSubmit) return 'rotate-form';
  return undefined;
}

/** Options of {@link createSlackEdge}. */
export interface SlackEdgeOptions {
  readonly config: SlackConfig;
  readonly logger: Logger;
  readonly api: SlackApi;
  /** The bot's identity (`api.authTest()` at startup). */
  readonly self: SlackSelf;
  readonly now?: () => Date;
  /** users.info answers cache (tests may inject one). */
  readonly people?: SlackPeople;
}

/** The Slack edge before it serves: the outbound port, built before the core like the Teams edge. */
export interface SlackEdge {
  readonly port: SlackPort;
  /** The email Slack gave for an actor id `slack:U…` (for role lists that name people by email). */
  verifiedEmail(actorId: string): string | undefined;
  /** The transport (HTTP handler for `POST /slack/events`, or Socket Mode) handing events to `handler`. */
  serve(handler: ChatHandler): SlackTransport;
}

/**
 * Builds the Slack edge. Inbound, after the ack: app mentions, DMs and thread replies go to
 * `handleMessage` (replies in the thread when the message was in one); `/confluence …` goes to
 * `handleMessage` as the text `/confluence …` (replies public in the channel, like a command typed in
 * Teams; a connect/rotate form opens as a modal with the command's trigger); button presses go to
 * `handleCardAction` (verb = `action_id`, data = the button value) — a view for everyone replaces the
 * clicked message (`chat.update`), a view for the clicker or a message is shown to the clicker only
 * (ephemeral); "Open the form" re-asks the core (`/confluence connect|rotate` as the clicker, so the
 * admin check is the core's) and opens the modal; a modal submit goes to `handleCardAction` as
 * `connectSubmit`/`rotateSubmit` with the Teams form's data. The API token in a submit is never
 * logged, echoed or audited here (only handed to the core).
 */
export function createSlackEdge(options: SlackEdgeOptions): SlackEdge {
  const { api, logger } = options;
  const port = createSlackPort(api);
  const people = options.people ?? createSlackPeople({ api, logger });

  const ephemeral = async (
    channel: string,
    userId: string,
    content: BlockMessage,
    threadTs?: string,
  ): Promise<void> => {
    try {
      await api.postEphemeral(channel, userId, content, threadTs !== undefined ? { threadTs } : {});
    } catch (error) {
      logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'slack ephemeral failed');
    }
  };

  /** Opens `view` as a modal with `triggerId` (usable once); false when it is not a form or it failed. */
  const openModal = async (
    triggerId: string,
    view: View,
    metadata: Omit<FormMetadata, 'k'>,
  ): Promise<boolean> => {
    if (!isFormView(view)) return false;
    const connector = view.kind === 'rotate-form' ? view.data.connectorName : undefined;
    const privateMetadata = JSON.stringify({ ...metadata, ...(connector ? { k: connector } : {}) });
    try {
      await api.viewsOpen(
        triggerId,
        renderModal(view, { callbackId: FORM_SUBMIT[view.kind], privateMetadata }),
      );
      return true;
    } catch (error) {
      logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'slack views.open failed');
      return false;
    }
  };

  const failureMessage = (handler: ChatHandler, error: unknown, where: string): OutboundMessage => {
    const correlationId = randomUUID().slice(0, 8);
    const appError = toAppError(error);
    logger.error({ correlationId, where, err: appError }, 'slack turn failed');
    return handler.failure(correlationId, appError.userMessage);
  };

  /** Runs one message turn; `reply` decides where answers go. Failures are answered, never thrown. */
  const runTurn = async (
    handler: ChatHandler,
    request: ChatRequest,
    reply: (message: OutboundMessage) => Promise<string | undefined>,
  ): Promise<void> => {
    try {
      await handler.handleMessage(request, reply);
    } catch (error) {
      await reply(failureMessage(handler, error, 'message')).catch((sendError: unknown) =>
        logger.error({ err: String(sendError) }, 'slack: could not send the failure message'),
      );
    }
  };

  const onMessage = async (handler: ChatHandler, event: SlackAppMention | SlackDirectMessage) => {
    const [actor, names] = await Promise.all([
      people.actor(event.userId),
      people.names(event.mentions.map((m) => m.userId)),
    ]);
    const request = toSlackChatRequest({ ...event, actor, names });
    await runTurn(handler, request, (message) => port.post(request.target, message));
  };

  const onCommand = async (handler: ChatHandler, event: SlackSlashCommand) => {
    const [actor, names] = await Promise.all([
      people.actor(event.userId, event.userName),
      people.names(event.mentions.map((m) => m.userId)),
    ]);
    const request = toSlackChatRequest({
      ...event,
      text: `/confluence ${event.text}`,
      actor,
      names,
    });
    let trigger: string | undefined = event.triggerId;
    await runTurn(handler, request, async (message) => {
      if (trigger !== undefined && message.kind === 'view' && isFormView(message.view)) {
        const used = trigger;
        trigger = undefined;
        if (await openModal(used, message.view, { c: event.channelId })) return undefined;
      }
      return port.post(request.target, message);
    });
  };

  const applyResult = async (result: CardActionResult, click: SlackBlockAction, channelId: string) => {
    if (result.kind === 'message')
      return ephemeral(channelId, click.userId, noticeMessage(result.text), click.threadTs);
    const content = toSlackMessage({ kind: 'view', view: result.view });
    if (result.scope === 'all' && click.messageTs !== undefined && !click.isEphemeral)
      return port.replace(channelId, click.messageTs, content);
    return ephemeral(channelId, click.userId, content, click.threadTs);
  };

  const onOpenForm = async (handler: ChatHandler, click: SlackBlockAction, channelId: string) => {
    const data = click.value !== undefined ? parseButtonValue(click.value) : undefined;
    const connector = typeof data?.connector === 'string' ? data.connector : '';
    const command = data?.form === 'rotate-form' ? `/confluence rotate ${connector}` : '/confluence connect';
    const actor = await people.actor(click.userId, click.userName);
    const request = toSlackChatRequest({
      actor,
      channelId,
      text: command,
      mentions: [],
      ...(click.threadTs !== undefined ? { threadTs: click.threadTs } : {}),
      ...(click.teamId !== undefined ? { teamId: click.teamId } : {}),
    });
    let trigger: string | undefined = click.triggerId;
    await runTurn(handler, request, async (message) => {
      if (trigger !== undefined && message.kind === 'view') {
        const used = trigger;
        trigger = undefined;
        const metadata = { c: channelId, ...(click.threadTs !== undefined ? { t: click.threadTs } : {}) };
        if (await openModal(used, message.view, metadata)) return undefined;
      }
      await ephemeral(channelId, click.userId, toSlackMessage(message), click.threadTs);
      return undefined;
    });
  };

  const onClick = async (handler: ChatHandler, click: SlackBlockAction) => {
    const channelId = click.channelId;
    if (channelId === undefined) return;
    if (click.actionId === SLACK_VERBS.openForm) return onOpenForm(handler, click, channelId);
    const data = click.value === undefined ? {} : parseButtonValue(click.value);
    if (data === undefined)
      return ephemeral(
        channelId,
        click.userId,
        noticeMessage('That button could not be read.'),
        click.threadTs,
      );
    const actor = await people.actor(click.userId, click.userName);
    const { conversation, target } = slackConversation(channelId, {
      ...(click.threadTs !== undefined ? { threadTs: click.threadTs } : {}),
      ...(click.teamId !== undefined ? { teamId: click.teamId } : {}),
    });
    let result: CardActionResult;
    try {
      result = await handler.handleCardAction({
        verb: click.actionId,
        data,
        actor,
        conversation,
        target,
        ...(click.messageTs !== undefined ? { cardActivityId: click.messageTs } : {}),
      });
    } catch (error) {
      result = {
        kind: 'view',
        view: viewOf(failureMessage(handler, error, 'card action')),
        scope: 'clicker',
      };
    }
    await applyResult(result, click, channelId);
  };

  const onSubmit = async (handler: ChatHandler, submission: SlackViewSubmission) => {
    const kind = formKindOf(submission.callbackId);
    const metadata = readMetadata(submission.privateMetadata);
    if (kind === undefined || metadata === undefined) {
      logger.warn({ callbackId: submission.callbackId.slice(0, 40) }, 'slack modal submission ignored');
      return;
    }
    const data: Record<string, unknown> = {
      ...readFormSubmission(kind, (block, action) => submission.values.text(block, action)),
      ...(kind === 'rotate-form' && metadata.k !== undefined ? { connector: metadata.k } : {}),
    };
    const actor = await people.actor(submission.userId, submission.userName);
    const { conversation, target } = slackConversation(metadata.c, {
      ...(metadata.t !== undefined ? { threadTs: metadata.t } : {}),
      ...(submission.teamId !== undefined ? { teamId: submission.teamId } : {}),
    });
    let result: CardActionResult;
    try {
      result = await handler.handleCardAction({ verb: FORM_SUBMIT[kind], data, actor, conversation, target });
    } catch (error) {
      result = { kind: 'view', view: viewOf(failureMessage(handler, error, 'form')), scope: 'clicker' };
    }
    if (result.kind === 'message')
      return ephemeral(metadata.c, submission.userId, noticeMessage(result.text), metadata.t);
    if (result.scope === 'all') {
      await port
        .post(target, { kind: 'view', view: result.view })
        .catch((error: unknown) =>
          logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'slack post failed'),
        );
      return;
    }
    // A form back with its problem named: the modal has closed, so the "Open the form" message says why.
    await ephemeral(
      metadata.c,
      submission.userId,
      toSlackMessage({ kind: 'view', view: result.view }),
      metadata.t,
    );
  };

  const serve = (handler: ChatHandler): SlackTransport =>
    createSlackTransport(options.config, {
      self: options.self,
      logger,
      validateView: validateFormModal,
      ...(options.now ? { now: options.now } : {}),
      onEvent: async (event: SlackInbound) => {
        switch (event.kind) {
          case 'app-mention':
          case 'direct-message':
            return onMessage(handler, event);
          case 'slash-command':
            return onCommand(handler, event);
          case 'block-action':
            return onClick(handler, event);
          case 'view-submission':
            return onSubmit(handler, event);
        }
      },
    });

  return { port, verifiedEmail: (actorId) => people.emailOf(actorId), serve };
}

/** The failure message as a view when it is one (the core's failure is an error view). */
function viewOf(message: OutboundMessage): View {
  return message.kind === 'view'
    ? message.view
    : {
        kind: 'notice',
        data: { title: 'Something went wrong', text: message.text, tone: 'warning', changes: [] },
      };
}
