import { VERBS } from '../../views/verbs.js';
import { connectFormInput, submitConnectForm } from '../admin/connect-form.js';
import { defineCardAction } from '../turn.js';

/** Submit of the connect form (admins only; the token is never echoed, logged or audited). */
export const connectSubmitAction = defineCardAction({
  verb: VERBS.connectSubmit,
  input: connectFormInput,
  handle: submitConnectForm,
});
