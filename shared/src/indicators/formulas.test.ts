import { describe, expect, it } from 'vitest';
import { PENDIDIKAN_IKP_WEIGHT, type Pendidikan } from '../codes.ts';
import {
  capaian,
  DEFAULT_IP_WEIGHTS,
  DEFAULT_PREDIKAT_SCORES,
  idis,
  ikin,
  ikom,
  ikp,
  INDICATOR_POLARITY,
  ip,
  roundForDisplay,
  skpScore,
  type IkomComponents,
  type IndicatorFlag,
  type Polarity,
} from './formulas.ts';

describe('worked example of INDICATORS.md (10 ASN)', () => {
  const education: Pendidikan[] = ['S2', 'S1', 'S1', 'S1', 'S1', 'D3', 'D3', 'SMA', 'SMA', 'SMP'];
  const sumWeights = education.reduce((acc, p) => acc + PENDIDIKAN_IKP_WEIGHT[p], 0);
  const rIkp = ikp(sumWeights, 10);
  const rIkom = ikom({
    a: { num: 1, den: 2 },
    b: { num: 3, den: 4 },
    c: { num: 6, den: 10 },
    d: { num: 3, den: 10 },
  });
  const rIkin = ikin(852, 10);
  const rIdis = idis(1, 0, 1, 10);
  const rIp = ip({ ikp: rIkp.value, ikom: rIkom.value, ikin: rIkin.value, idis: rIdis.value });

  it.each([
    ['IKP', rIkp.value, 73.333333],
    ['IKom', rIkom.value, 53.75],
    ['IKin', rIkin.value, 85.2],
    ['IDis', rIdis.value, 40],
    ['IP', rIp.value, 67.393333],
  ])('%s = %d', (_name, value, expected) => {
    expect(value).not.toBeNull();
    expect(value ?? Number.NaN).toBeCloseTo(expected, 5);
  });

  it('Σ weight is 22 and no flags are raised', () => {
    expect(sumWeights).toBe(22);
    for (const r of [rIkp, rIkom, rIkin, rIdis, rIp]) expect(r.flags).toEqual([]);
  });

  it('keeps full precision (IP is 0.25 × 220/3 + 21.5 + 25.56 + 2)', () => {
    expect(rIp.value ?? Number.NaN).toBeCloseTo(0.25 * ((22 / 30) * 100) + 0.4 * 53.75 + 0.3 * 85.2 + 0.05 * 40, 12);
  });

  it('shows the formulas with their numbers', () => {
    expect(rIkp.formula).toBe('22 / (10 × 3) × 100');
    expect(rIkom.formula).toBe('(1/2 + 3/4 + 6/10 + 3/10) / 4 × 100');
    expect(rIkin.formula).toBe('852 / (100 × 10) × 100');
    expect(rIdis.formula).toBe('(1 × 1 + 0 × 2 + 1 × 3) / 10 × 100');
    expect(rIp.formula).toMatch(/^25% × 73\.33.* \+ 40% × 53\.75 \+ 30% × 85\.2 \+ 5% × 40$/);
  });

  it('reports the IKom components', () => {
    expect(rIkom.components).toEqual({ a: 0.5, b: 0.75, c: 0.6, d: 0.3 });
  });
});

describe('ikp', () => {
  it.each<[number, number, number | null, IndicatorFlag[]]>([
    [30, 10, 100, []],
    [0, 10, 0, []],
    [50, 10, 166.6666667, []],
    [3, 1, 100, []],
    [0, 0, null, ['NO_POPULATION']],
  ])('ikp(%i, %i) = %s', (sum, n, value, flags) => {
    const r = ikp(sum, n);
    if (value === null) expect(r.value).toBeNull();
    else expect(r.value ?? Number.NaN).toBeCloseTo(value, 5);
    expect(r.flags).toEqual(flags);
  });

  it.each([
    [-1, 10],
    [1, -1],
    [1, 1.5],
  ])('rejects ikp(%d, %d)', (sum, n) => {
    expect(() => ikp(sum, n)).toThrow(RangeError);
  });
});

