import { describe, expect, it } from 'vitest';
import { AktivitasBody, AktivitasReviewBody, JadwalKhususBody, LokasiKerjaBody, LokasiTugasBody } from './presensi-lokasi.ts';

const square = { type: 'Polygon', coordinates: [[[113.2, -8.1], [113.201, -8.1], [113.201, -8.101], [113.2, -8.1]]] };

describe('LokasiKerjaBody', () => {
  it.each([
    [{ kind: 'POINT', latitude: -8.13, longitude: 113.22, radiusM: 100 }, true],
    [{ kind: 'POINT', latitude: -8.13, longitude: 113.22, radiusM: 5 }, false],
    [{ kind: 'POINT', latitude: 91, longitude: 113.22, radiusM: 100 }, false],
    [{ kind: 'POLYGON', polygon: square }, true],
    [{ kind: 'POLYGON', polygon: { type: 'Polygon', coordinates: [] } }, false],
    [{ kind: 'POLYGON', polygon: 'x' }, false],
    [{ kind: 'CIRCLE' }, false],
    [{ kind: 'POINT', latitude: -8.13, longitude: 113.22, radiusM: 100, extra: 1 }, false],
  ])('%j → %s', (v, ok) => expect(LokasiKerjaBody.safeParse(v).success).toBe(ok));
});

describe('JadwalKhususBody, LokasiTugasBody', () => {
  const items = [{ hari: 1, jamMasuk: '08:00', jamPulang: '15:00' }];
  it.each([
    [{ nama: 'Ramadan', mulai: '2027-02-08', selesai: '2027-03-09', items }, true],
    [{ nama: 'Ramadan', mulai: '2027-03-09', selesai: '2027-02-08', items }, false],
    [{ nama: 'Setahun lebih', mulai: '2027-01-01', selesai: '2028-06-01', items }, false],
    [{ nama: 'Terbalik', mulai: '2027-02-08', selesai: '2027-02-09', items: [{ hari: 1, jamMasuk: '15:00', jamPulang: '08:00' }] }, false],
    [{ nama: 'Ganda', mulai: '2027-02-08', selesai: '2027-02-09', items: [...items, ...items] }, false],
    [{ nama: '', mulai: '2027-02-08', selesai: '2027-02-09', items }, false],
  ])('special %j → %s', (v, ok) => expect(JadwalKhususBody.safeParse(v).success).toBe(ok));

  const wfh = { jenis: 'WFH', nama: 'Rumah', latitude: -8.1, longitude: 113.2, radiusM: 50, mulai: '2026-12-01', selesai: '2026-12-02', alasan: 'Perbaikan kantor' };
  it.each([
    [wfh, true],
    [{ ...wfh, jenis: 'DINAS_LUAR' }, true],
    [{ ...wfh, jenis: 'CUTI' }, false],
    [{ ...wfh, radiusM: 5000 }, false],
    [{ ...wfh, selesai: '2027-06-01' }, false],
    [{ ...wfh, alasan: '  ' }, false],
  ])('location request %j → %s', (v, ok) => expect(LokasiTugasBody.safeParse(v).success).toBe(ok));
});

describe('AktivitasBody, AktivitasReviewBody', () => {
  const a = { tanggal: '2026-12-01', jamMulai: '08:00', jamSelesai: '10:00', uraian: 'Menyusun laporan' };
  it.each([
    [a, true],
    [{ ...a, output: 'Draf', documentId: 3 }, true],
    [{ ...a, jamSelesai: '08:00' }, false],
    [{ ...a, jamMulai: '8:00' }, false],
    [{ ...a, uraian: 'ab' }, false],
    [{ ...a, version: 1 }, false],
    [{ ...a, uraian: 'nul\u0000byte' }, false],
  ])('%j → %s', (v, ok) => expect(AktivitasBody.safeParse(v).success).toBe(ok));
  it.each([
    [{ decision: 'SETUJUI', version: 1 }, true],
    [{ decision: 'KEMBALIKAN', version: 1 }, false],
    [{ decision: 'KEMBALIKAN', note: 'Lengkapi', version: 1 }, true],
    [{ decision: 'TOLAK', version: 1 }, false],
    [{ decision: 'SETUJUI', version: 0 }, false],
  ])('review %j → %s', (v, ok) => expect(AktivitasReviewBody.safeParse(v).success).toBe(ok));
});
