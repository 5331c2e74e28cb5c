import { describe, expect, it } from 'vitest';
import { formatLetterNumber, LETTER_TOKEN, letterVerifyUrl, maskNip } from './format.ts';

describe('formatLetterNumber', () => {
  it.each([
    ['822.4/{seq}/427.45/{year}', 1, 2026, '822.4/0001/427.45/2026'],
    ['822.4/{seq}/427.45/{year}', 12345, 2027, '822.4/12345/427.45/2027'],
    ['{year}-{seq}-{seq}', 7, 2026, '2026-0007-0007'],
    ['SK/{seq}', 42, 2026, 'SK/0042'],
  ])('%s with %i in %i → %s', (pattern, seq, year, expected) => {
    expect(formatLetterNumber(pattern, seq, year)).toBe(expected);
  });
});

describe('letter tokens and URLs', () => {
  it('accepts base64url tokens only', () => {
    expect(LETTER_TOKEN.test('3qHsC9d1UoBg0jYaOTrVoQ')).toBe(true);
    for (const bad of ['', 'short', 'a'.repeat(65), '../../etc/passwd', 'abc def ghi jkl', '3qHsC9d1UoBg0jYaOTrVoQ.pdf']) expect(LETTER_TOKEN.test(bad)).toBe(false);
  });

  it('builds the QR URL with or without a trailing slash on PUBLIC_URL', () => {
    expect(letterVerifyUrl('https://simak.example.go.id', 'tok')).toBe('https://simak.example.go.id/verifikasi/surat/tok');
    expect(letterVerifyUrl('https://simak.example.go.id/', 'tok')).toBe('https://simak.example.go.id/verifikasi/surat/tok');
  });

  it('masks a NIP down to its last 4 digits (no birth date, no CPNS month), any length', () => {
    expect(maskNip('199405172019012001')).toBe('**************2001');
    expect(maskNip('199405172019012001')).not.toContain('19940517');
    expect(maskNip('K-12345')).toBe('***2345');
    expect(maskNip('123')).toBe('***');
  });
});
