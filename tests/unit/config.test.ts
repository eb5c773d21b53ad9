import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, loadConfigFromEnvironment, startupWarnings } from '../../bot/config.js';
import { type EnvFileReader, mergeEnvFiles, readEnvironment } from '../../bot/config-env-files.js';
import { isAppError } from '../../bot/errors.js';

const KEY = Buffer.alloc(32, 7).toString('base64');
const CONNECTOR = {
  CONFLUENCE_SITE_URL: 'https://acme.atlassian.net',
  CONFLUENCE_EMAIL: 'bot@acme.test',
  CONFLUENCE_API_TOKEN: 'tok-123',
};

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (!isAppError(error, 'CONFIG_INVALID')) throw error;
    const problems = error.details.problems as string[];
    for (const problem of problems) expect(error.message).toContain(problem);
    return problems;
  }
  return [];
}

describe('loadConfig defaults', () => {
  it('an empty environment gives a working development config', () => {
    const config = loadConfig({}, { cwd: '/srv/bot' });
    expect(config.port).toBe(3978);
    expect(config.host).toBe('0.0.0.0');
    expect(config.dataDir).toBe(resolve('/srv/bot', 'data'));
    expect(config.production).toBe(false);
    expect(config.logLevel).toBe('info');
    expect(config.bot).toMatchObject({ type: 'MultiTenant', authEnabled: false });
    expect(config.bot.appId).toBeUndefined();
    expect(config.secretKeyBase64).toBeUndefined();
    expect(config.bootstrapConnector).toBeUndefined();
    expect(config.policy).toEqual({
      search: 'allowed',
      get: 'allowed',
      create: 'confirm',
      update: 'confirm',
    });
    expect(config.admins).toEqual([]);
    expect(config.approvers).toEqual([]);
    expect(config.approvalTtlHours).toBe(24);
    expect(config.allowSelfApproval).toBe(false);
    expect(config.confluenceTimeoutMs).toBe(15_000);
  });

  it('is frozen, including nested values', () => {
    const config = loadConfig({ BOT_ADMINS: 'a' });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.bot)).toBe(true);
    expect(Object.isFrozen(config.policy)).toBe(true);
    expect(Object.isFrozen(config.admins)).toBe(true);
  });

  it('blank values count as unset', () => {
    const config = loadConfig({ PORT: '  ', BOT_ID: '', LOG_LEVEL: ' ', CONFLUENCE_SITE_URL: '' });
    expect(config.port).toBe(3978);
    expect(config.bot.authEnabled).toBe(false);
    expect(config.bootstrapConnector).toBeUndefined();
  });

  it('keeps an absolute DATA_DIR and resolves a relative one against cwd', () => {
    expect(loadConfig({ DATA_DIR: '/var/lib/ca' }, { cwd: '/x' }).dataDir).toBe('/var/lib/ca');
    expect(loadConfig({ DATA_DIR: 'store' }, { cwd: '/x' }).dataDir).toBe('/x/store');
  });

  it('reads lists with spaces and empty items dropped', () => {
    const config = loadConfig({ BOT_ADMINS: ' a , ,b,', BOT_APPROVERS: 'c' });
    expect(config.admins).toEqual(['a', 'b']);
    expect(config.approvers).toEqual(['c']);
  });
});

