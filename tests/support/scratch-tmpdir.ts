import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Vitest global setup: every test run gets one scratch folder, and the temporary folders tests make
 * (`mkdtemp(tmpdir())` in stores, audit, crash and build tests, and in the child processes they start)
 * land inside it, because TMPDIR points there before the test workers start. Teardown removes the
 * folder, so a run leaves nothing behind in the machine's /tmp even when a test forgets to clean up.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const scratch = await mkdtemp(join(tmpdir(), 'confluence-assistant-tests-'));
  process.env.TMPDIR = scratch;
  return async () => {
    await rm(scratch, { recursive: true, force: true });
  };
}
