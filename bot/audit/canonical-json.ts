import { hash } from 'node:crypto';

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
 * True when native `JSON.stringify(value)` already yields canonical JSON: every object's own keys
 * enumerate in strictly increasing order (which also rules out integer-like keys out of string
 * order) and nothing has a `toJSON` method. Entries the store writes are laid out this way, so
 * hashing and verifying them takes the native path.
 */
function isCanonicalLayout(value: unknown, skipKey?: string): boolean {
  if (value === null || typeof value !== 'object') return typeof value !== 'bigint';
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  if (Array.isArray(value)) {
    for (const item of value) {
      if (typeof item === 'object' ? !isCanonicalLayout(item) : typeof item === 'bigint') return false;
    }
    return true;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  let previous = '';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (key === skipKey) continue;
    if (i > 0 && !(previous < key)) return false;
    const inner = record[key];
    if (typeof inner === 'object' ? !isCanonicalLayout(inner) : typeof inner === 'bigint') return false;
    previous = key;
  }
  return true;
}

/**
 * Canonical JSON per Contract 4: what `JSON.stringify` would produce, but with object keys sorted
 * recursively (default JS sort, i.e. by UTF-16 code units) and no whitespace. Integer-like keys are
 * sorted as strings too (`"10"` before `"9"`), so a verifier must write keys itself rather than
 * rebuild a sorted object (JS objects always enumerate integer keys first). Undefined, function and
 * symbol members are omitted (as `null` inside arrays), non-finite numbers become `null`, `toJSON`
 * is honoured. Throws TypeError for a BigInt or a top-level value with no JSON form; cyclic input
 * overflows the stack (callers JSON-round-trip untrusted input first).
 */
export function canonicalJson(value: unknown): string {
  const written = isCanonicalLayout(value) ? JSON.stringify(value) : writeValue(value, undefined);
  if (written === undefined) throw new TypeError('canonicalJson: value has no JSON representation');
  return written;
}

function canonicalJsonWithout(entry: object, skipKey: string): string {
  if (!isCanonicalLayout(entry, skipKey)) return writeObject(entry, skipKey) ?? '{}';
  const record = entry as Record<string, unknown>;
  if (!Object.hasOwn(record, skipKey)) return JSON.stringify(record);
  const rest: Record<string, unknown> = {};
  for (const key in record) if (key !== skipKey) rest[key] = record[key];
  return JSON.stringify(rest);
}

/**
 * Lowercase hex SHA-256 of `entry.prevHash` followed by the canonical JSON of `entry` without its
 * `hash` field (any `hash` present is ignored). Throws TypeError when `prevHash` is not a string.
 */
export function computeEntryHash<T extends { readonly prevHash: string }>(entry: T): string {
  if (typeof entry.prevHash !== 'string') throw new TypeError('computeEntryHash: prevHash must be a string');
  return hash('sha256', entry.prevHash + canonicalJsonWithout(entry, 'hash'), 'hex');
}

/**
 * A deep copy of JSON data with every object's keys inserted in sorted order, so that native
 * `JSON.stringify` of it is canonical (except objects with integer-like keys, which JS always
 * enumerates first; those still hash correctly through the slow path). Input must be plain JSON data.
 */
export function toCanonicalLayout<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => toCanonicalLayout(item)) as T;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) {
    if (record[key] !== undefined) out[key] = toCanonicalLayout(record[key]);
  }
  return out as T;
}
