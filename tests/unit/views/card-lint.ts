import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as AC from 'adaptivecards';
import { Ajv, type ValidateFunction } from 'ajv';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import addFormats from 'ajv-formats';

/** Repository root (tests/unit/views → three levels up). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The official Adaptive Cards 1.5 schema, vendored in `tests/specs/adaptivecards`. */
export const SCHEMA_PATH = path.resolve(REPO_ROOT, 'tests/specs/adaptivecards/adaptive-card-1.5.schema.json');

/** Teams host extensions that the core Adaptive Cards schema (additionalProperties: false) does not know. */
const HOST_EXTENSIONS = ['msteams'] as const;

let validator: ValidateFunction | undefined;

/**
 * Compiles the schema with ajv 8: draft-06 meta-schema added, unknown keywords allowed (the file
 * uses `version`, `features`, `examples`), and its draft-04-style top-level `id` moved to `$id`
 * (ajv 8 refuses `id`).
 */
function loadValidator(): ValidateFunction {
  if (validator) return validator;
  const { id, ...rest } = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  const schema = { ...rest, $id: String(id) };
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(draft06);
  addFormats.default(ajv);
  validator = ajv.compile(schema);
  return validator;
}

/** ajv errors of `card` against the 1.5 schema, Teams host extensions removed first. */
export function schemaErrors(card: object): string[] {
  const copy: Record<string, unknown> = { ...card };
  for (const key of HOST_EXTENSIONS) delete copy[key];
  const validate = loadValidator();
  if (validate(copy)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/** Parse and validation events of the `adaptivecards` object model (empty = clean). */
export function parserEvents(card: object): string[] {
  const model = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  model.parse(card, context);
  const events: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    events.push(`parse ${event.event}: ${event.message}`);
  }
  for (const event of model.validateProperties().validationEvents) {
    events.push(`validate ${event.event}: ${event.message}`);
  }
  return events;
}

/** Every string value anywhere in `value`. */
export function collectStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(collectStrings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(collectStrings);
  return [];
}

/** Every object anywhere in `value` (depth first) for which `match` holds. */
export function collectObjects(
  value: unknown,
  match: (o: Record<string, unknown>) => boolean,
): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap((v) => collectObjects(v, match));
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const inner = Object.values(record).flatMap((v) => collectObjects(v, match));
    return match(record) ? [record, ...inner] : inner;
  }
  return [];
}

/** The `text` of every element and run, in document order, joined without separators per block. */
export function visibleText(card: object): string {
  const texts = collectObjects(card, (o) => typeof o.text === 'string' || o.type === 'RichTextBlock');
  return texts
    .map((o) => (o.type === 'RichTextBlock' ? '\n' : String(o.text)))
    .join('')
    .trim();
}
