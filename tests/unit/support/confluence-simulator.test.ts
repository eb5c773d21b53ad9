import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConfluenceSimulator,
  DEFAULT_ACCOUNTS,
  DUPLICATE_TITLE_MESSAGE,
  startConfluenceSimulator,
} from '../../support/confluence-simulator/index.js';
import { call } from './sim-client.js';

const { bot, limited, noAccess, scoped } = DEFAULT_ACCOUNTS;

interface PageBody {
  id: string;
  title: string;
  spaceId: string;
  parentId?: string;
  version?: { number: number; message: string; authorId: string };
  body?: { storage?: { value: string; representation: string } };
  _links: { webui: string; base?: string };
}

interface ErrorsBody {
  errors: Array<{ status: number; code: string; title: string; detail: string | null }>;
}

let sim: ConfluenceSimulator;
let hrId: string;
let hrHomeId: string;
let engId: string;

beforeAll(async () => {
  sim = await startConfluenceSimulator();
  const spaces = await call(sim, 'GET', '/wiki/api/v2/spaces?keys=HR,ENG', { account: bot });
  const results = (spaces.json as { results: Array<{ id: string; key: string; homepageId: string }> })
    .results;
  hrId = results.find((s) => s.key === 'HR')?.id ?? '';
  hrHomeId = results.find((s) => s.key === 'HR')?.homepageId ?? '';
  engId = results.find((s) => s.key === 'ENG')?.id ?? '';
});

afterAll(async () => {
  expect(sim.schemaViolations).toEqual([]);
  await sim.close();
});

describe('auth', () => {
  it('answers 401 without credentials and with a wrong token', async () => {
    expect((await call(sim, 'GET', '/wiki/api/v2/spaces')).status).toBe(401);
    const wrong = await call(sim, 'GET', '/wiki/api/v2/spaces', { account: { ...bot, apiToken: 'nope' } });
    expect(wrong.status).toBe(401);
  });

  it('answers 403 with the observed body for an account without product access', async () => {
    const response = await call(sim, 'GET', '/wiki/rest/api/user/current', { account: noAccess });
    expect(response.status).toBe(403);
    expect(response.json).toEqual({
      message: 'Current user not permitted to use Confluence',
      statusCode: 403,
    });
  });

  it('rejects a scoped token on the site URL and accepts it through the gateway prefix', async () => {
    expect((await call(sim, 'GET', '/wiki/rest/api/user/current', { account: scoped })).status).toBe(401);
    const tenant = await call(sim, 'GET', '/_edge/tenant_info');
    expect(tenant.json).toEqual({ cloudId: sim.cloudId });
    const viaGateway = await call(sim, 'GET', `/ex/confluence/${sim.cloudId}/wiki/rest/api/user/current`, {
      account: scoped,
    });
    expect(viaGateway.status).toBe(200);
    expect((viaGateway.json as { email: string }).email).toBe(scoped.email);
    const wrongCloud = await call(sim, 'GET', '/ex/confluence/not-this-one/wiki/rest/api/user/current', {
      account: scoped,
    });
    expect(wrongCloud.status).toBe(404);
  });

  it('records the account email and never the token', async () => {
    await call(sim, 'GET', '/wiki/rest/api/user/current', { account: bot });
    const last = sim.requests[sim.requests.length - 1];
    expect(last).toMatchObject({
      method: 'GET',
      path: '/wiki/rest/api/user/current',
      account: bot.email,
      status: 200,
    });
    expect(JSON.stringify(sim.requests)).not.toContain(bot.apiToken);
  });
});

