import { describe, expect, it } from 'vitest';
import { angka, angkaDalamTeks, bilangan, formatTanggal, nipText, pdfText, rupiah } from './format.ts';

describe('Indonesian formatting for documents', () => {
  it('rupiah with dots, "-" when unknown', () => {
    expect(rupiah(3287000)).toBe('Rp 3.287.000');
    expect(rupiah(0)).toBe('Rp 0');
    expect(rupiah(null)).toBe('-');
    expect(rupiah(undefined)).toBe('-');
  });

  it('numbers with a decimal comma and fixed digits, "—" when unknown', () => {
    expect(angka(73.3333)).toBe('73,33');
    expect(angka(1234.5, 1)).toBe('1.234,5');
    expect(angka(0.30769, 4)).toBe('0,3077');
    expect(angka(null)).toBe('—');
  });

  it('dates in words', () => {
    expect(formatTanggal('2027-01-01')).toBe('1 Januari 2027');
  });

  it('an 18-digit NIP grouped, anything else as given', () => {
    expect(nipText('199405172019012001')).toBe('19940517 201901 2 001');
    expect(nipText('-')).toBe('-');
  });

  it('replaces characters the standard fonts cannot print', () => {
    expect(pdfText('Σ nilai − 3 ≥ 2')).toBe('Jumlah nilai - 3 >= 2');
  });

  it('whole numbers grouped, and the numbers inside a formula', () => {
    expect(bilangan(7000)).toBe('7.000');
    expect(bilangan(null)).toBe('—');
    expect(angkaDalamTeks('8520.5 / (100 × 7000) × 100')).toBe('8.520,5 / (100 × 7.000) × 100');
    expect(angkaDalamTeks('25% × 73.33333333 + 40% × 53.75')).toBe('25% × 73,3333 + 40% × 53,75');
    expect(angkaDalamTeks('22 / (10 × 3) × 100')).toBe('22 / (10 × 3) × 100');
  });
});
