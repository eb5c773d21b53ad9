import { z } from 'zod';
import type { ConversationFrame } from './playground-page.js';

/** The Playground's signed-in user (scripts/playground/.m365agentsplayground.yml). */
export const PLAYGROUND_USER = {
  id: 'user-id-0',
  name: 'Alex Wilber',
  aadObjectId: '00000000-0000-0000-0000-0000000000020',
} as const;

const refreshSchema = z.object({
  action: z.object({ verb: z.string(), data: z.record(z.unknown()) }),
  userIds: z.array(z.string()).optional(),
});

/** A bot card carrying an Adaptive Card `refresh` (the approval card), found in the Playground's frames. */
export interface RefreshableCard {
  /** The channel thread or chat the card lives in (`channel-x;messageid=...` for channel posts). */
  readonly conversationId: string;
  /** The Playground's id of the card message (the invoke's replyToId). */
  readonly messageId: string;
  readonly verb: string;
  readonly data: Record<string, unknown>;
  readonly userIds: readonly string[];
}

/** The newest card in `frames` whose `refresh.action.verb` is `verb`, or undefined. */
export function findRefreshableCard(
  frames: readonly ConversationFrame[],
  verb: string,
): RefreshableCard | undefined {
  for (const frame of [...frames].reverse()) {
    if (frame.action !== 'createMessage') continue;
    for (const attachment of frame.message.attachments ?? []) {
      const refresh = refreshSchema.safeParse(attachment.content?.refresh);
      if (refresh.success && refresh.data.action.verb === verb) {
        return {
          conversationId: frame.actionConversationId,
          messageId: frame.message.messageId,
          verb,
          data: refresh.data.action.data,
          userIds: refresh.data.userIds ?? [],
        };
      }
    }
  }
  return undefined;
}