describe('v1 user and removed content routes', () => {
  it('returns the current user', async () => {
    const response = await call(sim, 'GET', '/wiki/rest/api/user/current', { account: bot });
    expect(response.json).toMatchObject({
      type: 'known',
      accountId: bot.accountId,
      displayName: bot.displayName,
    });
  });

  it.each([
    ['GET', '/wiki/rest/api/content'],
    ['POST', '/wiki/rest/api/content'],
    ['GET', '/wiki/rest/api/content/1048577'],
    ['PUT', '/wiki/rest/api/content/1048577'],
  ])('%s %s is gone (410)', async (method, path) => {
    const response = await call(sim, method, path, {
      account: bot,
      ...(method === 'GET' ? {} : { body: {} }),
    });
    expect(response.status).toBe(410);
    expect((response.json as { message: string }).message).toContain('GoneException');
    expect(response.json).toMatchObject({ statusCode: 410, reason: 'Gone' });
  });
});

describe('v2 spaces', () => {
  it('returns only visible spaces and leaves unknown keys out', async () => {
    const response = await call(sim, 'GET', '/wiki/api/v2/spaces?keys=HR,LEGAL,NOPE,~jdoe', { account: bot });
    const keys = (response.json as { results: Array<{ key: string }> }).results.map((s) => s.key).sort();
    expect(keys).toEqual(['HR', '~jdoe']);
    const forLimited = await call(sim, 'GET', '/wiki/api/v2/spaces', { account: limited });
    expect((forLimited.json as { results: Array<{ key: string }> }).results.map((s) => s.key)).toEqual([
      'HR',
    ]);
  });

  it('pages with a cursor, a Link header and _links.next', async () => {
    const first = await call(sim, 'GET', '/wiki/api/v2/spaces?limit=2', { account: bot });
    const body = first.json as { results: Array<{ key: string }>; _links: { next?: string; base: string } };
    expect(body.results).toHaveLength(2);
    expect(body._links.base).toBe(`${sim.url}/wiki`);
    expect(body._links.next).toMatch(/^\/wiki\/api\/v2\/spaces\?.*cursor=/);
    expect(first.headers.get('link')).toContain('rel="next"');
    const keys = body.results.map((s) => s.key);
    let next = body._links.next;
    while (next) {
      const page = await call(sim, 'GET', next, { account: bot });
      const pageBody = page.json as { results: Array<{ key: string }>; _links: { next?: string } };
      keys.push(...pageBody.results.map((s) => s.key));
      next = pageBody._links.next;
    }
    expect(keys).toEqual(['ENG', 'HR', 'OPS', 'SALES', '~jdoe']);
  });

  it('rejects a limit outside 1..250 and a forged cursor', async () => {
    expect((await call(sim, 'GET', '/wiki/api/v2/spaces?limit=0', { account: bot })).status).toBe(400);
    expect((await call(sim, 'GET', '/wiki/api/v2/spaces?limit=251', { account: bot })).status).toBe(400);
    expect((await call(sim, 'GET', '/wiki/api/v2/spaces?cursor=garbage', { account: bot })).status).toBe(400);
  });

  it('gets one space by id; hidden spaces are 404 and bad ids 400', async () => {
    const ok = await call(sim, 'GET', `/wiki/api/v2/spaces/${hrId}`, { account: bot });
    expect(ok.json).toMatchObject({ key: 'HR', homepageId: hrHomeId, _links: { base: `${sim.url}/wiki` } });
    const hidden = await call(sim, 'GET', `/wiki/api/v2/spaces/${engId}`, { account: limited });
    expect(hidden.status).toBe(404);
    expect((await call(sim, 'GET', '/wiki/api/v2/spaces/abc', { account: bot })).status).toBe(400);
  });
});

