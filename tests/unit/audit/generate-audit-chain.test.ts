import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAuditLog, verifyAuditDir } from '../../../bot/audit/audit-log.js';
import { generateAuditChain } from '../../bench/generate-audit-chain.js';
import { buildAuditEvent, makeDataDir } from '../../support/audit-fixtures.js';

describe('generateAuditChain (bench generator)', () => {
  it('writes a chain the verifier accepts and the store continues', async () => {
    const dataDir = await makeDataDir();
    const generated = await generateAuditChain(join(dataDir, 'audit'), 2_500, {
      start: new Date('2025-01-01T23:59:50.000Z'),
      stepMs: 100,
      segmentMaxEntries: 1_000,
    });
    expect(generated.segments).toBe(4);
    await expect(verifyAuditDir(join(dataDir, 'audit'))).resolves.toMatchObject({
      ok: true,
      entries: 2_500,
      headHash: generated.headHash,
    });
    const log = await openAuditLog({ dataDir, clock: () => new Date(generated.lastAt) });
    await expect(log.append(buildAuditEvent())).resolves.toMatchObject({
      seq: 2_501,
      prevHash: generated.headHash,
    });
    await log.close();
  });
});
