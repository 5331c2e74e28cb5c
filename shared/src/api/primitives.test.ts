import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock, setClock, systemClock } from '../clock.ts';
import {
  decimal,
  endNotBefore,
  escapeUnsafeText,
  findUnsafeInput,
  hasUnsafeText,
  id,
  idParam,
  INT4_MAX,
  isoDate,
  MAX_INPUT_DEPTH,
  mkgBulan,
  parseStored,
  pastDate,
  text,
  tmtDate,
  year,
  yearParam,
} from './primitives.ts';
import { z } from 'zod';

afterEach(() => {
  setClock(systemClock);
});

const ok = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;

describe('text', () => {
  it.each([
    ['plain', 'Lumajang', false],
    ['empty', '', false],
    ['NUL', 'a\u0000b', true],
    ['lone high surrogate', 'a\uD800', true],
    ['lone low surrogate', '\uDC00b', true],
    ['two high surrogates', '\uDBFF\uDBFF', true],
    ['a real pair (emoji)', '😀', false],
    ['reversed pair', '\uDE00\uD83D', true],
    ['other control characters', '\t\n\u0001', false],
  ])('%s → unsafe %s', (_name, value, unsafe) => {
    expect(hasUnsafeText(value)).toBe(unsafe);
  });

  it.each([
    ['Budi', true],
    ['  Budi  ', true],
    ['', false],
    ['   ', false],
    ['x'.repeat(10), true],
    ['x'.repeat(11), false],
    ['a\u0000', false],
    ['a\uD800', false],
    [12, false],
    [null, false],
    [['a'], false],
  ])('text(min 1, max 10) on %j → valid %s', (value, valid) => {
    expect(ok(text({ label: 'Nama', min: 1, max: 10 }), value)).toBe(valid);
  });

  it('trims (unless told not to) and names the field in its messages', () => {
    expect(text({ max: 10 }).parse('  a  ')).toBe('a');
    expect(text({ max: 10, trim: false }).parse('  a  ')).toBe('  a  ');
    const r = text({ label: 'Nama', min: 1, max: 3 }).safeParse('');
    expect(r.error?.issues[0]?.message).toBe('Nama wajib diisi.');
    expect(text({ label: 'Nama', max: 3 }).safeParse('abcd').error?.issues[0]?.message).toBe('Nama maksimal 3 karakter.');
  });

  it('escapes NUL and lone surrogates for messages, leaving pairs alone', () => {
    expect(escapeUnsafeText('a\u0000b\uD800c😀')).toBe('a\\u0000b\\ud800c😀');
  });
});

