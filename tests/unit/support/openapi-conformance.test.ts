import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConfluenceSimulator,
  DEFAULT_ACCOUNTS,
  startConfluenceSimulator,
} from '../../support/confluence-simulator/index.js';
import {
  convertOpenApiSchema,
  resolvePathTemplate,
  validateRequestBody,
  validateResponse,
} from '../../support/openapi/validate-openapi.js';
import { call, searchPath } from './sim-client.js';

const { bot, scoped } = DEFAULT_ACCOUNTS;

describe('OpenAPI validator', () => {
  it('resolves concrete paths to templates, preferring literal ones', () => {
    expect(resolvePathTemplate('v1', '/wiki/rest/api/search?cql=x')).toBe('/wiki/rest/api/search');
    expect(resolvePathTemplate('v1', '/wiki/rest/api/content/search')).toBe('/wiki/rest/api/content/search');
    expect(resolvePathTemplate('v2', '/wiki/api/v2/pages/123')).toBe('/pages/{id}');
    expect(resolvePathTemplate('v2', '/ex/confluence/abc/wiki/api/v2/pages/1/ancestors')).toBe(
      '/pages/{id}/ancestors',
    );
    expect(resolvePathTemplate('v2', '/spaces/{id}')).toBe('/spaces/{id}');
    expect(resolvePathTemplate('v2', '/nothing/here')).toBeUndefined();
  });

  it('reports deliberately wrong bodies', () => {
    const goodSearch = {
      results: [],
      start: 0,
      limit: 25,
      size: 0,
      totalSize: 0,
      cqlQuery: 'type = page',
      searchDuration: 3,
      _links: { base: 'http://x/wiki' },
    };
    expect(validateResponse('v1', 'GET', '/wiki/rest/api/search', 200, goodSearch)).toEqual([]);
    const { totalSize: _t, ...noTotal } = goodSearch;
    expect(validateResponse('v1', 'GET', '/wiki/rest/api/search', 200, noTotal)).toEqual([
      "/ must have required property 'totalSize'",
    ]);
    const badResult = { ...goodSearch, results: [{ title: 'x', excerpt: '', url: '/x' }] };
    expect(validateResponse('v1', 'GET', '/wiki/rest/api/search', 200, badResult).length).toBeGreaterThan(0);
    const badPage = { id: 42, status: 'live', version: { number: '3' } };
    expect(validateResponse('v2', 'GET', '/wiki/api/v2/pages/42', 200, badPage)).toEqual(
      expect.arrayContaining(['/id must be string', '/version/number must be integer']),
    );
    expect(
      validateResponse('v2', 'GET', '/pages/{id}', 200, badPage).some((e) => e.startsWith('/status')),
    ).toBe(true);
  });

  it('accepts nullable fields and flags undocumented statuses and paths', () => {
    const user = { type: 'known', accountId: null, email: null, displayName: null };
    expect(validateResponse('v1', 'GET', '/wiki/rest/api/user/current', 200, user)).toEqual([]);
    expect(validateResponse('v1', 'GET', '/wiki/rest/api/user/current', 200, { type: 'robot' })).not.toEqual(
      [],
    );
    expect(validateResponse('v2', 'GET', '/pages/1', 299, {})[0]).toContain('not documented');
    expect(validateResponse('v2', 'GET', '/nope', 200, {})[0]).toContain('no v2 path template');
    expect(validateResponse('v2', 'PATCH', '/pages/1', 200, {})[0]).toContain('not an operation');
  });

  it('validates request bodies the bot sends', () => {
    const create = {
      spaceId: '1',
      status: 'current',
      title: 'T',
      body: { representation: 'storage', value: '<p/>' },
    };
    expect(validateRequestBody('v2', 'POST', '/wiki/api/v2/pages', create)).toEqual([]);
    expect(validateRequestBody('v2', 'POST', '/wiki/api/v2/pages', { ...create, spaceId: 1 })).toEqual([
      '/spaceId must be string',
    ]);
    const update = { id: '1', status: 'current', title: 'T', body: create.body, version: { number: 2 } };
    expect(validateRequestBody('v2', 'PUT', '/wiki/api/v2/pages/1', update)).toEqual([]);
    const { version: _v, ...noVersion } = update;
    expect(validateRequestBody('v2', 'PUT', '/wiki/api/v2/pages/1', noVersion)).toEqual([
      "/ must have required property 'version'",
    ]);
    expect(validateRequestBody('v2', 'GET', '/wiki/api/v2/pages/1', {})[0]).toContain(
      'takes no JSON request body',
    );
  });

  it('converts OpenAPI 3.0 specifics to JSON Schema', () => {
    const converted = convertOpenApiSchema(
      {
        type: 'object',
        nullable: true,
        example: { a: 1 },
        'x-atlassian-extra': true,
        properties: {
          when: { type: 'string', format: 'date-time', nullable: true },
          kind: { format: 'string' },
        },
        oneOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' }],
      },
      'spec',
    );
    expect(converted).toEqual({
      type: ['object', 'null'],
      properties: { when: { type: ['string', 'null'], format: 'date-time' }, kind: {} },
      anyOf: [{ $ref: 'spec#/definitions/A' }, { $ref: 'spec#/definitions/B' }],
    });
    expect(convertOpenApiSchema({ $ref: '#/components/schemas/A', nullable: true }, 's')).toEqual({
      anyOf: [{ $ref: 's#/definitions/A' }, { type: 'null' }],
    });
  });
});

