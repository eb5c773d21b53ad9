import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/** Which Atlassian spec: v1 (`/wiki/rest/api/...`, CQL search) or v2 (`/wiki/api/v2/...`). */
export type SpecName = 'v1' | 'v2';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const SPEC_FILES: Record<SpecName, string> = {
  v1: 'confluence-v1.openapi.json',
  v2: 'confluence-v2.openapi.json',
};

const SCHEMA_KEYWORDS = new Set([
  'type',
  'properties',
  'required',
  'items',
  'additionalProperties',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'enum',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  '$ref',
  'nullable',
  'default',
  'title',
  'description',
  'readOnly',
  'writeOnly',
]);

const KNOWN_FORMATS = new Set([
  'date',
  'time',
  'date-time',
  'uri',
  'uri-reference',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'regex',
  'uuid',
  'byte',
  'int32',
  'int64',
  'float',
  'double',
  'password',
  'binary',
]);

/**
 * Directory holding the two spec files: `$CONFLUENCE_OPENAPI_DIR`, else the copies vendored in
 * `tests/specs/confluence` (the repository reads nothing outside its own tree).
 */
export function resolveOpenApiDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CONFLUENCE_OPENAPI_DIR;
  if (fromEnv) return path.resolve(fromEnv);
  const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
  return path.resolve(repoRoot, 'tests/specs/confluence');
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Converts one OpenAPI 3.0 schema to JSON Schema draft-07 for ajv: `nullable` becomes a null
 * alternative, `oneOf` becomes `anyOf` (Atlassian's alternatives overlap: every object matches
 * both `PageBodyWrite` and `PageNestedBodyWrite`), boolean `exclusiveMinimum/Maximum` become
 * numbers, unknown keywords (`example`, `xml`, `x-*`) and formats are dropped, and
 * `#/components/schemas/X` refs point at `<specId>#/definitions/X`.
 */
export function convertOpenApiSchema(schema: Json, specId: string): Json {
  if (Array.isArray(schema)) return schema.map((s) => convertOpenApiSchema(s, specId));
  if (!isObject(schema)) return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (!SCHEMA_KEYWORDS.has(key)) continue;
    if (key === 'properties' && isObject(value)) {
      out.properties = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, convertOpenApiSchema(sub, specId)]),
      );
    } else if (key === '$ref' && typeof value === 'string') {
      out.$ref = value.startsWith('#/components/schemas/')
        ? `${specId}#/definitions/${value.slice('#/components/schemas/'.length)}`
        : value;
    } else if (key === 'oneOf' || key === 'anyOf' || key === 'allOf') {
      out[key === 'oneOf' ? 'anyOf' : key] = convertOpenApiSchema(value, specId);
    } else if (key === 'format') {
      if (typeof value === 'string' && KNOWN_FORMATS.has(value)) out.format = value;
    } else if (key === 'items' || key === 'not' || (key === 'additionalProperties' && isObject(value))) {
      out[key] = convertOpenApiSchema(value, specId);
    } else if (key !== 'nullable' && key !== 'exclusiveMinimum' && key !== 'exclusiveMaximum') {
      out[key] = value;
    }
  }
  if (schema.exclusiveMinimum === true && typeof schema.minimum === 'number') {
    out.exclusiveMinimum = schema.minimum;
    delete out.minimum;
  }
  if (schema.exclusiveMaximum === true && typeof schema.maximum === 'number') {
    out.exclusiveMaximum = schema.maximum;
    delete out.maximum;
  }
  if (schema.nullable !== true) return out;
  if (typeof out.type === 'string' && !out.$ref) {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [out, { type: 'null' }] };
}

interface LoadedSpec {
  document: JsonObject;
  templates: Array<{ template: string; pattern: RegExp; params: number }>;
}

const specs = new Map<SpecName, LoadedSpec>();
const validators = new Map<string, ValidateFunction>();
let ajvInstance: Ajv | undefined;

function specId(name: SpecName): string {
  return `confluence-${name}`;
}