describe('v2 get page', () => {
  it('returns no body without body-format and storage with it', async () => {
    const page = sim.findPageByTitle('HR', 'Parental Leave Policy');
    expect(page).toBeDefined();
    const bare = await call(sim, 'GET', `/wiki/api/v2/pages/${page?.id}`, { account: bot });
    const bareBody = bare.json as PageBody;
    expect(bareBody.body).toBeUndefined();
    expect(bareBody.version?.number).toBe(page?.version);
    expect(bareBody._links.webui).toBe(`/spaces/HR/pages/${page?.id}/Parental+Leave+Policy`);
    expect(bareBody._links.base).toBe(`${sim.url}/wiki`);
    const withBody = await call(sim, 'GET', `/wiki/api/v2/pages/${page?.id}?body-format=storage`, {
      account: bot,
    });
    expect((withBody.json as PageBody).body?.storage?.value).toContain('16 weeks of paid parental leave');
  });

  it('answers 404 identically for missing pages, hidden pages and hidden spaces', async () => {
    const hidden = sim.findPageByTitle('HR', 'Salary Bands 2025');
    const legal = sim.findPageByTitle('LEGAL', 'Contract Templates');
    const bodies = [];
    for (const id of ['999999999', hidden?.id, legal?.id]) {
      const response = await call(sim, 'GET', `/wiki/api/v2/pages/${id}?body-format=storage`, {
        account: bot,
      });
      expect(response.status).toBe(404);
      bodies.push(response.text);
    }
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0] ?? '')).toEqual({
      errors: [{ status: 404, code: 'NOT_FOUND', title: 'Not Found', detail: null }],
    });
  });

  it('answers 400 INVALID_REQUEST_PARAMETER for a non-numeric id', async () => {
    const response = await call(sim, 'GET', '/wiki/api/v2/pages/abc', { account: bot });
    expect(response.status).toBe(400);
    expect((response.json as ErrorsBody).errors[0]?.code).toBe('INVALID_REQUEST_PARAMETER');
    expect((response.json as ErrorsBody).errors[0]?.title).toContain("Provided value {abc} for 'id'");
  });

  it('returns ancestors root first and lists pages by exact title', async () => {
    const page = sim.findPageByTitle('OPS', 'Runbook: Database Failover');
    const response = await call(sim, 'GET', `/wiki/api/v2/pages/${page?.id}/ancestors`, { account: bot });
    const ids = (response.json as { results: Array<{ id: string; type: string }> }).results.map((a) => a.id);
    const home = sim.findPageByTitle('OPS', 'IT & Operations Home');
    const runbooks = sim.findPageByTitle('OPS', 'Incident Runbooks');
    expect(ids).toEqual([home?.id, runbooks?.id]);
    const opsId = home?.spaceId ?? '';
    const title = encodeURIComponent('Runbook: Database Failover');
    const byTitle = await call(
      sim,
      'GET',
      `/wiki/api/v2/pages?space-id=${opsId}&title=${title}&body-format=storage`,
      {
        account: bot,
      },
    );
    const results = (byTitle.json as { results: PageBody[] }).results;
    expect(results.map((r) => r.id)).toEqual([page?.id]);
    expect(results[0]?.body?.storage?.value).toContain('patronictl');
    const partial = await call(sim, 'GET', `/wiki/api/v2/pages?space-id=${opsId}&title=Runbook`, {
      account: bot,
    });
    expect((partial.json as { results: unknown[] }).results).toEqual([]);
  });

  it('serves an older version on request', async () => {
    const page = sim.findPageByTitle('HR', 'Expense Policy');
    const response = await call(sim, 'GET', `/wiki/api/v2/pages/${page?.id}?version=1&body-format=storage`, {
      account: bot,
    });
    expect((response.json as PageBody).version?.number).toBe(1);
    expect((response.json as PageBody).body?.storage?.value).toContain('Draft 1');
  });
});