describe('loadConfig values (table)', () => {
  const accepted: [string, Record<string, string>, (c: ReturnType<typeof loadConfig>) => unknown, unknown][] =
    [
      ['PORT 0 (tests)', { PORT: '0' }, (c) => c.port, 0],
      ['PORT max', { PORT: '65535' }, (c) => c.port, 65535],
      ['PORT padded', { PORT: ' 8080 ' }, (c) => c.port, 8080],
      ['HOST', { HOST: '127.0.0.1' }, (c) => c.host, '127.0.0.1'],
      ['LOG_LEVEL', { LOG_LEVEL: 'debug' }, (c) => c.logLevel, 'debug'],
      [
        'BOT_TYPE any case',
        { BOT_TYPE: 'singletenant', BOT_ID: 'x', BOT_PASSWORD: 'p', BOT_TENANT_ID: 't' },
        (c) => c.bot.type,
        'SingleTenant',
      ],
      [
        'MSI needs no password',
        { BOT_TYPE: 'UserAssignedMSI', BOT_ID: 'x', BOT_TENANT_ID: 't' },
        (c) => c.bot.authEnabled,
        true,
      ],
      ['APPROVAL_TTL_HOURS', { APPROVAL_TTL_HOURS: '720' }, (c) => c.approvalTtlHours, 720],
      ['APPROVALS_ALLOW_SELF yes', { APPROVALS_ALLOW_SELF: 'YES' }, (c) => c.allowSelfApproval, true],
      ['APPROVALS_ALLOW_SELF off', { APPROVALS_ALLOW_SELF: 'off' }, (c) => c.allowSelfApproval, false],
      ['CONFLUENCE_TIMEOUT_MS', { CONFLUENCE_TIMEOUT_MS: '1000' }, (c) => c.confluenceTimeoutMs, 1000],
      ['CONFLUENCE_POLICY', { CONFLUENCE_POLICY: 'update=DENIED' }, (c) => c.policy.update, 'denied'],
      [
        'CONFLUENCE_POLICY keeps defaults',
        { CONFLUENCE_POLICY: 'update=denied' },
        (c) => c.policy.create,
        'confirm',
      ],
      ['SECRET_KEY', { SECRET_KEY: KEY }, (c) => c.secretKeyBase64?.reveal(), KEY],
      [
        'NODE_ENV production',
        { NODE_ENV: 'production', BOT_ID: 'x', BOT_PASSWORD: 'p', BOT_TENANT_ID: 't', SECRET_KEY: KEY },
        (c) => c.production,
        true,
      ],
    ];
  it.each(accepted)('accepts %s', (_name, env, pick, expected) => {
    expect(pick(loadConfig(env))).toEqual(expected);
  });

  const rejected: [string, Record<string, string>, RegExp][] = [
    ['PORT not a number', { PORT: 'http' }, /^PORT must be a whole number from 0 to 65535 \(got "http"\)/],
    ['PORT too big', { PORT: '65536' }, /^PORT must/],
    ['PORT negative', { PORT: '-1' }, /^PORT must/],
    ['PORT fraction', { PORT: '80.5' }, /^PORT must/],
    ['PORT hex', { PORT: '0x50' }, /^PORT must/],
    ['PORT exponent', { PORT: '8e3' }, /^PORT must/],
    [
      'APPROVAL_TTL_HOURS zero',
      { APPROVAL_TTL_HOURS: '0' },
      /^APPROVAL_TTL_HOURS must be a whole number from 1 to 720/,
    ],
    ['APPROVAL_TTL_HOURS over 30 days', { APPROVAL_TTL_HOURS: '721' }, /^APPROVAL_TTL_HOURS/],
    ['CONFLUENCE_TIMEOUT_MS too small', { CONFLUENCE_TIMEOUT_MS: '999' }, /^CONFLUENCE_TIMEOUT_MS/],
    [
      'APPROVALS_ALLOW_SELF maybe',
      { APPROVALS_ALLOW_SELF: 'maybe' },
      /^APPROVALS_ALLOW_SELF must be true or false/,
    ],
    ['LOG_LEVEL unknown', { LOG_LEVEL: 'verbose' }, /^LOG_LEVEL must be one of/],
    [
      'BOT_TYPE unknown',
      { BOT_TYPE: 'Tenantless' },
      /^BOT_TYPE must be one of MultiTenant, SingleTenant, UserAssignedMSI/,
    ],
    [
      'BOT_ID without password',
      { BOT_ID: 'app', BOT_TENANT_ID: 't' },
      /^BOT_PASSWORD is required when BOT_ID is set/,
    ],
    [
      'SingleTenant without tenant',
      { BOT_ID: 'app', BOT_PASSWORD: 'p', BOT_TYPE: 'SingleTenant' },
      /^BOT_TENANT_ID is required/,
    ],
    [
      'SECRET_KEY 16 bytes',
      { SECRET_KEY: Buffer.alloc(16).toString('base64') },
      /^SECRET_KEY must be the base64 encoding of exactly 32/,
    ],
    ['SECRET_KEY 33 bytes', { SECRET_KEY: Buffer.alloc(33).toString('base64') }, /^SECRET_KEY must/],
    ['SECRET_KEY not base64', { SECRET_KEY: `${'!'.repeat(43)}=` }, /^SECRET_KEY must/],
    ['SECRET_KEY hex of 32 bytes', { SECRET_KEY: Buffer.alloc(32, 1).toString('hex') }, /^SECRET_KEY must/],
    [
      'CONFLUENCE_POLICY unknown op',
      { CONFLUENCE_POLICY: 'delete=allowed' },
      /^CONFLUENCE_POLICY: .*unknown operation "delete"/,
    ],
    [
      'CONFLUENCE_POLICY unknown permission',
      { CONFLUENCE_POLICY: 'get=maybe' },
      /^CONFLUENCE_POLICY: .*unknown permission "maybe"/,
    ],
  ];
  it.each(rejected)('rejects %s', (_name, env, pattern) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(pattern);
  });

  it('never echoes the SECRET_KEY value in the problem', () => {
    const bad = Buffer.alloc(31, 9).toString('base64');
    const problems = problemsOf({ SECRET_KEY: bad });
    expect(problems.join('\n')).not.toContain(bad);
  });
});

