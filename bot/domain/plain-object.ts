/**
 * True when zod's object schemas would read `value` as an object: a plain object (prototype
 * `Object.prototype` or null) that zod does not take for a promise. Stricter than zod (a class
 * instance is refused here), so a hand check built on it only sends such a value on to the zod
 * schema it mirrors (bot/audit/schema.ts, bot/chat/to-chat-request.ts).
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  const record = value as Record<string, unknown>;
  return !(typeof record.then === 'function' && typeof record.catch === 'function');
}