function getAjv(): Ajv {
  if (ajvInstance) return ajvInstance;
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    strictTuples: false,
    validateSchema: false,
    inlineRefs: false,
  });
  const addFormats = addFormatsModule as unknown as (instance: Ajv) => Ajv;
  addFormats(ajv);
  ajvInstance = ajv;
  return ajv;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function loadSpec(name: SpecName): LoadedSpec {
  const cached = specs.get(name);
  if (cached) return cached;
  const file = path.join(resolveOpenApiDir(), SPEC_FILES[name]);
  const document = JSON.parse(readFileSync(file, 'utf8')) as JsonObject;
  const components = isObject(document.components) ? document.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  const converted = Object.fromEntries(
    Object.entries(schemas).map(([key, schema]) => [key, convertOpenApiSchema(schema, specId(name))]),
  );
  getAjv().addSchema({ $id: specId(name), definitions: converted } as object);
  const paths = isObject(document.paths) ? document.paths : {};
  const templates = Object.keys(paths).map((template) => ({
    template,
    pattern: new RegExp(
      `^${template
        .split(/\{[^}]+\}/)
        .map(escapeRegExp)
        .join('[^/]+')}$`,
    ),
    params: (template.match(/\{/g) ?? []).length,
  }));
  templates.sort((a, b) => a.params - b.params);
  const loaded = { document, templates };
  specs.set(name, loaded);
  return loaded;
}

/**
 * The spec's path template for a concrete path or template: drops origin, query, the
 * `/ex/confluence/{cloudId}` prefix and, for v2, the `/wiki/api/v2` server prefix.
 * Literal templates win over parameterised ones. Undefined when nothing matches.
 */
export function resolvePathTemplate(spec: SpecName, pathOrTemplate: string): string | undefined {
  let p = pathOrTemplate.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/[?#].*$/, '');
  p = p.replace(/^\/ex\/confluence\/[^/]+/, '');
  if (spec === 'v2') p = p.replace(/^\/wiki\/api\/v2(?=\/)/, '');
  if (p.length > 1) p = p.replace(/\/$/, '');
  const { templates } = loadSpec(spec);
  if (templates.some((t) => t.template === p)) return p;
  return templates.find((t) => t.pattern.test(p))?.template;
}

function resolveRef(document: JsonObject, value: Json | undefined): Json | undefined {
  let current = value;
  for (let hops = 0; hops < 10 && isObject(current) && typeof current.$ref === 'string'; hops++) {
    const ref: string = current.$ref;
    if (!ref.startsWith('#/')) return undefined;
    let target: Json | undefined = document;
    for (const part of ref.slice(2).split('/')) target = isObject(target) ? target[part] : undefined;
    current = target;
  }
  return current;
}

function findOperation(spec: SpecName, method: string, pathOrTemplate: string): JsonObject | string {
  const template = resolvePathTemplate(spec, pathOrTemplate);
  if (!template) return `no ${spec} path template matches ${pathOrTemplate}`;
  const { document } = loadSpec(spec);
  const item = isObject(document.paths) ? document.paths[template] : undefined;
  const operation = isObject(item) ? item[method.toLowerCase()] : undefined;
  if (!isObject(operation))
    return `${method.toUpperCase()} ${template} is not an operation of the ${spec} spec`;
  return { ...operation, 'x-template': template };
}

function jsonSchemaOf(document: JsonObject, container: Json | undefined): Json | undefined {
  const resolved = resolveRef(document, container);
  if (!isObject(resolved) || !isObject(resolved.content)) return undefined;
  const media = resolved.content['application/json'] ?? Object.values(resolved.content)[0];
  return isObject(media) ? media.schema : undefined;
}

function formatErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const extra =
      e.keyword === 'additionalProperties'
        ? ` (${String((e.params as { additionalProperty?: unknown }).additionalProperty)})`
        : e.keyword === 'enum'
          ? ` (${JSON.stringify((e.params as { allowedValues?: unknown }).allowedValues)})`
          : '';
    return `${e.instancePath || '/'} ${e.message ?? e.keyword}${extra}`;
  });
}

function compileCached(key: string, spec: SpecName, schema: Json): ValidateFunction {
  const cached = validators.get(key);
  if (cached) return cached;
  const compiled = getAjv().compile(convertOpenApiSchema(schema, specId(spec)) as object);
  validators.set(key, compiled);
  return compiled;
}

/**
 * Validates a response body against the spec's schema for (method, path, status). Returns the
 * problems found (empty = valid). An undocumented status or path is itself a problem; a
 * documented status with no JSON schema has nothing to check. Validators are built lazily and cached.
 */
export function validateResponse(
  spec: SpecName,
  method: string,
  pathTemplateOrPath: string,
  status: number,
  body: unknown,
): string[] {
  const operation = findOperation(spec, method, pathTemplateOrPath);
  if (typeof operation === 'string') return [operation];
  const template = String(operation['x-template']);
  const responses = isObject(operation.responses) ? operation.responses : {};
  const response = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
  if (response === undefined)
    return [`${method.toUpperCase()} ${template}: status ${status} is not documented`];
  const { document } = loadSpec(spec);
  const schema = jsonSchemaOf(document, response);
  if (schema === undefined) return [];
  const validate = compileCached(`res ${spec} ${method.toUpperCase()} ${template} ${status}`, spec, schema);
  return validate(body) ? [] : formatErrors(validate.errors);
}

/**
 * Validates a request body against the spec's `requestBody` schema for (method, path).
 * Returns the problems found (empty = valid); an operation without a JSON request body is a problem.
 */
export function validateRequestBody(
  spec: SpecName,
  method: string,
  pathTemplateOrPath: string,
  body: unknown,
): string[] {
  const operation = findOperation(spec, method, pathTemplateOrPath);
  if (typeof operation === 'string') return [operation];
  const template = String(operation['x-template']);
  const { document } = loadSpec(spec);
  const schema = jsonSchemaOf(document, operation.requestBody);
  if (schema === undefined) return [`${method.toUpperCase()} ${template} takes no JSON request body`];
  const validate = compileCached(`req ${spec} ${method.toUpperCase()} ${template}`, spec, schema);
  return validate(body) ? [] : formatErrors(validate.errors);
}
