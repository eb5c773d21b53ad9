/**
 * Env files for `npm start`: `env/.env.<APP_ENV>` and its `.user` twin, merged under the real
 * environment. The only configuration code that touches the file system.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import type { Env } from './config-values.js';

/** Reads a file's text, or `undefined` when it does not exist (injectable so tests need no files). */
export type EnvFileReader = (path: string) => string | undefined;

/** The real file system reader for env files. */
export const readEnvFile: EnvFileReader = (path) =>
  existsSync(path) ? readFileSync(path, 'utf8') : undefined;

/**
 * Reads `env/.env.<name>` and `env/.env.<name>.user` (when present) as defaults under the real
 * environment: a variable set in `processEnv` always wins. `SECRET_`-prefixed names in the
 * `.user` file (Teams Toolkit style) also fill the unprefixed name (`SECRET_BOT_PASSWORD` → `BOT_PASSWORD`).
 */
export function mergeEnvFiles(
  processEnv: Env,
  envDir: string,
  name: string,
  readFile: EnvFileReader = readEnvFile,
): Record<string, string | undefined> {
  const merged: Record<string, string | undefined> = {};
  for (const file of [`.env.${name}`, `.env.${name}.user`]) {
    const content = readFile(resolve(envDir, file));
    if (content === undefined) continue;
    const parsed = parseEnv(content) as Record<string, string>;
    for (const [key, value] of Object.entries(parsed)) {
      merged[key] = value;
      if (key.startsWith('SECRET_')) merged[key.slice('SECRET_'.length)] = value;
    }
  }
  for (const [key, value] of Object.entries(processEnv)) {
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}

/**
 * What `npm start` runs on: the real environment, plus `env/.env.<APP_ENV>` (and its `.user` twin)
 * only when APP_ENV names one. No file is read when APP_ENV is unset, so the development profile
 * (`env/.env.local`: self-approval, shared Approve buttons, the Playground's admins) never applies by
 * itself. Problems (a bad or missing APP_ENV file) are returned for `loadConfig` to list with the rest.
 */
export function readEnvironment(
  processEnv: Env,
  options: { envDir: string; readFile?: EnvFileReader },
): { env: Record<string, string | undefined>; problems: string[] } {
  const readFile = options.readFile ?? readEnvFile;
  const name = processEnv.APP_ENV?.trim();
  if (!name) return { env: { ...processEnv }, problems: [] };
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/.test(name)) {
    return {
      env: { ...processEnv },
      problems: ['APP_ENV must name an env file: letters, digits, `-` or `_` (env/.env.<APP_ENV>).'],
    };
  }
  if (readFile(resolve(options.envDir, `.env.${name}`)) === undefined) {
    return { env: { ...processEnv }, problems: [`APP_ENV=${name}, but env/.env.${name} does not exist.`] };
  }
  return { env: mergeEnvFiles(processEnv, options.envDir, name, readFile), problems: [] };
}