describe('loadConfig production requirements', () => {
  it('requires BOT_ID and SECRET_KEY', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^BOT_ID must be set in production/);
    expect(problems[1]).toMatch(/^SECRET_KEY must be set in production/);
  });

  it('development needs neither', () => {
    expect(problemsOf({ NODE_ENV: 'development' })).toEqual([]);
  });
});

describe('loadConfig bootstrap connector', () => {
  it('builds the connector with a Secret token and normalised URL', () => {
    const config = loadConfig({
      ...CONNECTOR,
      CONFLUENCE_SITE_URL: 'https://acme.atlassian.net/wiki/',
      CONFLUENCE_SPACES: 'ENG, HR',
      CONFLUENCE_CONNECTOR_NAME: 'acme',
    });
    const connector = config.bootstrapConnector!;
    expect(connector).toMatchObject({
      name: 'acme',
      siteUrl: 'https://acme.atlassian.net',
      email: 'bot@acme.test',
      spaces: ['ENG', 'HR'],
    });
    expect(connector.apiToken.reveal()).toBe('tok-123');
    expect(JSON.stringify(config)).not.toContain('tok-123');
    expect(String(connector.apiToken)).not.toContain('tok-123');
  });

  it('defaults the name to "default"', () => {
    expect(loadConfig(CONNECTOR).bootstrapConnector?.name).toBe('default');
  });

  it.each([
    ['unset', undefined, []],
    ['empty', '', []],
    ['blank', '  ', []],
    ['only commas', ' , ,', []],
    ['star', '*', '*'],
    ['padded star', ' * ', '*'],
    ['personal key', '~5b10ac8d82e05b22cc7d4ef5,ENG', ['~5b10ac8d82e05b22cc7d4ef5', 'ENG']],
  ])('CONFLUENCE_SPACES %s → %j', (_name, raw, expected) => {
    const env = { ...CONNECTOR, ...(raw === undefined ? {} : { CONFLUENCE_SPACES: raw }) };
    expect(loadConfig(env).bootstrapConnector?.spaces).toEqual(expected);
  });

  it.each([
    ['star among keys', 'ENG,*', '*'],
    ['space inside a key', 'ENG,H R', 'H R'],
    ['CQL injection', 'ENG") OR space != "X', 'ENG") OR space != "X'],
    ['look-alike Cyrillic E', 'ЕNG', 'ЕNG'],
    ['zero-width space', 'EN\u200bG', 'EN\u200bG'],
    ['hyphen', 'MY-SPACE', 'MY-SPACE'],
  ])('CONFLUENCE_SPACES rejects %s', (_name, raw, bad) => {
    const problems = problemsOf({ ...CONNECTOR, CONFLUENCE_SPACES: raw });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toBe(`CONFLUENCE_SPACES has invalid space keys: ${bad}.`);
  });

  it.each([
    ['https site', 'https://acme.atlassian.net', 'https://acme.atlassian.net'],
    ['http to 127.0.0.1', 'http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http to localhost', 'http://localhost:9/wiki', 'http://localhost:9'],
    ['http to [::1]', 'http://[::1]:4000', 'http://[::1]:4000'],
    [
      'gateway form',
      'https://api.atlassian.com/ex/confluence/abc-123',
      'https://api.atlassian.com/ex/confluence/abc-123',
    ],
  ])('accepts the site URL: %s', (_name, url, expected) => {
    expect(loadConfig({ ...CONNECTOR, CONFLUENCE_SITE_URL: url }).bootstrapConnector?.siteUrl).toBe(expected);
  });

  it.each([
    ['plain http', 'http://acme.atlassian.net'],
    ['http to a private address', 'http://10.0.0.5'],
    ['http to a loopback look-alike', 'http://127.0.0.1.evil.test'],
    ['credentials', 'https://user:pw@acme.atlassian.net'],
    ['query', 'https://acme.atlassian.net/?x=1'],
    ['fragment', 'https://acme.atlassian.net/#x'],
    ['other path', 'https://acme.atlassian.net/display/ENG'],
    ['not a URL', 'acme.atlassian.net'],
    ['file scheme', 'file:///etc/passwd'],
  ])('rejects the site URL: %s', (_name, url) => {
    const problems = problemsOf({ ...CONNECTOR, CONFLUENCE_SITE_URL: url });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^CONFLUENCE_SITE_URL: .*\(http:\/\/ is accepted only for a loopback host, outside production\)\.$/,
    );
  });

  it.each([
    [
      'only the URL',
      { CONFLUENCE_SITE_URL: CONNECTOR.CONFLUENCE_SITE_URL },
      ['CONFLUENCE_EMAIL', 'CONFLUENCE_API_TOKEN'],
    ],
    [
      'only the email',
      { CONFLUENCE_EMAIL: CONNECTOR.CONFLUENCE_EMAIL },
      ['CONFLUENCE_SITE_URL', 'CONFLUENCE_API_TOKEN'],
    ],
    ['only the token', { CONFLUENCE_API_TOKEN: 'tok-123' }, ['CONFLUENCE_SITE_URL', 'CONFLUENCE_EMAIL']],
  ])('a partial connector (%s) names each missing variable', (_name, env, missing) => {
    const problems = problemsOf(env);
    expect(problems.map((p) => p.split(' ')[0])).toEqual(missing);
    expect(problems.join('\n')).not.toContain('tok-123');
  });

  it('rejects an email without @', () => {
    expect(problemsOf({ ...CONNECTOR, CONFLUENCE_EMAIL: 'bot.acme.test' })).toEqual([
      'CONFLUENCE_EMAIL must be an email address.',
    ]);
  });
});

