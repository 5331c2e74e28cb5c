/**
 * The frame of a read-only command-line tool: the platform's clock installed from the
 * environment, a usage error (exit 2), a database from DATABASE_URL, an expected refusal
 * (an AppError below 500: its message, exit 1) and an unexpected failure (its stack, exit 2).
 */
import { installClockFromEnvOrExit } from '../config.ts';
import { createDb, type Db } from '../db.ts';
import { AppError } from '../errors.ts';

/** Prints the problem and the usage, and exits with 2. */
export function usageError(usage: string, message: string): never {
  process.stderr.write(`${message}\n${usage}\n`);
  process.exit(2);
}

/** Runs `body` with a database; resolves the process's exit code. */
export function runCli(usage: string, body: (db: Db) => Promise<number | void>, opts: { poolSize?: number } = {}): void {
  installClockFromEnvOrExit();
  const main = async () => {
    if (!process.env.DATABASE_URL) usageError(usage, 'DATABASE_URL belum diisi (lihat .env.example).');
    const db = createDb(process.env.DATABASE_URL, opts.poolSize ?? 4);
    try {
      return (await body(db)) ?? 0;
    } catch (err) {
      if (err instanceof AppError && err.status < 500) {
        process.stderr.write(`${err.message}\n`);
        return 1;
      }
      throw err;
    } finally {
      await db.$disconnect();
    }
  };
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(2);
    },
  );
}
