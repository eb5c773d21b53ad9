import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../bot/config.js';
import { AppError } from '../../bot/errors.js';

const KEY = Buffer.alloc(32, 3).toString('base64');

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof AppError) return (error.details?.problems as string[]) ?? [error.message];
    throw error;
  }
}

describe('NODE_ENV is compared case-insensitively', () => {
  it.each(['production', 'Production', 'PRODUCTION', ' production '])(
    'NODE_ENV=%j is production: BOT_ID and SECRET_KEY are required',
    (value) => {
      const problems = problemsOf({ NODE_ENV: value });
      expect(problems.some((p) => p.startsWith('BOT_ID must be set in production'))).toBe(true);
      expect(problems.some((p) => p.startsWith('SECRET_KEY must be set in production'))).toBe(true);
    },
  );

  it('NODE_ENV=Production with credentials starts in production mode with auth on', () => {
    const config = loadConfig({
      NODE_ENV: 'Production',
      BOT_ID: 'app',
      BOT_PASSWORD: 'p',
      BOT_TENANT_ID: 't',
      SECRET_KEY: KEY,
    });
    expect(config.production).toBe(true);
    expect(config.bot.authEnabled).toBe(true);
  });

  it('other values are not production', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).production).toBe(false);
  });
});

describe('BOT_ALLOWED_TENANTS', () => {
  it('is a trimmed comma-separated list, empty by default', () => {
    expect(loadConfig({}).bot.allowedTenants).toEqual([]);
    expect(loadConfig({ BOT_ALLOWED_TENANTS: ' a , b,,c ' }).bot.allowedTenants).toEqual(['a', 'b', 'c']);
  });

  it('with BOT_ID set, a tenant is required (BOT_TENANT_ID or BOT_ALLOWED_TENANTS)', () => {
    expect(problemsOf({ BOT_ID: 'app', BOT_PASSWORD: 'p' })).toEqual([
      'BOT_TENANT_ID (or BOT_ALLOWED_TENANTS) is required when BOT_ID is set: activities from any other tenant are refused.',
    ]);
    expect(problemsOf({ BOT_ID: 'app', BOT_PASSWORD: 'p', BOT_ALLOWED_TENANTS: 'x' })).toEqual([]);
    expect(problemsOf({ BOT_ID: 'app', BOT_PASSWORD: 'p', BOT_TENANT_ID: 'x' })).toEqual([]);
  });
});
