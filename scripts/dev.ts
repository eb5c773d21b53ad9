import { join } from 'node:path';
import { DEFAULT_PORTS, ROOT_DIR, startDevStack } from './dev-stack.js';

/**
 * `npm run dev`: one command, fully offline. Starts the seeded Confluence simulator, the bot (auth off,
 * DATA_DIR=./data/dev) and the Microsoft 365 Agents Playground, prints the URL to open, and stops
 * everything on Ctrl-C. Ports: DEV_BOT_PORT, DEV_SIMULATOR_PORT, DEV_PLAYGROUND_PORT (0 = any free).
 * Set DEV_QUIET=1 to hide the children's logs.
 */
function readPort(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`${name} must be a port number from 0 to 65535 (got "${raw}").\n`);
    process.exit(2);
  }
  return port;
}

async function main(): Promise<void> {
  const quiet = process.env.DEV_QUIET === '1';
  process.stdout.write('Starting the Confluence simulator, the bot and the Agents Playground…\n');
  let stack: Awaited<ReturnType<typeof startDevStack>>;
  try {
    stack = await startDevStack({
      dataDir: join(ROOT_DIR, 'data', 'dev'),
      botPort: readPort('DEV_BOT_PORT', DEFAULT_PORTS.bot),
      simulatorPort: readPort('DEV_SIMULATOR_PORT', DEFAULT_PORTS.simulator),
      playgroundPort: readPort('DEV_PLAYGROUND_PORT', DEFAULT_PORTS.playground),
      onLog: quiet ? undefined : (line) => process.stdout.write(`${line}\n`),
    });
  } catch (error) {
    process.stderr.write(`npm run dev failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.stderr.write('Is another copy running? Free ports 3978, 8090 and 56150 or set DEV_*_PORT.\n');
    process.exit(1);
  }

  process.stdout.write(
    [
      '',
      'Ready (offline; every child refuses non-loopback connections).',
      `  Confluence simulator  ${stack.simulator.url}  (account confluence-bot@northwind.example)`,
      `  Bot                   ${stack.botUrl}/api/messages   data: data/dev`,
      '',
      `  Open ${stack.playgroundUrl} , click "Personal Chat" (or Group Chat / a channel) and type "help".`,
      '  You are Alex Wilber: admin and approver. Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const shutdown = async (reason: string, code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${reason}: stopping…\n`);
    await stack.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown('SIGINT', 0));
  process.on('SIGTERM', () => void shutdown('SIGTERM', 0));
  void stack.unexpectedExit.then((what) => shutdown(what, 1));
}

void main();
