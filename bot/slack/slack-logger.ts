import { LogLevel, type Logger as SlackLogger } from '@slack/bolt';
import type { Logger } from '../logger.js';

function line(parts: unknown[]): string {
  return parts
    .map((part) => (part instanceof Error ? part.message : typeof part === 'string' ? part : String(part)))
    .join(' ')
    .slice(0, 500);
}

/**
 * The logger handed to Slack's SDK (WebClient, Socket Mode). Only warnings and errors pass, as one
 * flattened line: the SDK's debug and info lines can carry payloads (a modal's state holds the
 * Confluence API token on the connect form), so they are dropped whatever level is asked for.
 */
export function toSlackLogger(logger: Logger): SlackLogger {
  const child = logger.child({ component: 'slack-sdk' });
  return {
    debug: () => {},
    info: () => {},
    warn: (...parts) => child.warn(line(parts)),
    error: (...parts) => child.error(line(parts)),
    setLevel: () => {},
    getLevel: () => LogLevel.WARN,
    setName: () => {},
  };
}
