import { z } from 'zod';
import { confirmDisconnect } from '../../assistant/admin-commands.js';
import { VERBS } from '../../views/verbs.js';
import { defineCardAction } from '../turn.js';

/** Confirms removing a connector (admins only). */
export const disconnectConfirmAction = defineCardAction({
  verb: VERBS.disconnectConfirm,
  input: z.record(z.unknown()),
  handle: (turn) => confirmDisconnect(turn.deps, turn.action),
});
