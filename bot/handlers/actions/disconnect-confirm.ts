import { VERBS } from '../../views/verbs.js';
import { confirmDisconnect, disconnectInput } from '../admin/disconnect-confirm.js';
import { defineCardAction } from '../turn.js';

/** Confirms removing a connector (admins only). */
export const disconnectConfirmAction = defineCardAction({
  verb: VERBS.disconnectConfirm,
  input: disconnectInput,
  handle: confirmDisconnect,
});
