import { DEFAULT_ACCOUNTS } from './accounts.js';
import { startConfluenceSimulator } from './server.js';

const port = Number(process.env.PORT ?? 8090);
const simulator = await startConfluenceSimulator({ port, validateResponses: true });
const lines = [
  `Confluence simulator listening on ${simulator.url} (cloudId ${simulator.cloudId})`,
  `Scoped-token base: ${simulator.url}/ex/confluence/${simulator.cloudId}`,
  'Test accounts (CONFLUENCE_EMAIL / CONFLUENCE_API_TOKEN):',
  ...Object.entries(DEFAULT_ACCOUNTS).map(
    ([name, a]) =>
      `  ${name.padEnd(9)} ${a.email}  ${a.apiToken}  spaces: ${a.spaces === '*' ? '*' : a.spaces.join(',') || '(none)'}${a.noConfluenceAccess ? ' (no Confluence access: 403)' : ''}${a.scopedToken ? ' (scoped: use the gateway base)' : ''}`,
  ),
  `Example: CONFLUENCE_SITE_URL=${simulator.url} CONFLUENCE_EMAIL=${DEFAULT_ACCOUNTS.bot.email} CONFLUENCE_API_TOKEN=${DEFAULT_ACCOUNTS.bot.apiToken} CONFLUENCE_SPACES=ENG,HR,OPS`,
];
process.stdout.write(`${lines.join('\n')}\n`);

let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`${signal}: stopping (${simulator.schemaViolations.length} schema violations)\n`);
  for (const violation of simulator.schemaViolations) process.stdout.write(`  ${violation}\n`);
  simulator.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