describe('loadConfig lists every problem at once', () => {
  it('collects all problems into one CONFIG_INVALID error', () => {
    let caught: unknown;
    try {
      loadConfig({
        NODE_ENV: 'production',
        PORT: 'x',
        BOT_TYPE: 'nope',
        SECRET_KEY: 'short',
        CONFLUENCE_SITE_URL: 'http://acme.atlassian.net',
        CONFLUENCE_EMAIL: 'bot@acme.test',
        CONFLUENCE_API_TOKEN: 'SECRET-TOKEN-VALUE',
        CONFLUENCE_SPACES: 'ENG,bad key',
        CONFLUENCE_POLICY: 'create=sometimes',
        APPROVAL_TTL_HOURS: '0',
        APPROVALS_ALLOW_SELF: '2',
        CONFLUENCE_TIMEOUT_MS: 'fast',
        LOG_LEVEL: 'loud',
      });
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught, 'CONFIG_INVALID')).toBe(true);
    const error = caught as Error & { details: { problems: string[] } };
    const names = error.details.problems.map((p) => /^[A-Z_]+/.exec(p)?.[0]);
    expect(names).toEqual([
      'PORT',
      'BOT_TYPE',
      'BOT_ID',
      'SECRET_KEY',
      'CONFLUENCE_SITE_URL',
      'CONFLUENCE_SPACES',
      'CONFLUENCE_POLICY',
      'APPROVAL_TTL_HOURS',
      'APPROVALS_ALLOW_SELF',
      'CONFLUENCE_TIMEOUT_MS',
      'LOG_LEVEL',
    ]);
    expect(error.message.split('\n')).toHaveLength(12);
    expect(error.message).not.toContain('SECRET-TOKEN-VALUE');
  });
});

