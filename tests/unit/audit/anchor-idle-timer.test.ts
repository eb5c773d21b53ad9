import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { deriveAuditAnchorKey, openAuditLog } from '../../../bot/audit/audit-log.js';
import type { AuditEventInput } from '../../../bot/audit/types.js';

const EVENT: AuditEventInput = {
  actor: { id: 'u', name: 'U' },
  conversationId: 'c',
  connector: 'none',
  operation: 'test',
  target: {},
  decision: 'n/a',
  outcome: 'ok',
};

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/**
 * Regression: when the anchor delay timer fired after a flush had already anchored the head, the
 * anchor task finished synchronously and left a settled promise behind; the next flush then spun on
 * it forever (100 % CPU, no timer ever ran again).
 */
it('flush still resolves after the anchor timer fires with nothing left to anchor', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'ca-anchor-idle-'));
  dirs.push(dataDir);
  const log = await openAuditLog({
    dataDir,
    anchorKey: deriveAuditAnchorKey(Buffer.alloc(32, 7)),
    anchorDelayMs: 5,
  });
  await log.append(EVENT);
  await log.flush();
  await new Promise((resolve) => setTimeout(resolve, 50));
  await log.append(EVENT);
  await log.flush();
  expect(log.head().seq).toBe(2);
  expect((await log.verify()).ok).toBe(true);
  await log.close();
});
