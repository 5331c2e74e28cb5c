/** What backup and restore work on: DATABASE_URL (else npm start's default database) and the local document store. */
import { z } from 'zod';

export function usage(text: string): never {
  console.error(text);
  process.exit(2);
}

const Env = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//).default('postgresql://postgres@127.0.0.1:5432/simak'),
  STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
  STORAGE_DIR: z.string().default('./storage'),
});

export function backupTargets(env: NodeJS.ProcessEnv = process.env) {
  const parsed = Env.safeParse(env);
  if (!parsed.success) usage(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  const e = parsed.data;
  return { databaseUrl: e.DATABASE_URL, storageDir: e.STORAGE_DRIVER === 'local' ? e.STORAGE_DIR : null };
}