describe('mergeEnvFiles', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ca-config-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('returns the real environment when there are no files', () => {
    expect(mergeEnvFiles({ A: '1', B: undefined }, dir, 'local')).toEqual({ A: '1' });
  });

  it('fills defaults from the files, the real environment wins, .user overrides the base file', async () => {
    await writeFile(join(dir, '.env.local'), 'PORT=4000\nLOG_LEVEL=debug\nBOT_ID=from-file\n# comment\n');
    await writeFile(join(dir, '.env.local.user'), 'LOG_LEVEL=trace\nSECRET_BOT_PASSWORD="p w"\n');
    const merged = mergeEnvFiles({ PORT: '5000', HOME: '/root' }, dir, 'local');
    expect(merged).toMatchObject({
      PORT: '5000',
      LOG_LEVEL: 'trace',
      BOT_ID: 'from-file',
      BOT_PASSWORD: 'p w',
      SECRET_BOT_PASSWORD: 'p w',
      HOME: '/root',
    });
  });

  it('a real variable beats a SECRET_-mapped file value, even when empty', async () => {
    await writeFile(
      join(dir, '.env.dev.user'),
      'SECRET_BOT_PASSWORD=file\nSECRET_CONFLUENCE_API_TOKEN=file\n',
    );
    const merged = mergeEnvFiles({ BOT_PASSWORD: 'real', CONFLUENCE_API_TOKEN: '' }, dir, 'dev');
    expect(merged.BOT_PASSWORD).toBe('real');
    expect(merged.CONFLUENCE_API_TOKEN).toBe('');
  });

  it('reads only the named environment', async () => {
    await writeFile(join(dir, '.env.dev'), 'PORT=1\n');
    expect(mergeEnvFiles({}, dir, 'local')).toEqual({});
    expect(mergeEnvFiles({}, dir, 'dev')).toEqual({ PORT: '1' });
  });

  it('feeds loadConfig: a merged file config validates like the real environment', async () => {
    await writeFile(
      join(dir, '.env.local'),
      'CONFLUENCE_SITE_URL=http://127.0.0.1:9999\nCONFLUENCE_EMAIL=b@x.test\n',
    );
    await writeFile(join(dir, '.env.local.user'), 'SECRET_CONFLUENCE_API_TOKEN=abc\n');
    const config = loadConfig(mergeEnvFiles({ CONFLUENCE_SPACES: 'ENG' }, dir, 'local'));
    expect(config.bootstrapConnector).toMatchObject({ siteUrl: 'http://127.0.0.1:9999', spaces: ['ENG'] });
    expect(config.bootstrapConnector?.apiToken.reveal()).toBe('abc');
  });
});

/** The committed development profile, as `env/.env.local` has it (the parts that matter here). */
const LOCAL_PROFILE = [
  'DATA_DIR=./data/dev',
  'BOT_ADMINS=00000000-0000-0000-0000-0000000000020,user-id-0',
  'APPROVALS_ALLOW_SELF=true',
  'APPROVALS_BUTTONS_FOR_ALL=true',
].join('\n');

/** A reader over an in-memory directory; records every path asked for. */
function fakeFiles(files: Record<string, string>): { read: EnvFileReader; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    read: (path) => {
      asked.push(path);
      return files[path];
    },
  };
}

