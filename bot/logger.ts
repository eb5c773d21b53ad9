import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger } from 'pino';

/** Paths pino censors wherever they appear in a log object (one level of nesting deep). */
const REDACT_PATHS = [
  'apiToken',
  'token',
  'password',
  'secret',
  'secretKey',
  'authorization',
  'Authorization',
  '*.apiToken',
  '*.token',
  '*.password',
  '*.secret',
  '*.secretKey',
  '*.authorization',
  '*.Authorization',
  'headers.authorization',
  'req.headers.authorization',
];

/**
 * Creates the one structured (JSON) logger. Token-like fields are censored; `Secret` values
 * print `[redacted]` on their own. Pass `destination` in tests to capture lines.
 */
export function createLogger(
  options: { level?: string; destination?: DestinationStream; name?: string } = {},
): Logger {
  return pino(
    {
      name: options.name ?? 'confluence-assistant',
      level: options.level ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}

/** A logger that drops everything; the default for unit tests. */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}
