/**
 * Our bot as a child process for the side-by-side bench: `createApp` configured from the
 * environment as bot/index.ts does, logging to stdout at LOG_LEVEL (info, as in production), the
 * default Confluence client. Test seams only where the bench needs them: no real DNS (the
 * Confluence replay is on loopback). Reports `{ listening: port }` over IPC and answers `cpu` with
 * process.cpuUsage(), and profiles on request (child-ipc.ts); SIGTERM closes it cleanly.
 */
import { createApp } from '../../../bot/app.js';
import { loadConfig } from '../../../bot/config.js';
import { createLogger } from '../../../bot/logger.js';
import { answerBenchMessages } from './child-ipc.js';

const config = loadConfig(process.env);
const logger = createLogger({ level: config.logLevel });
const app = await createApp(config, logger, {
  gatewayUrl: process.env.CONFLUENCE_SITE_URL ?? 'http://127.0.0.1:1',
  lookupHost: async (hostname) => {
    throw new Error(`no DNS in the bench (${hostname})`);
  },
});

answerBenchMessages();
process.on('SIGTERM', () => {
  void app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
const port = await app.http.listen(0, '127.0.0.1');
process.send?.({ listening: port });
