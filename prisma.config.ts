// Prisma CLI configuration. On a connected machine plain `npx prisma migrate deploy`
// works with this file; offline, `npm run db:migrate` uses the wasm schema engine.
import 'dotenv/config';
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx prisma/seed/index.ts' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/simak' },
});
