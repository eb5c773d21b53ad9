import { existsSync } from 'node:fs';
import { readdir, readlink } from 'node:fs/promises';

/** True where this process's descriptors can be listed (`/proc/self/fd`: Linux). */
export const CAN_LIST_OPEN_FILES = existsSync('/proc/self/fd');

/**
 * The paths under `dir` this process holds a descriptor on, from `/proc/self/fd` (a removed file
 * keeps its path with " (deleted)"). Throws where `CAN_LIST_OPEN_FILES` is false.
 */
export async function listOpenFilesUnder(dir: string): Promise<string[]> {
  const targets = await Promise.all(
    (await readdir('/proc/self/fd')).map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')),
  );
  return targets.filter((target) => target.startsWith(`${dir}/`)).sort();
}

/** How many file-system requests of this process are in flight (`process.getActiveResourcesInfo()`). */
export function countFileRequestsInFlight(): number {
  return process.getActiveResourcesInfo().filter((name) => name.startsWith('FSReq')).length;
}