describe('simulator responses conform to the specs', () => {
  let sim: ConfluenceSimulator;

  beforeAll(async () => {
    sim = await startConfluenceSimulator({ validateResponses: true });
  });

  afterAll(async () => {
    await sim.close();
  });

  it('exercises every route on the site URL and behind the gateway without a schema violation', async () => {
    const prefixes: Array<[string, typeof bot]> = [
      ['', bot],
      [`/ex/confluence/${sim.cloudId}`, scoped],
    ];
    for (const [prefix, account] of prefixes) {
      const get = async (path: string): Promise<unknown> => {
        const response = await call(sim, 'GET', `${prefix}${path}`, { account });
        expect([path, response.status]).toEqual([path, 200]);
        return response.json;
      };
      await get('/wiki/rest/api/user/current');
      for (const excerpt of ['highlight', 'indexed', 'none', 'highlight_unescaped', 'indexed_unescaped']) {
        await get(
          searchPath('type = page AND text ~ "policy"', {
            excerpt,
            expand: 'content.space,content.version,content.history',
            limit: '3',
          }),
        );
      }
      await get(searchPath('type = page ORDER BY created DESC', { start: '5', limit: '5' }));
      await get(
        `/wiki/rest/api/content/search?${new URLSearchParams({ cql: 'space = HR', expand: 'space,version' })}`,
      );
      const spaces = (await get('/wiki/api/v2/spaces?limit=2')) as {
        results: Array<{ id: string; homepageId: string }>;
      };
      await get('/wiki/api/v2/spaces?keys=ENG,HR&description-format=plain');
      const space = spaces.results[0];
      await get(`/wiki/api/v2/spaces/${space?.id}`);
      await get(`/wiki/api/v2/pages?space-id=${space?.id}&body-format=storage&limit=5&sort=-modified-date`);
      const runbook = sim.findPageByTitle('OPS', 'Runbook: Kafka Consumer Lag');
      await get(`/wiki/api/v2/pages/${runbook?.id}`);
      await get(`/wiki/api/v2/pages/${runbook?.id}?body-format=storage&include-version=false`);
      await get(`/wiki/api/v2/pages/${runbook?.id}?version=1&body-format=storage`);
      await get(`/wiki/api/v2/pages/${runbook?.id}/ancestors`);
      const title = `Conformance ${prefix === '' ? 'site' : 'gateway'}`;
      const createBody = {
        spaceId: space?.id,
        status: 'current',
        title,
        parentId: space?.homepageId,
        body: { representation: 'storage', value: '<p>x</p>' },
      };
      const created = await call(sim, 'POST', `${prefix}/wiki/api/v2/pages`, { account, body: createBody });
      expect(created.status).toBe(200);
      const id = (created.json as { id: string }).id;
      const updateBody = {
        id,
        status: 'current',
        title,
        body: { representation: 'storage', value: '<p>y</p>' },
        version: { number: 2, message: 'conformance' },
      };
      const updated = await call(sim, 'PUT', `${prefix}/wiki/api/v2/pages/${id}`, {
        account,
        body: updateBody,
      });
      expect(updated.status).toBe(200);
    }
    const tenant = await call(sim, 'GET', '/_edge/tenant_info');
    expect(tenant.status).toBe(200);
    expect(sim.schemaViolations).toEqual([]);
    for (const request of sim.requests.filter((r) => r.method === 'POST' || r.method === 'PUT')) {
      expect(validateRequestBody('v2', request.method, request.path, request.body)).toEqual([]);
    }
    expect(sim.requests.filter((r) => r.status === 200)).toHaveLength(37);
  });
});