describe('ikom', () => {
  const r = (num: number, den: number) => ({ num, den });
  it.each<[string, IkomComponents, number | null, IndicatorFlag[]]>([
    ['all full', { a: r(2, 2), b: r(4, 4), c: r(10, 10), d: r(10, 10) }, 100, []],
    ['no eselon holders: a counts 0', { a: r(0, 0), b: r(4, 4), c: r(10, 10), d: r(10, 10) }, 75, ['ZERO_DENOMINATOR_A']],
    [
      'no eselon, no JFT',
      { a: r(0, 0), b: r(0, 0), c: r(5, 10), d: r(5, 10) },
      25,
      ['ZERO_DENOMINATOR_A', 'ZERO_DENOMINATOR_B'],
    ],
    ['N = 0', { a: r(0, 0), b: r(0, 0), c: r(0, 0), d: r(0, 0) }, null, ['NO_POPULATION']],
  ])('%s', (_label, components, value, flags) => {
    const res = ikom(components);
    if (value === null) {
      expect(res.value).toBeNull();
      expect(res.components).toEqual({ a: null, b: null, c: null, d: null });
    } else expect(res.value ?? Number.NaN).toBeCloseTo(value, 10);
    expect(res.flags).toEqual(flags);
  });

  it.each<[string, IkomComponents]>([
    ['c and d with different N', { a: r(0, 1), b: r(0, 1), c: r(1, 10), d: r(1, 9) }],
    ['numerator above denominator', { a: r(3, 2), b: r(0, 1), c: r(1, 10), d: r(1, 10) }],
    ['negative count', { a: r(-1, 2), b: r(0, 1), c: r(1, 10), d: r(1, 10) }],
  ])('rejects %s', (_label, components) => {
    expect(() => ikom(components)).toThrow(RangeError);
  });
});

describe('ikin and SKP scores', () => {
  it.each<[number, number, number, number | null, IndicatorFlag[]]>([
    [852, 10, 0, 85.2, []],
    [830, 10, 0, 83, []],
    [415, 10, 5, 41.5, ['MISSING_SKP']],
    [0, 0, 0, null, ['NO_POPULATION']],
    // Nobody assessed yet: no value, not a collapse to 0.
    [0, 10, 10, null, ['SKP_NOT_ASSESSED']],
    [83, 10, 9, 8.3, ['MISSING_SKP']],
  ])('ikin(%d, %i, missing %i) = %s', (sum, n, missing, value, flags) => {
    const r = ikin(sum, n, missing);
    if (value === null) expect(r.value).toBeNull();
    else expect(r.value ?? Number.NaN).toBeCloseTo(value, 10);
    expect(r.flags).toEqual(flags);
  });

  it.each([
    ['SANGAT_BAIK', 95],
    ['BAIK', 83],
    ['BUTUH_PERBAIKAN', 68],
    ['KURANG', 55],
    ['SANGAT_KURANG', 25],
  ] as const)('default score of %s = %i', (predikat, score) => {
    expect(DEFAULT_PREDIKAT_SCORES[predikat]).toBe(score);
  });

  it.each<[{ nilai?: number | null; predikat?: string | null }, number | null]>([
    [{ nilai: 87.5 }, 87.5],
    [{ nilai: 70, predikat: 'SANGAT_BAIK' }, 70],
    [{ nilai: 0 }, 0],
    [{ predikat: 'BAIK' }, 83],
    [{ predikat: 'CUKUP' }, 68],
    [{ predikat: 'BURUK' }, 25],
    [{ nilai: null, predikat: 'SANGAT_BAIK' }, 95],
    [{ predikat: 'AMAT_BAIK' }, null],
    [{}, null],
  ])('skpScore(%j) = %s', (record, expected) => {
    expect(skpScore(record)).toBe(expected);
  });

  it('skpScore uses an edited table', () => {
    expect(skpScore({ predikat: 'BAIK' }, { ...DEFAULT_PREDIKAT_SCORES, BAIK: 80 })).toBe(80);
  });
});

describe('idis (lower is better)', () => {
  it.each<[number, number, number, number, number | null]>([
    [1, 0, 1, 10, 40],
    [0, 0, 0, 10, 0],
    [2, 1, 0, 4, 100],
    [0, 0, 5, 3, 500],
    [0, 0, 0, 0, null],
  ])('idis(R=%i, S=%i, B=%i, N=%i) = %s', (r, s, b, n, value) => {
    const res = idis(r, s, b, n);
    if (value === null) {
      expect(res.value).toBeNull();
      expect(res.flags).toEqual(['NO_POPULATION']);
    } else expect(res.value ?? Number.NaN).toBeCloseTo(value, 10);
  });

  it('rejects a fractional count', () => {
    expect(() => idis(0.5, 0, 0, 10)).toThrow(RangeError);
  });
});

