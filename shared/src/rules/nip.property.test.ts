import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JENIS_KELAMIN, STATUS_KEPEGAWAIAN, type JenisKelamin } from '../codes.ts';
import {
  addMonths,
  addYears,
  compareDates,
  diffMonths,
  firstOfNextMonth,
  isValidDate,
  isValidYearMonth,
  toYearMonth,
  type IsoDate,
} from './dates.ts';
import { formatNip, makeNip, normalizeNip, NIP_MIN_AGE_AT_TMT_CPNS, parseNip, PPPK_MONTH_CODE } from './nip.ts';
import { isoDate, runs } from './property-arbitraries.ts';

/** Every check against "today" gets this date; the machine's clock is never read. */
const AS_OF: IsoDate = '2026-11-30';

const gender = fc.constantFrom(...JENIS_KELAMIN);
const status = fc.constantFrom(...STATUS_KEPEGAWAIAN, null);
const seq = fc.integer({ min: 1, max: 999 });

/**
 * A realistic PNS: born 1950–2000, TMT CPNS on the 1st of a month at least 18 years after birth
 * and not after AS_OF.
 */
const pns = isoDate(1950, 2000).chain((birthDate) => {
  const earliest = firstOfNextMonth(addYears(birthDate, NIP_MIN_AGE_AT_TMT_CPNS));
  const span = diffMonths(earliest, AS_OF);
  return fc.record({
    birthDate: fc.constant(birthDate),
    tmtCpns: fc.integer({ min: 0, max: span }).map((k) => addMonths(earliest, k)),
    gender,
    seq,
  });
});

const codes = (issues: readonly { code: string }[]) => issues.map((i) => i.code);

describe('NIP: makeNip → parseNip round trip (DOMAIN-RULES §1)', () => {
  it('a NIP built from a consistent profile parses back to its fields with no error or warning', () => {
    fc.assert(
      fc.property(pns, ({ birthDate, tmtCpns, gender: g, seq: s }) => {
        const nip = makeNip({ birthDate, tmtCpns, gender: g, seq: s });
        expect(nip).toMatch(/^\d{18}$/);
        const r = parseNip(nip, { statusKepegawaian: 'PNS', tanggalLahir: birthDate, tmtCpns, jenisKelamin: g, asOf: AS_OF });
        expect(r).toEqual({
          ok: true,
          nip,
          birthDate,
          tmtCpnsMonth: toYearMonth(tmtCpns),
          pppkYear: null,
          gender: g,
          sequence: s,
          isPppk: false,
          errors: [],
          warnings: [],
        });
        // The same without a profile to compare with.
        expect(parseNip(nip, { asOf: AS_OF })).toEqual(r);
      }),
      runs(),
    );
  });

  it('the digits are birth date, TMT year-month, gender and sequence in that order', () => {
    fc.assert(
      fc.property(pns, ({ birthDate, tmtCpns, gender: g, seq: s }) => {
        const nip = makeNip({ birthDate, tmtCpns, gender: g, seq: s });
        expect(nip.slice(0, 8)).toBe(birthDate.replace(/-/g, ''));
        expect(nip.slice(8, 14)).toBe(toYearMonth(tmtCpns).replace('-', ''));
        expect(nip.slice(14, 15)).toBe(g === 'L' ? '1' : '2');
        expect(Number(nip.slice(15))).toBe(s);
      }),
      runs(),
    );
  });

  it('an NI PPPK (month code 21) parses as PPPK for PPPK or unknown status and is an error for PNS/CPNS', () => {
    fc.assert(
      fc.property(pns, ({ birthDate, tmtCpns, gender: g, seq: s }) => {
        const nip = makeNip({ birthDate, tmtCpns, gender: g, seq: s, pppk: true });
        expect(nip.slice(12, 14)).toBe(PPPK_MONTH_CODE);
        for (const st of ['PPPK', null] as const) {
          const r = parseNip(nip, { statusKepegawaian: st, asOf: AS_OF });
          expect(r).toMatchObject({ ok: true, isPppk: true, pppkYear: Number(tmtCpns.slice(0, 4)), tmtCpnsMonth: null, birthDate, gender: g });
        }
        for (const st of ['PNS', 'CPNS'] as const) {
          expect(codes(parseNip(nip, { statusKepegawaian: st, asOf: AS_OF }).errors)).toEqual(['NIP_TMT_CPNS']);
        }
      }),
      runs(),
    );
  });

  it('a profile that disagrees with the NIP gives the matching warning, never an error', () => {
    fc.assert(
      fc.property(pns, isoDate(1950, 2000), (p, otherBirth) => {
        fc.pre(otherBirth !== p.birthDate);
        const nip = makeNip(p);
        const other: JenisKelamin = p.gender === 'L' ? 'P' : 'L';
        const r = parseNip(nip, { statusKepegawaian: 'PNS', tanggalLahir: otherBirth, jenisKelamin: other, asOf: AS_OF });
        expect(r.ok).toBe(true);
        expect(r.errors).toEqual([]);
        expect(codes(r.warnings)).toContain('NIP_TANGGAL_LAHIR_BEDA');
        expect(codes(r.warnings)).toContain('NIP_JENIS_KELAMIN_BEDA');
      }),
      runs(),
    );
  });
});

