import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TINGKAT_HUKDIS } from '../codes.ts';
import { addDays, addMonths, compareDates, type IsoDate } from './dates.ts';
import { classifyJenisHukdis, DEFAULT_DURATION_BY_TINGKAT, hukdisPeriod, isHukdisActive, JENIS_HUKDIS, type HukdisRecord, type JenisHukdis } from './hukdis.ts';
import { isoDate, runs } from './property-arbitraries.ts';

const JENIS = Object.keys(JENIS_HUKDIS) as JenisHukdis[];
const record: fc.Arbitrary<HukdisRecord> = fc.record({
  tingkat: fc.constantFrom(...TINGKAT_HUKDIS),
  jenis: fc.oneof(fc.constantFrom(...JENIS), fc.constantFrom(...JENIS.map((j) => JENIS_HUKDIS[j].label)), fc.constant(null), fc.constant('Lainnya')),
  tanggalSk: isoDate(2015, 2030),
  tmt: fc.option(isoDate(2015, 2030)),
  tmtSelesai: fc.option(isoDate(2015, 2032), { freq: 4 }),
});
const between = (d: IsoDate, a: IsoDate, b: IsoDate) => compareDates(a, d) <= 0 && compareDates(d, b) <= 0;

describe('hukdis: period of effect (PP 94/2021; DOMAIN-RULES §7)', () => {
  it('runs from the TMT (or SK date) for the kind’s months, to the recorded end when there is one', () => {
    fc.assert(
      fc.property(record, (r) => {
        const p = hukdisPeriod(r);
        const start = r.tmt ?? r.tanggalSk;
        expect(p.start).toBe(start);
        if (r.tmtSelesai) {
          expect(p).toMatchObject({ end: r.tmtSelesai, source: 'RECORDED' });
          return;
        }
        const months = p.jenis ? JENIS_HUKDIS[p.jenis].durationMonths : DEFAULT_DURATION_BY_TINGKAT[r.tingkat];
        expect(p.source).toBe(p.jenis ? 'JENIS' : 'TINGKAT_DEFAULT');
        if (months === null) expect(p.end).toBeNull();
        else expect(p.end).toBe(addDays(addMonths(start, months), -1));
      }),
      runs(),
    );
  });

  it('is active exactly between its start and end, both included, and forever after a discharge', () => {
    fc.assert(
      fc.property(record, isoDate(2014, 2034), (r, d) => {
        const { start, end } = hukdisPeriod(r);
        expect(isHukdisActive(r, d)).toBe(end === null ? compareDates(start, d) <= 0 : between(d, start, end));
      }),
      runs(),
    );
  });

  it('the days it is active form one unbroken stretch', () => {
    fc.assert(
      fc.property(record, isoDate(2014, 2034), isoDate(2014, 2034), isoDate(2014, 2034), (r, x, y, z) => {
        const [a, b, c] = [x, y, z].sort();
        if (isHukdisActive(r, a!) && isHukdisActive(r, c!)) expect(isHukdisActive(r, b!)).toBe(true);
      }),
      runs(),
    );
  });

  it('a reprimand (light penalty) has no lasting effect; a medium one lasts 6, 9 or 12 months', () => {
    fc.assert(
      fc.property(fc.constantFrom(...JENIS), isoDate(2015, 2030), (jenis, tmt) => {
        const info = JENIS_HUKDIS[jenis];
        const r: HukdisRecord = { tingkat: info.tingkat, jenis, tanggalSk: tmt, tmt };
        if (info.tingkat === 'RINGAN') expect(isHukdisActive(r, tmt)).toBe(false);
        else expect(isHukdisActive(r, tmt)).toBe(true);
        if (info.tingkat === 'SEDANG') expect([6, 9, 12]).toContain(info.durationMonths);
      }),
      runs(100),
    );
  });
});

describe('hukdis: classifyJenisHukdis', () => {
  it('recognises every kind from its code (any case, spaces or hyphens) and from its label', () => {
    fc.assert(
      fc.property(fc.constantFrom(...JENIS), fc.constantFrom('_', ' ', '-'), fc.boolean(), (jenis, sep, lower) => {
        const code = jenis.replace(/_/g, sep);
        expect(classifyJenisHukdis(lower ? code.toLowerCase() : code)).toBe(jenis);
        expect(classifyJenisHukdis(JENIS_HUKDIS[jenis].label)).toBe(jenis);
      }),
      runs(100),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 })), (s) => {
        const j = classifyJenisHukdis(s);
        if (j !== null) expect(JENIS).toContain(j);
      }),
      runs(),
    );
  });
});