describe('v2 create page', () => {
  it('creates under the homepage by default and returns 200 PageSingle', async () => {
    const response = await call(sim, 'POST', '/wiki/api/v2/pages', {
      account: bot,
      body: {
        spaceId: hrId,
        status: 'current',
        title: 'Team Offsite 2025',
        body: { representation: 'storage', value: '<p>Lisbon &amp; Porto&nbsp;in May.</p>' },
      },
    });
    expect(response.status).toBe(200);
    const page = response.json as PageBody;
    expect(page).toMatchObject({ title: 'Team Offsite 2025', spaceId: hrId, parentId: hrHomeId });
    expect(page.version?.number).toBe(1);
    expect(page.version?.authorId).toBe(bot.accountId);
    expect(page.body).toBeUndefined();
    expect(sim.getPage(page.id)?.storage).toBe('<p>Lisbon &amp; Porto&nbsp;in May.</p>');
  });

  it('accepts the nested body form and an explicit parent in the same space', async () => {
    const parent = sim.findPageByTitle('HR', 'Onboarding');
    const response = await call(sim, 'POST', '/wiki/api/v2/pages', {
      account: bot,
      body: {
        spaceId: hrId,
        title: 'Buddy Programme',
        parentId: parent?.id,
        body: { storage: { representation: 'storage', value: '<p>Buddies</p>' } },
      },
    });
    expect(response.status).toBe(200);
    expect((response.json as PageBody).parentId).toBe(parent?.id);
  });

  it('rejects a duplicate title with the documented 400 text (case-insensitive, hidden pages included)', async () => {
    for (const title of ['Expense Policy', 'expense policy', 'Salary Bands 2025']) {
      const response = await call(sim, 'POST', '/wiki/api/v2/pages', {
        account: bot,
        body: { spaceId: hrId, title, body: { representation: 'storage', value: '<p>x</p>' } },
      });
      expect(response.status).toBe(400);
      expect((response.json as ErrorsBody).errors[0]?.title).toBe(DUPLICATE_TITLE_MESSAGE);
    }
  });

  it.each([
    ['unclosed tag', '<p>Hello'],
    ['bare br', '<p>a<br>b</p>'],
    ['bare ampersand', '<p>R&D</p>'],
    ['unknown entity', '<p>&bogus;</p>'],
    ['unquoted attribute', '<a href=x>y</a>'],
    ['unknown prefix', '<foo:bar/>'],
    ['mismatched end', '<p><strong>x</p></strong>'],
  ])('rejects storage that is not well-formed (%s)', async (_name, value) => {
    const response = await call(sim, 'POST', '/wiki/api/v2/pages', {
      account: bot,
      body: { spaceId: hrId, title: `Bad ${value}`, body: { representation: 'storage', value } },
    });
    expect(response.status).toBe(400);
    expect((response.json as ErrorsBody).errors[0]?.title).toMatch(/^Error parsing xhtml/);
  });

  it('answers 404 for a hidden space or a parent in another space, 400 for bad input', async () => {
    const legal = await call(sim, 'GET', '/wiki/api/v2/spaces?keys=LEGAL', { account: limited });
    expect((legal.json as { results: unknown[] }).results).toEqual([]);
    const legalPage = sim.findPageByTitle('LEGAL', 'Contract Templates');
    const hiddenSpace = await call(sim, 'POST', '/wiki/api/v2/pages', {
      account: bot,
      body: {
        spaceId: legalPage?.spaceId,
        title: 'Sneaky',
        body: { representation: 'storage', value: '<p/>' },
      },
    });
    expect(hiddenSpace.status).toBe(404);
    const engPage = sim.findPageByTitle('ENG', 'Feature Flags');
    const foreignParent = await call(sim, 'POST', '/wiki/api/v2/pages', {
      account: bot,
      body: {
        spaceId: hrId,
        title: 'Wrong parent',
        parentId: engPage?.id,
        body: { representation: 'storage', value: '<p/>' },
      },
    });
    expect(foreignParent.status).toBe(404);
    const noTitle = await call(sim, 'POST', '/wiki/api/v2/pages', { account: bot, body: { spaceId: hrId } });
    expect(noTitle.status).toBe(400);
    const noSpace = await call(sim, 'POST', '/wiki/api/v2/pages', { account: bot, body: { title: 'x' } });
    expect(noSpace.status).toBe(400);
    const badJson = await call(sim, 'POST', '/wiki/api/v2/pages', { account: bot, rawBody: '{"spaceId":' });
    expect(badJson.status).toBe(400);
  });

  it('answers 413 for a body over 5 MB', async () => {
    const value = `<p>${'x'.repeat(5 * 1024 * 1024)}</p>`;
    const response = await call(sim, 'POST', '/wiki/api/v2/pages', {
      account: bot,
      body: { spaceId: hrId, title: 'Huge', body: { representation: 'storage', value } },
    });
    expect(response.status).toBe(413);
    expect(sim.findPageByTitle('HR', 'Huge')).toBeUndefined();
  });
});