describe('NIP: formatNip / normalizeNip', () => {
  const digits18 = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 18, maxLength: 18 });
  const blank = fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u3000'), maxLength: 2 });

  it('formatting groups 8-6-1-3 and normalizing gives the 18 digits back (idempotent)', () => {
    fc.assert(
      fc.property(digits18, (nip) => {
        const shown = formatNip(nip);
        expect(shown).toMatch(/^\d{8} \d{6} \d \d{3}$/);
        expect(normalizeNip(shown)).toBe(nip);
        expect(formatNip(shown)).toBe(shown);
        expect(normalizeNip(nip)).toBe(nip);
      }),
      runs(),
    );
  });

  it('white space anywhere in the input does not change what parseNip decodes', () => {
    fc.assert(
      fc.property(digits18, fc.array(blank, { minLength: 19, maxLength: 19 }), status, (nip, gaps, st) => {
        const spaced = gaps.map((g, i) => g + (nip[i] ?? '')).join('');
        expect(normalizeNip(spaced)).toBe(nip);
        expect(parseNip(spaced, { statusKepegawaian: st, asOf: AS_OF })).toEqual(parseNip(nip, { statusKepegawaian: st, asOf: AS_OF }));
      }),
      runs(),
    );
  });
});

describe('NIP: parseNip on arbitrary input', () => {
  const nasty = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 24 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    // ASCII digits mixed with NUL, lone surrogates, other scripts' digits, RTL mark and white space.
    fc.string({
      unit: fc.constantFrom('0', '1', '2', '9', ' ', '\u0000', '\uD800', '\uDFFF', '٣', '０', '\u202e', '\u200b', '-'),
      maxLength: 24,
    }),
    fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 18, maxLength: 18 }),
  );
  const profileDate = fc.oneof(isoDate(1900, 2100), fc.constantFrom('', '2015-05', '2023-02-29', 'x', '\u0000'), fc.constant(null));
  const profile = fc.record({
    statusKepegawaian: status,
    tanggalLahir: profileDate,
    tmtCpns: profileDate,
    jenisKelamin: fc.constantFrom(...JENIS_KELAMIN, null),
  });

  it('never throws and returns either errors or a decoded, valid NIP', () => {
    fc.assert(
      fc.property(nasty, profile, (input, p) => {
        const r = parseNip(input, { ...p, asOf: AS_OF });
        expect(r.ok).toBe(r.errors.length === 0);
        expect(r.nip).toBe(normalizeNip(input));
        expect(r.nip).not.toMatch(/\s/);
        if (!r.ok) return;
        if (p.statusKepegawaian === 'KONTRAK') {
          expect(r.nip).not.toBe('');
          return;
        }
        expect(r.nip).toMatch(/^[0-9]{18}$/);
        expect(r.sequence).toBe(Number(r.nip.slice(15)));
        if (p.statusKepegawaian === 'PPPK') return;
        // PNS, CPNS or unknown: a real birth date and a real TMT month (or the PPPK code when unknown).
        expect(r.birthDate !== null && isValidDate(r.birthDate)).toBe(true);
        expect(r.birthDate?.replace(/-/g, '')).toBe(r.nip.slice(0, 8));
        if (r.isPppk) {
          expect(p.statusKepegawaian).toBeNull();
          expect(r.pppkYear).toBe(Number(r.nip.slice(8, 12)));
        } else {
          expect(r.tmtCpnsMonth !== null && isValidYearMonth(r.tmtCpnsMonth)).toBe(true);
        }
      }),
      runs(500),
    );
  });

  it('anything that is not 18 ASCII digits after removing white space is a NIP_FORMAT error (except empty and KONTRAK)', () => {
    fc.assert(
      fc.property(nasty, status, (input, st) => {
        const r = parseNip(input, { statusKepegawaian: st, asOf: AS_OF });
        const n = normalizeNip(input);
        if (n === '') expect(codes(r.errors)).toEqual(['NIP_EMPTY']);
        else if (st === 'KONTRAK') expect(r.errors).toEqual([]);
        else if (!/^[0-9]{18}$/.test(n)) expect(codes(r.errors)).toEqual(['NIP_FORMAT']);
      }),
      runs(500),
    );
  });

  it('the gender digit decides the gender (1 male, 2 female, anything else a warning)', () => {
    fc.assert(
      fc.property(pns, fc.constantFrom('0', '1', '2', '3', '9'), (p, digit) => {
        const nip = makeNip(p);
        const r = parseNip(nip.slice(0, 14) + digit + nip.slice(15), { asOf: AS_OF });
        expect(r.ok).toBe(true);
        expect(r.gender).toBe(digit === '1' ? 'L' : digit === '2' ? 'P' : null);
        expect(codes(r.warnings).includes('NIP_JENIS_KELAMIN_KODE')).toBe(r.gender === null);
      }),
      runs(),
    );
  });

  it('a TMT CPNS is flagged as in the future exactly when it is after the reference date', () => {
    fc.assert(
      fc.property(pns, isoDate(1960, 2030), (p, asOf) => {
        const r = parseNip(makeNip(p), { asOf });
        expect(r.ok).toBe(true);
        expect(codes(r.warnings).includes('TMT_CPNS_MASA_DEPAN')).toBe(compareDates(p.tmtCpns, asOf) > 0);
        expect(codes(r.warnings)).not.toContain('TMT_CPNS_USIA_KURANG');
      }),
      runs(),
    );
  });
});
