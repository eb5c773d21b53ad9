/**
 * The IPC face both bench bots (floor and ours) share: `cpu` answers `{ cpu: process.cpuUsage() }`;
 * `{ profileStart: true }` starts the inspector's CPU profiler (answers `{ profiling: true }`);
 * `{ profileStop: path }` writes the profile to `path` (answers `{ profiled: path }`). A profile
 * started this way covers only the load, not startup.
 */
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';

/** Profiler sampling interval (µs): fine enough for sub-millisecond parts of a turn. */
const SAMPLING_INTERVAL_US = 200;

async function onMessage(inspector: Session, message: unknown): Promise<void> {
  if (message === 'cpu') {
    process.send?.({ cpu: process.cpuUsage() });
    return;
  }
  const command = message as { profileStart?: boolean; profileStop?: string };
  if (command.profileStart) {
    inspector.connect();
    await inspector.post('Profiler.enable');
    await inspector.post('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
    await inspector.post('Profiler.start');
    process.send?.({ profiling: true });
  } else if (command.profileStop) {
    const { profile } = await inspector.post('Profiler.stop');
    inspector.disconnect();
    await writeFile(command.profileStop, JSON.stringify(profile));
    process.send?.({ profiled: command.profileStop });
  }
}

/** Answers the bench's IPC messages in this child process. */
export function answerBenchMessages(): void {
  const inspector = new Session();
  process.on('message', (message) => {
    void onMessage(inspector, message);
  });
}
