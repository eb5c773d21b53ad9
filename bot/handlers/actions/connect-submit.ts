import { z } from 'zod';
import { submitConnectForm } from '../../assistant/admin-commands.js';
import { VERBS } from '../../views/verbs.js';
import { defineCardAction } from '../turn.js';

/** Submit of the connect form (admins only; the token is never echoed, logged or audited). */
export const connectSubmitAction = defineCardAction({
  verb: VERBS.connectSubmit,
  input: z.record(z.unknown()),
  handle: (turn) => submitConnectForm(turn.deps, turn.action),
});
