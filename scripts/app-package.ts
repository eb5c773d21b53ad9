import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppManifestUtils, type TeamsManifest } from '@microsoft/app-manifest';
import { strToU8, zipSync } from 'fflate';

/** Files that go into the Teams app package, besides the filled manifest. */
export const PACKAGE_ICONS = ['color.png', 'outline.png'] as const;

/** A fixed timestamp for zip entries, so the same inputs always give the same package bytes. */
const ZIP_MTIME = new Date('2025-01-01T00:00:00Z');

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** Thrown when the manifest cannot be filled or does not validate; `problems` lists every issue. */
export class AppPackageError extends Error {
  readonly problems: readonly string[];

  constructor(summary: string, problems: readonly string[]) {
    super(`${summary}\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'AppPackageError';
    this.problems = problems;
  }
}

/** The placeholder names (`${{NAME}}`) a manifest template uses, in order of first use. */
export function listPlaceholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))];
}

/**
 * Values for the manifest placeholders, from an environment object: BOT_ID (required, a GUID: the
 * Entra app id of the Azure Bot), TEAMS_APP_ID (default: BOT_ID), APP_NAME_SUFFIX (default empty),
 * BOT_DOMAIN (optional; without it `validDomains` is left empty). Throws AppPackageError listing every
 * problem.
 */
export function resolveManifestValues(
  env: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  const read = (name: string): string => env[name]?.trim() ?? '';
  const problems: string[] = [];
  const botId = read('BOT_ID');
  if (!botId) {
    problems.push(
      'BOT_ID is required: the Application (client) ID of the Entra app behind your Azure Bot. Set it in env/.env.<env> or the environment.',
    );
  } else if (!GUID.test(botId)) {
    problems.push(`BOT_ID must be a GUID (got "${botId}").`);
  }
  const teamsAppId = read('TEAMS_APP_ID') || botId;
  if (read('TEAMS_APP_ID') && !GUID.test(teamsAppId)) {
    problems.push(`TEAMS_APP_ID must be a GUID (got "${teamsAppId}").`);
  }
  const domain = read('BOT_DOMAIN');
  if (
    domain &&
    !/^[A-Za-z0-9*]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$/.test(domain)
  ) {
    problems.push(
      `BOT_DOMAIN must be a host name without scheme or path, e.g. bot.example.com (got "${domain}").`,
    );
  }
  if (problems.length > 0) throw new AppPackageError('Cannot fill appPackage/manifest.json:', problems);
  return {
    BOT_ID: botId,
    TEAMS_APP_ID: teamsAppId,
    APP_NAME_SUFFIX: env.APP_NAME_SUFFIX ?? '',
    BOT_DOMAIN: domain,
  };
}

/**
 * Replaces every `${{NAME}}` in the template with `values[NAME]` (JSON-escaped), parses the result and
 * drops empty `validDomains` entries. Throws AppPackageError naming every placeholder without a value,
 * or when the filled text is not JSON.
 */
export function fillManifest(
  template: string,
  values: Readonly<Record<string, string>>,
): Record<string, unknown> {
  const missing = listPlaceholders(template).filter((name) => values[name] === undefined);
  if (missing.length > 0) {
    throw new AppPackageError(
      'The manifest uses placeholders with no value:',
      missing.map((name) => `\${{${name}}}`),
    );
  }
  const filled = template.replace(PLACEHOLDER, (_, name: string) =>
    JSON.stringify(values[name] ?? '').slice(1, -1),
  );
  let manifest: unknown;
  try {
    manifest = JSON.parse(filled);
  } catch (error) {
    throw new AppPackageError('The filled manifest is not valid JSON:', [String(error)]);
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    throw new AppPackageError('The manifest must be a JSON object:', [typeof manifest]);
  }
  const record = manifest as Record<string, unknown>;
  if (Array.isArray(record.validDomains)) {
    record.validDomains = record.validDomains.filter((d) => typeof d === 'string' && d.length > 0);
  }
  return record;
}

/**
 * Validates a filled manifest against the Teams JSON schema its `$schema` names, offline (schemas are
 * bundled in @microsoft/app-manifest). Resolves with readable errors; an empty list means valid.
 */
export async function validateManifest(manifest: Record<string, unknown>): Promise<string[]> {
  return AppManifestUtils.validateAgainstSchema(manifest as unknown as TeamsManifest);
}

/** The result of {@link buildAppPackage}. */
export interface AppPackage {
  readonly manifest: Record<string, unknown>;
  /** The zip: manifest.json, color.png and outline.png at its root, as Teams expects. */
  readonly zip: Uint8Array;
}

/**
 * Fills `<appPackageDir>/manifest.json` from `env`, validates it offline and zips it with the icons.
 * Deterministic for the same inputs. Throws AppPackageError (missing BOT_ID, schema errors) or a
 * file-system error when an icon is missing.
 */
export async function buildAppPackage(
  appPackageDir: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<AppPackage> {
  const template = readFileSync(join(appPackageDir, 'manifest.json'), 'utf8');
  const manifest = fillManifest(template, resolveManifestValues(env));
  const errors = await validateManifest(manifest);
  if (errors.length > 0) throw new AppPackageError('The filled manifest does not match its schema:', errors);
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {
    'manifest.json': [strToU8(`${JSON.stringify(manifest, null, 2)}\n`), { mtime: ZIP_MTIME }],
  };
  for (const icon of PACKAGE_ICONS) {
    files[icon] = [readFileSync(join(appPackageDir, icon)), { mtime: ZIP_MTIME }];
  }
  return { manifest, zip: zipSync(files, { level: 9 }) };
}
