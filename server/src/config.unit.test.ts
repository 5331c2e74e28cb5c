import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const base = { DATABASE_URL: 'postgresql://u@h/db', SESSION_SECRET: 'x'.repeat(20) };

describe('loadConfig', () => {
  it('applies defaults', () => {
    const c = loadConfig(base);
    expect(c).toMatchObject({ PORT: 3000, REDIS_URL: 'redis://127.0.0.1:6379', UPLOAD_MAX_BYTES: 5 * 1024 * 1024, COOKIE_SECURE: 'auto' });
  });
  it.each([
    [{ ...base, DATABASE_URL: undefined }, 'DATABASE_URL'],
    [{ ...base, DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ ...base, SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
    [{ ...base, PORT: 'abc' }, 'PORT'],
    [{ ...base, STORAGE_DRIVER: 'ftp' }, 'STORAGE_DRIVER'],
    [{ ...base, SEED_DEMO: 'maybe' }, 'SEED_DEMO'],
  ])('names the bad variable (%#)', (env, name) => {
    expect(() => loadConfig(env as NodeJS.ProcessEnv)).toThrow(ConfigError);
    expect(() => loadConfig(env as NodeJS.ProcessEnv)).toThrow(new RegExp(`${name}:`));
  });
});
