import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * JSON logs on stdout. Written asynchronously (sonic-boom): a request never waits for its log
 * line to reach the terminal or the log collector; pino flushes what is left when the process exits.
 */
export function createLogger(level: string, name = 'simak'): Logger {
  return pino(
    { name, level, redact: ['req.headers.cookie', 'req.headers.authorization', 'password', '*.password'] },
    pino.destination({ dest: 1, sync: false }),
  );
}
