import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConfluenceSimulator,
  DEFAULT_ACCOUNTS,
  startConfluenceSimulator,
} from '../../support/confluence-simulator/index.js';
import { resolveOpenApiDir } from '../../support/openapi/validate-openapi.js';
import { call } from './sim-client.js';

describe('simulator response validation', () => {
  let dir: string;
  let sim: ConfluenceSimulator;
  const previous = process.env.CONFLUENCE_OPENAPI_DIR;

  beforeAll(async () => {
    const source = resolveOpenApiDir();
    dir = await mkdtemp(path.join(os.tmpdir(), 'openapi-'));
    const v1 = JSON.parse(await readFile(path.join(source, 'confluence-v1.openapi.json'), 'utf8'));
    v1.components.schemas.User.required = ['type', 'favouriteColour'];
    await writeFile(path.join(dir, 'confluence-v1.openapi.json'), JSON.stringify(v1));
    await writeFile(
      path.join(dir, 'confluence-v2.openapi.json'),
      await readFile(path.join(source, 'confluence-v2.openapi.json'), 'utf8'),
    );
    process.env.CONFLUENCE_OPENAPI_DIR = dir;
    sim = await startConfluenceSimulator();
  });

  afterAll(async () => {
    await sim.close();
    if (previous === undefined) delete process.env.CONFLUENCE_OPENAPI_DIR;
    else process.env.CONFLUENCE_OPENAPI_DIR = previous;
    await rm(dir, { recursive: true, force: true });
  });

  it('records a violation when a 2xx answer does not match the (altered) spec', async () => {
    expect(resolveOpenApiDir()).toBe(path.resolve(dir));
    const response = await call(sim, 'GET', '/wiki/rest/api/user/current', { account: DEFAULT_ACCOUNTS.bot });
    expect(response.status).toBe(200);
    expect(sim.schemaViolations).toEqual([
      "GET /wiki/rest/api/user/current 200: / must have required property 'favouriteColour'",
    ]);
  });

  it('does not validate when validateResponses is false', async () => {
    const quiet = await startConfluenceSimulator({ validateResponses: false });
    try {
      await call(quiet, 'GET', '/wiki/rest/api/user/current', { account: DEFAULT_ACCOUNTS.bot });
      expect(quiet.schemaViolations).toEqual([]);
    } finally {
      await quiet.close();
    }
  });
});
