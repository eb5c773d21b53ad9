import { z } from 'zod';
import { submitRotateForm } from '../../assistant/admin-commands.js';
import { VERBS } from '../../views/verbs.js';
import { defineCardAction } from '../turn.js';

/** Submit of the rotate form (admins only; the new token is checked before it replaces the old). */
export const rotateSubmitAction = defineCardAction({
  verb: VERBS.rotateSubmit,
  input: z.record(z.unknown()),
  handle: (turn) => submitRotateForm(turn.deps, turn.action),
});
