import { LIMITS } from './blocks-types.js';

/**
 * Button values. Every button the Slack renderers make has `action_id` = a card verb from
 * `bot/views/verbs.ts` (or {@link SLACK_VERBS}) and `value` = the compact JSON (`JSON.stringify`, no
 * spaces) of exactly the data the Adaptive Card's `Action.Execute` carries for that verb:
 * approve / reject / freshPreview / cancelRequest / approveFromList / rejectFromList →
 * `{"requestId":"…"}` (the request id only, Contract 5); showPage → `{"pageId":"…"}`;
 * moreResults → `{"token":"…"}`; moreApprovals → `{"offset":N}`; disconnectConfirm →
 * `{"connector":"…"}`; openForm → `{"form":"connect-form"}` or
 * `{"form":"rotate-form","connector":"…"}`. The inbound side decodes with {@link parseButtonValue}
 * and hands `(action_id, object)` to the same handler as a Teams card action: the value is a claim,
 * never authority, and is re-checked there.
 */

/** Slack-only verbs (Teams has none: its forms are cards, Slack's are modals). */
export const SLACK_VERBS = {
  /**
   * "Open the form" on a `connect-form` / `rotate-form` message. Data: `{ form, connector? }`. The
   * edge answers the click by opening the modal (`views.open` with the click's `trigger_id`, which
   * is valid for 3 seconds), after re-checking that the clicker is an admin.
   */
  openForm: 'openForm',
} as const;

/** The data a button carries: flat, JSON-safe. */
export type ButtonData = Readonly<Record<string, string | number>>;

/** The button value for `data`, or undefined when it would exceed Slack's 2,000 characters. */
export function buttonValue(data: ButtonData): string | undefined {
  const value = JSON.stringify(data);
  return value.length <= LIMITS.buttonValue ? value : undefined;
}

/**
 * Decodes a button value written by {@link buttonValue}: a flat object of strings and numbers, or
 * undefined for anything else (not JSON, an array, nested values, a `__proto__` key, over 2,000
 * characters).
 */
export function parseButtonValue(value: string): Record<string, string | number> | undefined {
  if (value.length > LIMITS.buttonValue) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const out: Record<string, string | number> = {};
  for (const [key, item] of Object.entries(parsed)) {
    if (key === '__proto__' || (typeof item !== 'string' && typeof item !== 'number')) return undefined;
    out[key] = item;
  }
  return out;
}
