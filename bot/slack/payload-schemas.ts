import { z } from 'zod';

/*
 * The shapes Slack sends (Events API envelopes, slash command fields, interactivity payloads) as
 * zod schemas, and the one way a body is checked against them: a mismatch is a SlackPayloadError.
 */

/**
 * A request body that is not what Slack sends. The message is short and never quotes the body
 * (it may hold a token), so it can go into a 400 answer and a log line as is.
 */
export class SlackPayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SlackPayloadError';
  }
}

const id = z.string().min(1).max(255);
const optionalId = id.optional().catch(undefined);
const userRef = z.object({ id, username: z.string().optional(), name: z.string().optional() });
const teamRef = z
  .object({ id })
  .nullish()
  .transform((team) => team ?? undefined);

/** Any Slack JSON body: only its `type` is read. */
export const envelopeSchema = z.object({ type: z.string() });
/** The Events API URL handshake. */
export const urlVerificationSchema = z.object({
  type: z.literal('url_verification'),
  challenge: z.string().min(1).max(1000),
});
/** An Events API envelope around one event. */
export const eventCallbackSchema = z.object({
  type: z.literal('event_callback'),
  event_id: id,
  team_id: optionalId,
  event: z.object({ type: z.string() }).passthrough(),
});
/** An `app_mention` or `message` event. */
export const messageEventSchema = z.object({
  type: z.enum(['app_mention', 'message']),
  subtype: z.string().optional(),
  hidden: z.boolean().optional(),
  user: z.string().optional(),
  bot_id: z.string().nullish(),
  text: z.string().nullish(),
  channel: id,
  channel_type: z.string().optional(),
  ts: id,
  thread_ts: optionalId,
  team: optionalId,
});
/** A slash command's form fields. */
export const commandSchema = z.object({
  command: z.string().regex(/^\/[\w.-]{1,31}$/),
  text: z.string().default(''),
  team_id: optionalId,
  user_id: id,
  user_name: z.string().optional(),
  channel_id: id,
  channel_name: z.string().max(255).optional(),
  trigger_id: id,
  response_url: z.string().url(),
});
/** A button press (`block_actions` payload). */
export const blockActionsSchema = z.object({
  type: z.literal('block_actions'),
  user: userRef,
  team: teamRef,
  channel: z.object({ id }).optional(),
  container: z
    .object({
      message_ts: optionalId,
      thread_ts: optionalId,
      channel_id: optionalId,
      is_ephemeral: z.boolean().optional(),
    })
    .optional(),
  message: z.object({ ts: id, thread_ts: optionalId }).optional(),
  trigger_id: id,
  response_url: z.string().url().optional(),
  actions: z
    .array(z.object({ action_id: id, block_id: optionalId, value: z.string().max(2000).optional() }))
    .min(1),
});
/** One input's state in a submitted modal. */
export const elementSchema = z
  .object({
    type: z.string(),
    value: z.string().nullish(),
    selected_option: z.object({ value: z.string() }).nullish(),
    selected_options: z.array(z.object({ value: z.string() })).nullish(),
    selected_user: z.string().nullish(),
    selected_conversation: z.string().nullish(),
    selected_channel: z.string().nullish(),
    selected_date: z.string().nullish(),
  })
  .passthrough();
/** A modal submit (`view_submission` payload). */
export const viewSubmissionSchema = z.object({
  type: z.literal('view_submission'),
  user: userRef,
  team: teamRef,
  view: z.object({
    id,
    callback_id: z.string().max(255),
    private_metadata: z.string().max(3000).default(''),
    state: z.object({ values: z.record(z.record(elementSchema)) }).default({ values: {} }),
  }),
});

/**
 * `value` parsed with `schema`.
 *
 * @throws SlackPayloadError naming `what` and the first bad field's path (never a value).
 */
export function parseWith<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
  throw new SlackPayloadError(`Malformed ${what}${where}.`);
}
