import type { ChatRequest, OutboundMessage } from '../domain/chat.js';
import { formatAge } from '../views/format.js';
import { rolesIn } from './channel-context.js';
import type { AssistantDeps } from './deps.js';
import { card } from './present.js';

type Reply = (message: OutboundMessage) => Promise<string | undefined>;

/** The `approvals` command: pending requests the actor made or can decide, as one card. */
export async function showApprovalsList(deps: AssistantDeps, chat: ChatRequest, reply: Reply): Promise<void> {
  const now = deps.now();
  const requests = deps.approvals.listForUser(
    chat.actor,
    (request) => rolesIn(deps, chat.actor, request.channelKey).isApprover,
  );
  await reply(
    card(deps.cards, 'approvals-list', {
      items: requests.map((request) => ({
        requestId: request.id,
        title: request.target.title,
        operation: request.operation,
        spaceKey: request.target.spaceKey,
        requester: request.requester.name,
        age: formatAge(request.createdAt, now),
        status: 'pending',
        canCancel: request.requester.id === chat.actor.id,
        canDecide:
          request.requester.id !== chat.actor.id && rolesIn(deps, chat.actor, request.channelKey).isApprover,
      })),
    }),
  );
}
