// npm run db:migrate — applies pending migrations to DATABASE_URL, offline.
import 'dotenv/config';
import { applyMigrations } from './migrations.ts';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set (see .env.example).');
  process.exit(1);
}
const applied = await applyMigrations(url);
console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'Database is up to date.');
