import { chmod, lstat, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../logger.js';

/** Mode of DATA_DIR and every directory under it: owner only. */
export const DATA_DIR_MODE = 0o700;
/** Mode of every file under DATA_DIR (stores, audit segments, exports, the development key). */
export const DATA_FILE_MODE = 0o600;

/** How deep the startup walk goes (DATA_DIR/audit/segment, DATA_DIR/exports/file, a little slack). */
const MAX_DEPTH = 4;

/** What `secureDataDir` changed. */
export interface SecureDataDirResult {
  readonly directories: number;
  readonly files: number;
}

/**
 * Creates DATA_DIR if needed and makes it and everything in it private to the bot's user:
 * directories 0700, regular files 0600. `mkdir`'s mode applies only to directories it creates, and
 * files written before this rule (or by lowdb, whose temp files follow the umask) may be 0644: this
 * repairs a DATA_DIR that already existed. Symbolic links are neither followed nor changed. Logs one
 * line when anything was repaired. Throws the I/O error when DATA_DIR cannot be created or changed.
 */
export async function secureDataDir(dataDir: string, logger?: Logger): Promise<SecureDataDirResult> {
  await mkdir(dataDir, { recursive: true, mode: DATA_DIR_MODE });
  let directories = 0;
  let files = 0;

  const visit = async (path: string, depth: number): Promise<void> => {
    let info: Awaited<ReturnType<typeof lstat>>;
    try {
      info = await lstat(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    if (info.isDirectory()) {
      if ((info.mode & 0o777) !== DATA_DIR_MODE) {
        await chmod(path, DATA_DIR_MODE);
        directories += 1;
      }
      if (depth >= MAX_DEPTH) return;
      for (const name of await readdir(path)) await visit(join(path, name), depth + 1);
    } else if (info.isFile() && (info.mode & 0o777) !== DATA_FILE_MODE) {
      await chmod(path, DATA_FILE_MODE);
      files += 1;
    }
  };

  await visit(dataDir, 0);
  if (directories + files > 0) {
    logger?.warn({ dataDir, directories, files }, 'DATA_DIR was readable by others; modes set to 0700/0600');
  }
  return { directories, files };
}