describe('readEnvironment: what `npm start` reads (issue 10.3)', () => {
  const envDir = '/app/env';
  const files = {
    '/app/env/.env.local': LOCAL_PROFILE,
    '/app/env/.env.prod': 'NODE_ENV=production\nDATA_DIR=/var/lib/ca\nLOG_LEVEL=warn',
    '/app/env/.env.prod.user': 'SECRET_SECRET_KEY=from-file',
  };
  const PRODUCTION_ENV = { NODE_ENV: 'production', BOT_ID: 'bot', BOT_PASSWORD: 'pw', SECRET_KEY: KEY };

  it('reads no file at all without APP_ENV, so the development profile never applies by itself', () => {
    const fs = fakeFiles(files);
    const { env, problems } = readEnvironment(PRODUCTION_ENV, { envDir, readFile: fs.read });
    expect(fs.asked).toEqual([]);
    expect(problems).toEqual([]);
    expect(env).toEqual(PRODUCTION_ENV);
    const config = loadConfigFromEnvironment(
      { ...PRODUCTION_ENV, BOT_TENANT_ID: 't', BOT_ALLOWED_TENANTS: 't' },
      { envDir, readFile: fs.read, cwd: '/app' },
    );
    expect(config.allowSelfApproval).toBe(false);
    expect(config.approvalButtonsForAll).toBe(false);
    expect(config.admins).toEqual([]);
    expect(config.dataDir).toBe('/app/data');
  });

  it('reads exactly the file APP_ENV names (and its .user twin); the real environment wins', () => {
    const fs = fakeFiles(files);
    const { env } = readEnvironment({ APP_ENV: 'prod', LOG_LEVEL: 'info' }, { envDir, readFile: fs.read });
    expect(fs.asked).toEqual(['/app/env/.env.prod', '/app/env/.env.prod', '/app/env/.env.prod.user']);
    expect(env).toMatchObject({ NODE_ENV: 'production', DATA_DIR: '/var/lib/ca', LOG_LEVEL: 'info' });
    expect(env.SECRET_KEY).toBe('from-file');
  });

  it('applies the development profile only when asked for explicitly', () => {
    const fs = fakeFiles(files);
    const config = loadConfigFromEnvironment(
      { APP_ENV: 'local' },
      { envDir, readFile: fs.read, cwd: '/app' },
    );
    expect(config.allowSelfApproval).toBe(true);
    expect(config.approvalButtonsForAll).toBe(true);
    expect(config.dataDir).toBe('/app/data/dev');
  });

  it('refuses APP_ENV=local with NODE_ENV=production, listed with every other problem', () => {
    const fs = fakeFiles(files);
    let thrown: unknown;
    try {
      loadConfigFromEnvironment({ APP_ENV: 'local', NODE_ENV: 'production' }, { envDir, readFile: fs.read });
    } catch (error) {
      thrown = error;
    }
    expect(isAppError(thrown, 'CONFIG_INVALID')).toBe(true);
    const problems = (thrown as { details: { problems: string[] } }).details.problems;
    expect(problems.some((p) => p.startsWith('APP_ENV=local'))).toBe(true);
    expect(problems.some((p) => p.startsWith('BOT_ID must be set'))).toBe(true);
  });

  it('reports an APP_ENV that names no file, or is not a file name, as a configuration problem', () => {
    const fs = fakeFiles(files);
    expect(readEnvironment({ APP_ENV: 'staging' }, { envDir, readFile: fs.read }).problems).toEqual([
      'APP_ENV=staging, but env/.env.staging does not exist.',
    ]);
    expect(
      readEnvironment({ APP_ENV: '../etc/passwd' }, { envDir, readFile: fs.read }).problems,
    ).toHaveLength(1);
    expect(fs.asked).toEqual(['/app/env/.env.staging']);
    expect(() => loadConfigFromEnvironment({ APP_ENV: 'staging' }, { envDir, readFile: fs.read })).toThrow(
      /env\/\.env\.staging does not exist/,
    );
  });

  it('warns at startup about every weakened safeguard, and about none by default', () => {
    expect(startupWarnings(loadConfig({ BOT_ID: 'b', BOT_PASSWORD: 'p', BOT_TENANT_ID: 't' }))).toEqual([]);
    const warnings = startupWarnings(
      loadConfig({ APPROVALS_ALLOW_SELF: 'true', APPROVALS_BUTTONS_FOR_ALL: '1' }),
    );
    expect(warnings).toHaveLength(3);
    expect(warnings.join('\n')).toMatch(/BOT_ID is not set/);
    expect(warnings.join('\n')).toMatch(/APPROVALS_ALLOW_SELF/);
    expect(warnings.join('\n')).toMatch(/APPROVALS_BUTTONS_FOR_ALL/);
  });
});