describe('ip', () => {
  it('default weights are 25/40/30/5', () => {
    expect(DEFAULT_IP_WEIGHTS).toEqual({ ikp: 25, ikom: 40, ikin: 30, idis: 5 });
  });

  it.each<[string, Parameters<typeof ip>[0], Parameters<typeof ip>[1], number | null, IndicatorFlag[]]>([
    ['all 100', { ikp: 100, ikom: 100, ikin: 100, idis: 100 }, undefined, 100, []],
    ['all 0', { ikp: 0, ikom: 0, ikin: 0, idis: 0 }, undefined, 0, []],
    ['more penalties raise IP', { ikp: 50, ikom: 50, ikin: 50, idis: 60 }, undefined, 50.5, []],
    ['missing component', { ikp: 50, ikom: null, ikin: 50, idis: 0 }, undefined, null, ['MISSING_COMPONENT']],
    [
      'custom weights',
      { ikp: 80, ikom: 60, ikin: 90, idis: 10 },
      { ikp: 30, ikom: 30, ikin: 30, idis: 10 },
      70,
      [],
    ],
    [
      'weights not summing to 100 are flagged',
      { ikp: 100, ikom: 100, ikin: 100, idis: 100 },
      { ikp: 25, ikom: 40, ikin: 30, idis: 10 },
      105,
      ['WEIGHTS_NOT_100'],
    ],
  ])('%s', (_label, values, weights, value, flags) => {
    const r = ip(values, weights);
    if (value === null) expect(r.value).toBeNull();
    else expect(r.value ?? Number.NaN).toBeCloseTo(value, 10);
    expect(r.flags).toEqual(flags);
  });
});

describe('capaian', () => {
  it.each<[number | null, number | null, Polarity, number | null, IndicatorFlag[]]>([
    [73.333, 70, 'HIGHER_IS_BETTER', 104.7614286, []],
    [50, 100, 'HIGHER_IS_BETTER', 50, []],
    [150, 100, 'HIGHER_IS_BETTER', 150, []],
    [40, 50, 'LOWER_IS_BETTER', 120, []],
    [50, 50, 'LOWER_IS_BETTER', 100, []],
    [120, 50, 'LOWER_IS_BETTER', -40, []],
    [0, 20, 'LOWER_IS_BETTER', 200, []],
    [40, null, 'LOWER_IS_BETTER', null, ['MISSING_TARGET']],
    [40, 0, 'HIGHER_IS_BETTER', null, ['ZERO_TARGET']],
    [null, 50, 'HIGHER_IS_BETTER', null, ['MISSING_REALISASI']],
    [null, null, 'HIGHER_IS_BETTER', null, ['MISSING_TARGET', 'MISSING_REALISASI']],
  ])('capaian(%s, %s, %s) = %s', (realisasi, target, polarity, value, flags) => {
    const r = capaian(realisasi, target, polarity);
    if (value === null) expect(r.value).toBeNull();
    else expect(r.value ?? Number.NaN).toBeCloseTo(value, 5);
    expect(r.flags).toEqual(flags);
  });

  it('shows the formula', () => {
    expect(capaian(40, 50, 'LOWER_IS_BETTER').formula).toBe('(2 × 50 − 40) / 50 × 100');
    expect(capaian(60, 50, 'HIGHER_IS_BETTER').formula).toBe('60 / 50 × 100');
  });

  it.each([
    ['IKP', 'HIGHER_IS_BETTER'],
    ['IKOM', 'HIGHER_IS_BETTER'],
    ['IKIN', 'HIGHER_IS_BETTER'],
    ['IDIS', 'LOWER_IS_BETTER'],
    ['IP', 'HIGHER_IS_BETTER'],
  ] as const)('%s is %s', (indicator, polarity) => {
    expect(INDICATOR_POLARITY[indicator]).toBe(polarity);
  });
});

describe('roundForDisplay', () => {
  it.each<[number | null, number | undefined, number | null]>([
    [73.33333, undefined, 73.33],
    [67.39333, 2, 67.39],
    [1.005, 2, 1.01],
    [2.5, 0, 3],
    [null, 2, null],
  ])('roundForDisplay(%s, %s) = %s', (value, decimals, expected) => {
    expect(roundForDisplay(value, decimals)).toBe(expected);
  });
});
