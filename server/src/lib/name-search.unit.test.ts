import { describe, expect, it } from 'vitest';
import { parseNameQuery } from './name-search.ts';

describe('parseNameQuery', () => {
  it('keeps plain names as words', () => {
    expect(parseNameQuery('Siti Rahmawati')).toEqual({ words: ['Siti', 'Rahmawati'], titles: [] });
  });
  it('treats what follows a comma and words with a period as titles', () => {
    expect(parseNameQuery('Siti Rahmawati, S.Kom.')).toEqual({ words: ['Siti', 'Rahmawati'], titles: ['S.Kom.'] });
    expect(parseNameQuery('dr. Bambang Sutrisno, S.KM., M.Kes.')).toEqual({ words: ['Bambang', 'Sutrisno'], titles: ['dr.', 'S.KM.', 'M.Kes.'] });
    expect(parseNameQuery('Bambang Sutrisno M.Kes')).toEqual({ words: ['Bambang', 'Sutrisno'], titles: ['M.Kes'] });
  });
});
