import { createHash } from 'node:crypto';

/** `prevHash` of the first entry (seq 1): 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

function writeValue(value: unknown, skipKey: string | undefined): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('canonicalJson: BigInt is not JSON-serialisable');
    case 'object':
      return writeObject(value as object, skipKey);
    default:
      return undefined;
  }
}

function writeObject(value: object, skipKey: string | undefined): string | undefined {
  const withToJson = value as { toJSON?: unknown };
  if (typeof withToJson.toJSON === 'function') {
    return writeValue((withToJson.toJSON as () => unknown).call(value), undefined);
  }
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (const item of value) items.push(writeValue(item, undefined) ?? 'null');
    return `[${items.join(',')}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    if (key === skipKey) continue;
    const written = writeValue(record[key], undefined);
    if (written === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${written}`;
    first = false;
  }
  return `${out}}`;
}

/**
 * Canonical JSON per Contract 4: what `JSON.stringify` would produce, but with object keys sorted
 * recursively (default JS sort, i.e. by UTF-16 code units) and no whitespace. Integer-like keys are
 * sorted as strings too (`"10"` before `"9"`), so a verifier must write keys itself rather than
 * rebuild a sorted object (JS objects always enumerate integer keys first). Undefined, function
 * and symbol members are omitted (as `null` inside arrays), non-finite numbers become `null`,
 * `toJSON` is honoured. Throws TypeError for a BigInt or a top-level value with no JSON form;
 * cyclic input overflows the stack (callers JSON-round-trip untrusted input first).
 */
export function canonicalJson(value: unknown): string {
  const written = writeValue(value, undefined);
  if (written === undefined) throw new TypeError('canonicalJson: value has no JSON representation');
  return written;
}

/**
 * Lowercase hex SHA-256 of `entry.prevHash` followed by the canonical JSON of `entry` without its
 * `hash` field (any `hash` present is ignored). Throws TypeError when `prevHash` is not a string.
 */
export function computeEntryHash<T extends { readonly prevHash: string }>(entry: T): string {
  if (typeof entry.prevHash !== 'string') throw new TypeError('computeEntryHash: prevHash must be a string');
  const body = writeObject(entry, 'hash') ?? '{}';
  return createHash('sha256').update(entry.prevHash).update(body).digest('hex');
}