describe('loadConfig: Confluence site rules (issue 9.8)', () => {
  const PROD = {
    NODE_ENV: 'production',
    BOT_ID: 'b',
    BOT_PASSWORD: 'p',
    BOT_TENANT_ID: 't',
    SECRET_KEY: KEY,
  };

  it('production allows only Atlassian Cloud by default; loopback only in development', () => {
    expect(loadConfig(PROD).confluenceSites).toEqual({
      allowLoopback: false,
      allowedHosts: ['*.atlassian.net'],
    });
    expect(loadConfig({}).confluenceSites.allowLoopback).toBe(true);
  });

  it('adds the hosts in CONFLUENCE_ALLOWED_HOSTS and refuses malformed ones', () => {
    expect(
      loadConfig({ ...PROD, CONFLUENCE_ALLOWED_HOSTS: 'wiki.contoso.com' }).confluenceSites.allowedHosts,
    ).toEqual(['*.atlassian.net', 'wiki.contoso.com']);
    expect(problemsOf({ CONFLUENCE_ALLOWED_HOSTS: 'https://x.com,10.0.0.1' })).toEqual([
      'CONFLUENCE_ALLOWED_HOSTS takes host names or *.domain wildcards, without scheme, port or IP address (not: https://x.com, 10.0.0.1).',
    ]);
  });

  it.each([
    'https://169.254.169.254',
    'https://2852039166',
    'https://[::ffff:169.254.169.254]',
    'http://127.0.0.1:8090',
    'https://confluence.example.com',
    'https://acme.atlassian.net:8443',
  ])('refuses the bootstrap site %s in production', (url) => {
    const problems = problemsOf({ ...PROD, ...CONNECTOR, CONFLUENCE_SITE_URL: url });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^CONFLUENCE_SITE_URL: /);
  });

  it('never repeats a bootstrap site URL carrying credentials', () => {
    const problems = problemsOf({
      ...CONNECTOR,
      CONFLUENCE_SITE_URL: 'https://me:tok-55aa@acme.atlassian.net',
    });
    expect(problems).toHaveLength(1);
    expect(problems.join()).not.toContain('tok-55aa');
  });

  it('accepts an allowed custom domain for the bootstrap connector in production', () => {
    const config = loadConfig({
      ...PROD,
      ...CONNECTOR,
      CONFLUENCE_SITE_URL: 'https://wiki.contoso.com/wiki',
      CONFLUENCE_ALLOWED_HOSTS: 'wiki.contoso.com',
    });
    expect(config.bootstrapConnector?.siteUrl).toBe('https://wiki.contoso.com');
  });
});

describe('loadConfig: connector display names (issue 10.6)', () => {
  it('accepts a display name with spaces, normalising whitespace', () => {
    const config = loadConfig({ ...CONNECTOR, CONFLUENCE_CONNECTOR_NAME: '  Contoso   Confluence ' });
    expect(config.bootstrapConnector?.name).toBe('Contoso Confluence');
  });

  it.each([
    ['x'.repeat(65), /at most 64/],
    ['bad\u202Ename', /printable/],
    ['tab\tname', /printable/],
  ])('refuses %j', (name, message) => {
    const problems = problemsOf({ ...CONNECTOR, CONFLUENCE_CONNECTOR_NAME: name });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });
});
