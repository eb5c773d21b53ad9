import { VERBS } from '../../views/verbs.js';
import { rotateFormInput, submitRotateForm } from '../admin/rotate-form.js';
import { defineCardAction } from '../turn.js';

/** Submit of the rotate form (admins only; the new token is checked before it replaces the old). */
export const rotateSubmitAction = defineCardAction({
  verb: VERBS.rotateSubmit,
  input: rotateFormInput,
  handle: submitRotateForm,
});
