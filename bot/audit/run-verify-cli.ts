import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadVerifierAnchorKey } from './anchor-key.js';
import { verifyAuditDir } from './verify-chain.js';

/** What the CLI prints and its exit code; kept pure so tests need no child process. */
export interface VerifyCliResult {
  readonly exitCode: 0 | 1 | 2;
  readonly output: string;
}

const USAGE = 'usage: npm run audit:verify [-- --data-dir DIR]   (default: $DATA_DIR or ./data)';

function pickDataDir(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): string | Error {
  let dataDir = env.DATA_DIR !== undefined && env.DATA_DIR !== '' ? env.DATA_DIR : './data';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--data-dir') {
      const value = argv[i + 1];
      if (value === undefined || value === '') return new Error('--data-dir needs a directory');
      dataDir = value;
      i += 1;
    } else if (arg.startsWith('--data-dir=')) {
      dataDir = arg.slice('--data-dir='.length);
    } else {
      return new Error(`unknown argument ${arg}`);
    }
  }
  return dataDir;
}

/**
 * The `audit:verify` command as a function of its arguments and environment (DATA_DIR and
 * SECRET_KEY are read; without SECRET_KEY the development key file `<data dir>/secret.key` is used
 * when present). With a key it also checks the chain against its MAC'd anchors (a cut tail or a
 * re-hashed chain fails); without one it checks the chain and says plainly that the anchors were
 * not checked. Exit 0 when intact; 1 naming the first broken seq and file (or what the anchors
 * contradict), or when there is no audit directory; 2 for bad arguments. Never throws for bad
 * content; never prints the key.
 */
export async function runVerifyCli(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Promise<VerifyCliResult> {
  const dataDir = pickDataDir(argv, env);
  if (dataDir instanceof Error) return { exitCode: 2, output: `audit:verify: ${dataDir.message}\n${USAGE}` };
  const auditDir = resolve(join(dataDir, 'audit'));
  const found = await stat(auditDir).catch(() => undefined);
  if (found === undefined || !found.isDirectory()) {
    return { exitCode: 1, output: `audit:verify: no audit directory at ${auditDir}` };
  }
  const key = await loadVerifierAnchorKey(env, dataDir);
  const started = performance.now();
  const result = await verifyAuditDir(auditDir, key.kind === 'key' ? { anchorKey: key.anchorKey } : {});
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (result.ok) {
    const anchor = result.anchor.checked
      ? `anchors OK — the chain matches the anchored head at seq ${result.anchor.anchoredSeq}${result.anchor.anchoredAt ? ` (${result.anchor.anchoredAt})` : ''}; ${result.anchor.unanchored} newer entries not anchored yet`
      : `anchors NOT checked (${key.kind === 'none' ? key.reason : result.anchor.reason}): a cut tail or a re-hashed chain would go unnoticed; set SECRET_KEY to check them`;
    const torn = result.tornTail
      ? `\naudit:verify: the newest segment ${result.tornTail.file} ends in a torn write (${result.tornTail.droppedBytes} bytes after its last whole entry, from a crash mid-append); the bot cuts them off when it next opens the log`
      : '';
    return {
      exitCode: 0,
      output: `audit:verify: OK — ${result.entries} entries in ${result.segments} segments, chain intact, head ${result.headHash} (${seconds} s)\naudit:verify: ${anchor}${torn}`,
    };
  }
  return {
    exitCode: 1,
    output: `audit:verify: BROKEN at seq ${result.seq} in ${result.file}: ${result.reason}`,
  };
}
