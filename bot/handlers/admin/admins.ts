import { roleListHandler } from './role-list.js';

/** `/confluence admins [add|remove <@mention|id>]`: the bot admins granted in chat (plus BOT_ADMINS). */
export const handleAdmins = roleListHandler<'admins'>({
  title: 'Admins',
  members: (turn) => [...new Set([...turn.deps.settings.getGlobal().admins, ...turn.deps.config.admins])],
  async change(turn, action, id) {
    const { settings } = turn.deps;
    const change = action === 'add' ? await settings.addAdmin(id) : await settings.removeAdmin(id);
    return { before: change.before.admins, after: change.after.admins };
  },
});
