/**
 * Typed readers of single environment variables for `loadConfig`: each trims, parses and, on a bad
 * value, adds one problem sentence and returns a fallback, so every problem can be listed at once.
 */

import { isLoopbackHost } from './confluence/site-url.js';

/** An environment object (`process.env` or a test's literal); never read from anywhere else. */
export type Env = Readonly<Record<string, string | undefined>>;

/** The trimmed value of `name`, or `undefined` when unset or blank. */
export function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** A comma-separated list: items trimmed, empty items dropped (`undefined` = empty list). */
export function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** A whole number from `min` to `max`; `fallback` when unset, or (with a problem) when out of range. */
export function integer(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}").`);
    return fallback;
  }
  return value;
}

/** A boolean (`1/true/yes/on`, `0/false/no/off`, any case); false when unset or (with a problem) bad. */
export function flag(env: Env, name: string, problems: string[]): boolean {
  const raw = text(env, name)?.toLowerCase();
  if (raw === undefined) return false;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  problems.push(`${name} must be true or false (got "${raw}").`);
  return false;
}

/**
 * A service URL `name` = `raw`, checked like a Confluence site: `https://`, or `http://` to a
 * loopback host outside production (the local fakes in tests); no credentials, query or fragment.
 * Returns the parsed URL, or `undefined` with one problem naming `name` (`example` shows a good one).
 */
export function serviceUrl(
  name: string,
  raw: string,
  example: string,
  production: boolean,
  problems: string[],
): URL | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problems.push(`${name} must be a URL such as ${example}.`);
    return undefined;
  }
  const loopbackHttp = url.protocol === 'http:' && isLoopbackHost(url.hostname) && !production;
  if (url.protocol !== 'https:' && !loopbackHttp) {
    problems.push(
      `${name} must use https:// (http:// is accepted only for a loopback host, outside production).`,
    );
    return undefined;
  }
  const extras = url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '';
  if (extras || raw.includes('?')) {
    problems.push(`${name} must not carry credentials, a query or a fragment.`);
    return undefined;
  }
  return url;
}
