import type { MessageTurn } from '../turn.js';
import { type AdminCommandHandler, auditAdmin } from './admin-command.js';
import { notice } from './admin-views.js';

/** A list of people with a role (approvers of a channel, bot admins): how to read and change it. */
export interface RoleList {
  /** Title of the list (`Approvers`, `Admins`). */
  readonly title: string;
  /** Everyone with the role here: those granted in chat plus those configured in the environment. */
  members(turn: MessageTurn): string[];
  /** Adds or removes one user id; the ids granted in chat before and after. */
  change(
    turn: MessageTurn,
    action: 'add' | 'remove',
    id: string,
  ): Promise<{ before: string[]; after: string[] }>;
}

/**
 * The handler of `/confluence <approvers|admins> [add|remove <@mention|id>]`: lists the role, or
 * grants/withdraws it (audited before/after with the user id).
 */
export function roleListHandler<K extends 'approvers' | 'admins'>(list: RoleList): AdminCommandHandler<K> {
  return async (turn, command) => {
    if (!command.action || !command.user) {
      const members = list.members(turn);
      await turn.reply(notice(list.title, members.length ? members.join(', ') : 'None named yet.', 'info'));
      return;
    }
    const { user, action } = command;
    const change = await list.change(turn, action, user.id);
    await auditAdmin(turn, command, {
      channelKey: turn.conversation.channelKey,
      user: user.id,
      before: { [command.kind]: change.before },
      after: { [command.kind]: change.after },
    });
    await turn.reply(
      notice(
        `${list.title} updated`,
        `${action === 'add' ? 'Added' : 'Removed'} ${user.kind === 'mention' ? user.name : user.id}.`,
        'good',
        [
          {
            label: command.kind,
            before: change.before.join(', ') || 'none',
            after: change.after.join(', ') || 'none',
          },
        ],
      ),
    );
  };
}
