import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Letter } from '../../generated/prisma/client.ts';
import { kgbLetterKind, type KgbLetterData } from '../berkala/letter.ts';
import { isPrivateField } from './fields.ts';
import { presentPublicLetter, verificationPage } from './presenter.ts';
import { letterKind, registerLetterKind } from './registry.ts';
import { defineLetterKind } from './types.ts';

const kgbData: KgbLetterData = {
  nip: '199405172019012001',
  nama: 'Siti Rahmawati, S.Kom.',
  namaJabatan: 'Pranata Komputer Ahli Pertama',
  opd: 'Dinas Kesehatan',
  golongan: 'III/b',
  gajiPokokLama: 3186600,
  gajiPokokBaru: 3287000,
  mkgTahun: 8,
  mkgBulan: 0,
  tmt: '2027-01-01',
  basis: { kind: 'KGB', tmt: '2025-01-01', mkgTahun: 6, mkgBulan: 0 },
  regulation: 'PP 5/2024',
  signer: { nama: 'Drs. H. Mochamad Hasan, M.Si.', jabatan: 'Kepala Badan Kepegawaian Daerah', nip: '196805121993031007', pangkat: 'Pembina Utama Muda (IV/c)' },
};

const row = (data: unknown, over: Partial<Letter> = {}): Letter => ({
  id: 1,
  kind: 'KGB',
  requestId: 2,
  employeeId: 3,
  number: '822.4/0001/427.45/2026',
  date: new Date('2026-11-30T00:00:00Z'),
  token: '3qHsC9d1UoBg0jYaOTrVoQ',
  data: data as Letter['data'],
  sha256: null,
  documentId: null,
  renderedAt: null,
  renderClaimedAt: null,
  createdAt: new Date(),
  ...over,
});

describe('KGB public fields', () => {
  const fields = kgbLetterKind.publicFields({ id: 1, kind: 'KGB', requestId: 2, employeeId: 3, number: '822.4/0001/427.45/2026', date: '2026-11-30', token: 't', data: kgbData, sha256: null });

  it('number, date, name, masked NIP, the figures and the signer, in page order', () => {
    expect(fields.map((f) => [f.label, f.value])).toEqual([
      ['Nomor surat', '822.4/0001/427.45/2026'],
      ['Tanggal surat', '30 November 2026'],
      ['Nama', 'Siti Rahmawati, S.Kom.'],
      ['NIP', '**************2001'],
      ['Golongan', 'III/b'],
      ['Gaji pokok lama', 'Rp 3.186.600'],
      ['Gaji pokok baru', 'Rp 3.287.000'],
      ['Masa kerja golongan', '8 tahun 0 bulan'],
      ['Terhitung mulai tanggal', '1 Januari 2027'],
      ['Penandatangan', 'Drs. H. Mochamad Hasan, M.Si. — Kepala Badan Kepegawaian Daerah'],
    ]);
  });

  it('never the full NIP, and no private field', () => {
    expect(JSON.stringify(fields)).not.toContain(kgbData.nip);
    expect(fields.some(isPrivateField)).toBe(false);
  });

  it('the JSON answer keeps the KGB shape: figures as numbers under their keys', () => {
    const json = presentPublicLetter({ kind: 'KGB', label: kgbLetterKind.label, number: 'N', date: '2026-11-30', status: 'ISSUED', sha256: 'ab', fields });
    expect(json).toMatchObject({
      kind: 'KGB',
      number: 'N',
      status: 'ISSUED',
      nip: '**************2001',
      gajiPokokLama: 3186600,
      gajiPokokBaru: 3287000,
      mkg: '8 tahun 0 bulan',
      tmt: '2027-01-01',
      signer: { nama: kgbData.signer.nama, jabatan: kgbData.signer.jabatan },
    });
    expect(json.fields).toHaveLength(10);
  });
});

describe('isPrivateField', () => {
  it.each(['nik', 'NIK', 'alamat', 'tanggalLahir', 'tanggal_lahir', 'tempatLahir', 'birthDate'])('%s is private', (key) => {
    expect(isPrivateField({ key, label: key, value: 'x' })).toBe(true);
  });
  it.each(['nip', 'nama', 'gajiPokokBaru', 'signer'])('%s is public', (key) => {
    expect(isPrivateField({ key, label: key, value: 'x' })).toBe(false);
  });
});

describe('the registry', () => {
  it('KGB is registered with its label, document type and number pattern setting', () => {
    const k = letterKind('KGB')!;
    expect(k).toMatchObject({ label: 'Surat Pemberitahuan Kenaikan Gaji Berkala', documentType: 'SK_KGB', shortLabel: 'Surat Pemberitahuan KGB' });
    expect(k.numberPattern).toEqual({ setting: 'berkala.letter_number_pattern', default: '822.4/{seq}/427.45/{year}' });
  });

  it('binds a stored letter through the kind schema and refuses data that does not fit', () => {
    const k = letterKind('KGB')!;
    expect(k.bind(row(kgbData)).record).toMatchObject({ date: '2026-11-30', data: { gajiPokokBaru: 3287000 } });
    expect(() => k.bind(row({ ...kgbData, gajiPokokBaru: 'banyak' }))).toThrow(z.ZodError);
    expect(() => k.validate({ nama: 'x' })).toThrow(z.ZodError);
  });

  it('a kind is registered once, with an upper-case code', () => {
    const unit = defineLetterKind({
      kind: 'UNIT_TEST',
      label: 'Surat uji',
      documentType: 'SURAT',
      numberPattern: { setting: 'unit.pattern', default: 'U/{seq}/{year}' },
      data: z.object({ nama: z.string() }),
      render: async () => Buffer.from('%PDF'),
      publicFields: (l) => [{ key: 'nama', label: 'Nama', value: l.data.nama }],
    });
    registerLetterKind(unit);
    expect(letterKind('UNIT_TEST')?.bind(row({ nama: 'Budi' }, { kind: 'UNIT_TEST' })).publicFields()).toEqual([{ key: 'nama', label: 'Nama', value: 'Budi' }]);
    expect(() => registerLetterKind(unit)).toThrow(/already registered/);
    expect(() => registerLetterKind({ ...unit, kind: 'lower' })).toThrow(/A-Z/);
  });
});

describe('verificationPage', () => {
  it('shows the kind label, the fields (escaped) and the hash; unknown letters say so', () => {
    const html = verificationPage({
      kind: 'KGB',
      label: 'Surat <Uji>',
      number: 'N',
      date: '2026-11-30',
      status: 'ISSUED',
      sha256: 'f'.repeat(64),
      fields: [{ key: 'nama', label: 'Nama', value: '<script>alert(1)</script>' }],
    });
    expect(html).toContain('Surat &lt;Uji&gt;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain(`<code>${'f'.repeat(64)}</code>`);
    const pending = verificationPage({ kind: 'KGB', label: 'L', number: 'N', date: '2026-11-30', status: 'PENDING', sha256: null, fields: [] });
    expect(pending).toContain('sedang diterbitkan');
    expect(verificationPage(null)).toContain('tidak dikenal');
  });
});