describe('v2 update page', () => {
  function updateBody(id: string, title: string, value: string, number: number): Record<string, unknown> {
    return {
      id,
      status: 'current',
      title,
      body: { representation: 'storage', value },
      version: { number, message: 'bot edit' },
    };
  }

  it('updates with current+1 and bumps the version', async () => {
    const page = sim.findPageByTitle('OPS', 'Wi-Fi and Printers');
    if (!page) throw new Error('seed page missing');
    const response = await call(sim, 'PUT', `/wiki/api/v2/pages/${page.id}`, {
      account: bot,
      body: updateBody(page.id, page.title, '<p>New Wi-Fi: Northwind-5G.</p>', page.version + 1),
    });
    expect(response.status).toBe(200);
    expect((response.json as PageBody).version).toMatchObject({
      number: page.version + 1,
      message: 'bot edit',
    });
    expect(sim.getPage(page.id)?.storage).toBe('<p>New Wi-Fi: Northwind-5G.</p>');
  });

  it('answers 409 with the observed body when the version is stale (someone edited in the browser)', async () => {
    const page = sim.findPageByTitle('OPS', 'Laptop Setup');
    if (!page) throw new Error('seed page missing');
    const edited = sim.editPageAsHuman(page.id, '<p>Edited by a human.</p>');
    expect(edited.version).toBe(page.version + 1);
    const response = await call(sim, 'PUT', `/wiki/api/v2/pages/${page.id}`, {
      account: bot,
      body: updateBody(page.id, page.title, '<p>Bot edit</p>', page.version + 1),
    });
    expect(response.status).toBe(409);
    expect(response.json).toEqual({
      errors: [
        {
          status: 409,
          code: 'CONFLICT',
          title: `Version must be incremented when updating a page. Current Version: [${edited.version}]. Provided version: [${page.version + 1}]`,
          detail: null,
        },
      ],
    });
    expect(sim.getPage(page.id)?.storage).toBe('<p>Edited by a human.</p>');
  });

  it('answers 400 without a version, 409 when renaming onto another title, 404 for hidden pages', async () => {
    const page = sim.findPageByTitle('ENG', 'Team Rituals');
    const hidden = sim.findPageByTitle('ENG', 'Security Incident Postmortem 2024-11');
    if (!page || !hidden) throw new Error('seed page missing');
    const { version: _v, ...noVersion } = updateBody(page.id, page.title, '<p>x</p>', 2);
    const missing = await call(sim, 'PUT', `/wiki/api/v2/pages/${page.id}`, {
      account: bot,
      body: noVersion,
    });
    expect(missing.status).toBe(400);
    const rename = await call(sim, 'PUT', `/wiki/api/v2/pages/${page.id}`, {
      account: bot,
      body: updateBody(page.id, 'Feature Flags', '<p>x</p>', page.version + 1),
    });
    expect(rename.status).toBe(409);
    expect((rename.json as ErrorsBody).errors[0]?.title).toBe(DUPLICATE_TITLE_MESSAGE);
    const forbidden = await call(sim, 'PUT', `/wiki/api/v2/pages/${hidden.id}`, {
      account: bot,
      body: updateBody(hidden.id, hidden.title, '<p>x</p>', hidden.version + 1),
    });
    expect(forbidden.status).toBe(404);
    expect(sim.getPage(page.id)?.version).toBe(page.version);
  });
});
