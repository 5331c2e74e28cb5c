import { describe, expect, it } from 'vitest';
import { getClock, setClock, systemClock } from '@simak/shared';
import { clockOf, ConfigError, installClockFromEnv, loadConfig, nowOf } from './config.ts';

const base = { DATABASE_URL: 'postgresql://u@h/db', SESSION_SECRET: 'x'.repeat(20) };

describe('loadConfig', () => {
  it('applies defaults', () => {
    const c = loadConfig(base);
    expect(c).toMatchObject({ PORT: 3000, PUBLIC_URL: 'http://localhost:3000', REDIS_URL: 'redis://127.0.0.1:6379', UPLOAD_MAX_BYTES: 5 * 1024 * 1024, COOKIE_SECURE: 'auto' });
  });
  it('takes the public URL from the port when it is not set (QR codes and the start banner)', () => {
    expect(loadConfig({ ...base, PORT: '3100' }).PUBLIC_URL).toBe('http://localhost:3100');
    expect(loadConfig({ ...base, PORT: '3100', PUBLIC_URL: 'https://simak.lumajangkab.go.id' }).PUBLIC_URL).toBe('https://simak.lumajangkab.go.id');
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

describe('APP_TODAY (the one clock)', () => {
  it('is unset by default: the clock follows the machine', () => {
    expect(loadConfig(base).APP_TODAY).toBeUndefined();
    expect(clockOf(loadConfig(base))).toBe(systemClock);
    expect(clockOf(loadConfig({ ...base, APP_TODAY: '' })).fixedDate).toBeNull();
  });
  it('fixes the date when set', () => {
    const clock = clockOf(loadConfig({ ...base, APP_TODAY: '2028-02-29' }));
    expect(clock.fixedDate).toBe('2028-02-29');
    expect(clock.today()).toBe('2028-02-29');
  });
  it.each(['2027-02-29', '2026-13-01', '30-11-2026', 'today', '2026-11-30T00:00:00Z'])('refuses %s, naming APP_TODAY', (v) => {
    expect(() => loadConfig({ ...base, APP_TODAY: v })).toThrow(/APP_TODAY:/);
  });
  it('is refused in production unless explicitly allowed', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production', APP_TODAY: '2026-11-30' })).toThrow(/APP_TODAY: .*production/);
    expect(loadConfig({ ...base, NODE_ENV: 'production', APP_TODAY: '2026-11-30', APP_TODAY_IN_PRODUCTION: 'true' }).APP_TODAY).toBe('2026-11-30');
    expect(() => installClockFromEnv({ NODE_ENV: 'production', APP_TODAY: '2026-11-30' })).toThrow(/APP_TODAY: .*production/);
  });
  it('command-line tools install it from the environment', () => {
    try {
      expect(installClockFromEnv({ APP_TODAY: '2031-01-02' }).today()).toBe('2031-01-02');
      expect(getClock().today()).toBe('2031-01-02');
      expect(installClockFromEnv({})).toBe(systemClock);
    } finally {
      setClock(systemClock);
    }
  });
});

describe('APP_TIME (the time of day that goes with APP_TODAY)', () => {
  it('starts the server clock at that WIB time of the fixed date and runs on from there', () => {
    const c = loadConfig({ ...base, APP_TODAY: '2026-11-30', APP_TIME: '07:10' });
    const started = Date.now();
    const now = nowOf(c, started)!;
    const first = now();
    expect(first.toISOString().slice(0, 16)).toBe('2026-11-30T00:10'); // 07:10 WIB = 00:10 UTC
    expect(first.getTime()).toBeGreaterThanOrEqual(Date.UTC(2026, 10, 30, 0, 10));
    expect(first.getTime()).toBeLessThan(Date.UTC(2026, 10, 30, 0, 11));
    const later = nowOf(c, started - 90_000)!(); // a process started 90 s ago
    expect(later.getTime() - first.getTime()).toBeGreaterThanOrEqual(90_000);
  });

  it('is unset by default (the real time of day), and unset without it', () => {
    expect(nowOf(loadConfig(base))).toBeUndefined();
    expect(nowOf(loadConfig({ ...base, APP_TODAY: '2026-11-30' }))).toBeUndefined();
  });

  it.each([
    [{ APP_TIME: '07:10' }, /APP_TIME: needs APP_TODAY/],
    [{ APP_TODAY: '2026-11-30', APP_TIME: '7:10' }, /APP_TIME: must be a time HH:MM/],
    [{ APP_TODAY: '2026-11-30', APP_TIME: '24:00' }, /APP_TIME: must be a time HH:MM/],
  ])('refuses %o', (env, message) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(message);
  });
});