describe('numbers', () => {
  it.each([
    [1, true],
    [INT4_MAX, true],
    [INT4_MAX + 1, false],
    [0, false],
    [-1, false],
    [1.5, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
    ['1', false],
    [null, false],
  ])('id() on %j → valid %s', (value, valid) => {
    expect(ok(id(), value)).toBe(valid);
  });

  it.each([
    ['1', true],
    ['2147483647', true],
    ['2147483648', false],
    ['99999999999999999999', false],
    ['0', false],
    ['-5', false],
    ['1.5', false],
    ['NaN', false],
    ['Infinity', false],
    ['abc', false],
    ['', false],
    [['1', '2'], false],
  ])('idParam() on %j → valid %s', (value, valid) => {
    expect(ok(idParam(), value)).toBe(valid);
  });

  it.each([
    [0, true],
    [11, true],
    [12, false],
    [-1, false],
    [0.5, false],
  ])('mkgBulan() on %j → valid %s', (value, valid) => {
    expect(ok(mkgBulan(), value)).toBe(valid);
  });

  it.each([
    [year(), 1900, true],
    [year(), 2200, true],
    [year(), 1899, false],
    [year(), 2201, false],
    [year(1950), 1949, false],
    [yearParam(), '2026', true],
    [yearParam(), '20260', false],
    [decimal(0, 100), 100, true],
    [decimal(0, 100), 100.01, false],
    [decimal(0, 100), Number.NaN, false],
    [decimal(0, 1000), 1e12, false],
  ] as const)('%#: %j → valid %s', (schema, value, valid) => {
    expect(ok(schema, value)).toBe(valid);
  });
});

describe('dates', () => {
  it.each([
    ['2026-11-30', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['0000-00-00', false],
    ['0000-01-01', false],
    ['1899-12-31', false],
    ['1900-01-01', true],
    ['2200-12-31', true],
    ['2201-01-01', false],
    ['99999-01-01', false],
    ['2026-1-1', false],
    ['2026-11-30T00:00:00Z', false],
    ['', false],
  ])('isoDate() on %j → valid %s', (value, valid) => {
    expect(ok(isoDate(), value)).toBe(valid);
  });

  it('pastDate and tmtDate read the platform clock at validation time', () => {
    setClock(fixedClock('2026-11-30'));
    expect(ok(pastDate(), '2026-11-30')).toBe(true);
    expect(ok(pastDate(), '2026-12-01')).toBe(false);
    expect(pastDate('Tanggal lahir').safeParse('2027-01-01').error?.issues[0]?.message).toBe('Tanggal lahir tidak boleh di masa depan.');
    expect(ok(tmtDate(), '2028-11-30')).toBe(true);
    expect(ok(tmtDate(), '2028-12-01')).toBe(false);
    setClock(fixedClock('2030-01-01'));
    expect(ok(pastDate(), '2027-01-01')).toBe(true);
  });

  it('stored data is read without the rules relative to today, never without the structural ones', () => {
    setClock(fixedClock('2026-11-30'));
    const stored = z.object({ lahir: pastDate('Tanggal lahir'), tmt: tmtDate() });
    // Written by a process whose today was later (a year ahead): refused as input here, read back as stored.
    const later = { lahir: '2027-06-01', tmt: '2029-06-01' };
    expect(stored.safeParse(later).success).toBe(false);
    expect(parseStored(() => stored.safeParse(later)).success).toBe(true);
    expect(parseStored(() => stored.safeParse({ lahir: '2027-02-30', tmt: '2029-06-01' })).success).toBe(false);
    expect(parseStored(() => stored.safeParse({ lahir: '2201-01-01', tmt: '2029-06-01' })).success).toBe(false);
    // Outside parseStored, the rules apply again (also after a throw inside it).
    expect(() => parseStored(() => { throw new Error('x'); })).toThrow('x');
    expect(stored.safeParse(later).success).toBe(false);
  });

  it.each([
    [{ a: '2025-01-01', b: '2025-01-02' }, true],
    [{ a: '2025-01-02', b: '2025-01-02' }, true],
    [{ a: '2025-01-03', b: '2025-01-02' }, false],
    [{ a: '2025-01-03' }, true],
  ])('endNotBefore on %j → valid %s', (value, valid) => {
    const schema = z.object({ a: isoDate(), b: isoDate().optional() }).superRefine(endNotBefore('a', 'b'));
    const r = schema.safeParse(value);
    expect(r.success).toBe(valid);
    if (!valid) expect(r.error?.issues[0]?.path).toEqual(['b']);
  });
});

describe('findUnsafeInput', () => {
  const deep = (n: number): unknown => (n === 0 ? 1 : [deep(n - 1)]);
  it.each([
    ['clean object', { a: 'x', b: [1, { c: 'y' }] }, []],
    ['NUL in a nested string', { a: { b: ['ok', 'x\u0000'] } }, ['a.b.1:unsafe_text']],
    ['lone surrogate in a key', { ['k\uD800']: 1 }, ['k\\ud800:unsafe_text']],
    ['__proto__ key', JSON.parse('{"a":{"__proto__":{"x":1}}}'), ['a.__proto__:forbidden_key']],
    ['constructor key', JSON.parse('{"constructor":{"prototype":{}}}'), ['constructor:forbidden_key']],
    ['a top-level string', 'a\u0000', [':unsafe_text']],
    ['numbers and nulls', [1, null, true, 1e308], []],
    ['nesting at the limit', deep(MAX_INPUT_DEPTH), []],
    ['nesting past the limit', deep(MAX_INPUT_DEPTH + 1), [`${Array(MAX_INPUT_DEPTH).fill(0).join('.')}:too_deep`]],
  ])('%s', (_name, value, expected) => {
    expect(findUnsafeInput(value).map((f) => `${f.path.join('.')}:${f.reason}`)).toEqual(expected);
  });

  it('survives input far deeper than the call stack, and stops after the limit', () => {
    let v: unknown = 'x';
    for (let i = 0; i < 200_000; i++) v = [v];
    expect(findUnsafeInput(v)).toHaveLength(1);
    const many = Array.from({ length: 1000 }, () => '\u0000');
    expect(findUnsafeInput(many, 20)).toHaveLength(20);
  });
});
