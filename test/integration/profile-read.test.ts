/**
 * The profile read as one statement (employees/profile-read.ts) presents exactly what the Prisma
 * read it replaced presented: every field of the employee and of its nine histories (dates,
 * enums, decimals, nulls, arrays), their order with ties, with and without personal data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../../server/src/auth/actor.ts';
import type { Db } from '../../server/src/db.ts';
import { presentEmployeeDetail } from '../../server/src/modules/employees/presenter.ts';
import { readProfile } from '../../server/src/modules/employees/profile-read.ts';
import { buildTestApp, loginAgent, type TestApp } from '../support/app.ts';
import { createAsn, createEmployee, createOpd, createUser, PASSWORD } from '../support/factories.ts';

let t: TestApp;
beforeAll(() => {
  t = buildTestApp();
});
afterAll(() => t.close());

/** The read this replaced: Prisma, one relation-join query. */
async function prismaRead(db: Db, id: number) {
  const found = await db.employee.findUnique({
    where: { id },
    relationLoadStrategy: 'join',
    include: {
      opd: true,
      atasan: { select: { id: true, nip: true, nama: true, gelarDepan: true, gelarBelakang: true } },
      riwayatPangkat: { orderBy: [{ tmtGolongan: 'desc' }, { id: 'desc' }] },
      riwayatJabatan: { orderBy: [{ tmtJabatan: 'desc' }, { id: 'desc' }], include: { opd: { select: { id: true, kode: true, nama: true } } } },
      riwayatPendidikan: { orderBy: [{ tahunLulus: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }] },
      riwayatDiklat: { orderBy: [{ tanggalMulai: 'desc' }, { id: 'desc' }] },
      riwayatSkp: { orderBy: [{ tahun: 'desc' }, { id: 'desc' }] },
      riwayatHukdis: { orderBy: [{ tanggalSk: 'desc' }, { id: 'desc' }] },
      riwayatKgb: { orderBy: [{ tmt: 'desc' }, { id: 'desc' }] },
      riwayatCuti: { orderBy: [{ tanggalMulai: 'desc' }, { id: 'desc' }] },
      keluarga: { orderBy: { id: 'asc' } },
    },
  });
  if (!found) return null;
  const { riwayatPangkat: pangkat, riwayatJabatan: jabatan, riwayatPendidikan: pendidikan, riwayatDiklat: diklat, riwayatSkp: skp,
    riwayatHukdis: hukdis, riwayatKgb: kgb, riwayatCuti: cuti, keluarga, ...e } = found;
  return { employee: { ...e, opd: { id: e.opd.id, kode: e.opd.kode, nama: e.opd.nama } }, histories: { pangkat, jabatan, pendidikan, diklat, skp, hukdis, kgb, cuti, keluarga } };
}

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe('the profile read', () => {
  let full: { id: number };
  let bare: { id: number };
  let asnUsername: string;
  let asnEmployeeId: number;

  beforeAll(async () => {
    const opd = await createOpd(t.db);
    const other = await createOpd(t.db);
    const boss = await createEmployee(t.db, { opdId: opd.id, nama: 'Atasan Uji', gelarDepan: 'Dr.', gelarBelakang: 'M.Si.' });
    const asn = await createAsn(t.db, opd.id, { atasanId: boss.id });
    asnUsername = asn.username;
    asnEmployeeId = asn.employee.id;
    full = asn.employee;
    bare = await createEmployee(t.db, { opdId: other.id, status: 'PPPK' });
    const employeeId = full.id;
    await t.db.employee.update({
      where: { id: employeeId },
      data: {
        nipLama: '060012345', tempatLahir: 'Lumajang', nik: '3508011501900003', npwp: '12.345.678.9-012.000', agama: 'Islam', statusPerkawinan: 'Kawin',
        alamat: 'Jl. Kenanga 17', kota: 'Lumajang', kodePos: '67311', email: 'uji@example.go.id', noHp: '081234567890', tmtPns: d('2011-03-01'),
        unitKerja: 'Subbag Umum', namaJabatan: 'Analis SDM', eselon: null, jenjangFungsional: 'MAHIR', rumpunFungsional: 'KESEHATAN', tmtJabatan: d('2020-01-01'),
        tmtGolongan: d('2022-04-01'), mkgTahun: 10, mkgBulan: 3, jurusan: 'Manajemen', tahunLulus: 2008, gajiPokok: 3_500_000, tmtKgbTerakhir: d('2024-04-01'),
        nipWarnings: ['TANGGAL_LAHIR', 'JENIS_KELAMIN'],
      },
    });
    await t.db.riwayatPangkat.createMany({
      data: [
        { employeeId, golongan: 'III/a', tmtGolongan: d('2012-04-01'), jenisKp: 'REGULER', nomorSk: 'SK/1', tanggalSk: d('2012-03-01'), mkgTahun: 0, mkgBulan: 0, gajiPokok: 2_000_000 },
        { employeeId, golongan: 'III/b', tmtGolongan: d('2016-04-01'), jenisKp: 'PILIHAN_FUNGSIONAL', pertekNomor: 'PT/2', mkgTahun: 4, mkgBulan: 0 },
        { employeeId, golongan: 'III/c', tmtGolongan: d('2020-04-01'), mkgTahun: 8, mkgBulan: 0 },
      ],
    });
    await t.db.riwayatJabatan.createMany({
      data: [
        { employeeId, jenisJabatan: 'PELAKSANA', namaJabatan: 'Pengadministrasi', opdId: other.id, tmtJabatan: d('2011-03-01') },
        { employeeId, jenisJabatan: 'FUNGSIONAL', namaJabatan: 'Analis SDM', jenjangFungsional: 'MAHIR', rumpunFungsional: 'KESEHATAN', opdId: opd.id, unitKerja: 'Subbag Umum', tmtJabatan: d('2020-01-01'), nomorSk: 'J/2', tanggalSk: d('2019-12-20') },
        { employeeId, jenisJabatan: 'FUNGSIONAL', namaJabatan: 'Analis SDM Ahli', opdId: opd.id, tmtJabatan: d('2021-01-01') },
      ],
    });
    await t.db.riwayatPendidikan.createMany({
      data: [
        { employeeId, jenjang: 'SMA', tahunLulus: 2003, institusi: 'SMAN 1' },
        { employeeId, jenjang: 'S1', jurusan: 'Manajemen', institusi: 'Universitas Jember', tahunLulus: 2008, nomorIjazah: 'IJ-1', tanggalIjazah: d('2008-09-01') },
        { employeeId, jenjang: 'S2' },
      ],
    });
    await t.db.riwayatDiklat.createMany({
      data: [
        { employeeId, jenis: 'TEKNIS', nama: 'Diklat A', tanggalMulai: d('2023-05-01'), tanggalSelesai: d('2023-05-03'), jp: 24 },
        { employeeId, jenis: 'FUNGSIONAL', nama: 'Diklat B', penyelenggara: 'BKPSDM', tanggalMulai: d('2024-02-01'), tanggalSelesai: d('2024-02-10'), jp: 60, nomorSertifikat: 'C/9' },
        // The same start as B: the newer row first.
        { employeeId, jenis: 'KEPEMIMPINAN', nama: 'Diklat C', tanggalMulai: d('2024-02-01'), tanggalSelesai: d('2024-02-02'), jp: 8 },
      ],
    });
    await t.db.riwayatSkp.createMany({
      data: [
        { employeeId, tahun: 2023, nilai: '85.50', predikat: 'BAIK' },
        { employeeId, tahun: 2024, nilai: '91.25', predikat: 'SANGAT_BAIK' },
        { employeeId, tahun: 2025 },
      ],
    });
    await t.db.riwayatHukdis.create({ data: { employeeId, tingkat: 'RINGAN', jenis: 'Teguran lisan', nomorSk: 'HD/1', tanggalSk: d('2021-06-01'), tmt: d('2021-06-02'), keterangan: 'uji' } });
    await t.db.riwayatKgb.createMany({
      data: [
        { employeeId, tmt: d('2022-04-01'), golongan: 'III/c', mkgTahun: 10, mkgBulan: 0, gajiPokokLama: 3_000_000, gajiPokok: 3_200_000, nomorSurat: 'KGB/1', tanggalSurat: d('2022-03-01') },
        { employeeId, tmt: d('2024-04-01'), golongan: 'III/c', mkgTahun: 12, mkgBulan: 0, gajiPokok: 3_500_000 },
      ],
    });
    await t.db.riwayatCuti.create({ data: { employeeId, jenisCuti: 'TAHUNAN', tanggalMulai: d('2025-01-06'), tanggalSelesai: d('2025-01-08'), lamaHari: 3 } });
    await t.db.keluarga.createMany({
      data: [
        { employeeId, hubungan: 'ISTRI', nama: 'Sri', tanggalLahir: d('1991-02-03'), jenisKelamin: 'P', tanggalNikah: d('2012-06-10'), statusTunjangan: true },
        { employeeId, hubungan: 'ANAK', nama: 'Adi' },
      ],
    });
  });

  it('presents exactly what the Prisma read presented, for every field, with and without personal data', async () => {
    const admin = await createUser(t.db, { roles: ['BKD_ADMIN'] });
    const atasanUser = await createUser(t.db, { roles: ['BKD_VERIFIER'] });
    for (const userId of [admin.id, atasanUser.id]) {
      const actor = (await loadActor(t.db, userId))!;
      for (const { id } of [full, bare]) {
        const reference = (await prismaRead(t.db, id))!;
        const read = (await readProfile(t.db, id))!;
        const expected = JSON.parse(JSON.stringify(presentEmployeeDetail(actor, reference.employee as never, reference.histories as never)));
        expect(JSON.parse(JSON.stringify(presentEmployeeDetail(actor, read.employee, read.histories)))).toEqual(expected);
      }
    }
    const read = (await readProfile(t.db, full.id))!;
    expect(read.histories.pangkat.map((r) => r.golongan)).toEqual(['III/c', 'III/b', 'III/a']);
    expect(read.histories.jabatan.map((r) => r.namaJabatan)).toEqual(['Analis SDM Ahli', 'Analis SDM', 'Pengadministrasi']);
    expect(read.histories.diklat.map((r) => r.nama)).toEqual(['Diklat C', 'Diklat B', 'Diklat A']);
    expect(read.histories.pendidikan.map((r) => r.jenjang)).toEqual(['S1', 'SMA', 'S2']);
    expect(read.histories.skp.map((r) => r.nilai)).toEqual([null, 91.25, 85.5]);
    expect(await readProfile(t.db, 2_000_000_000)).toBeNull();
  });

  it('is what GET /api/employees/me answers', async () => {
    const agent = await loginAgent(t.app, asnUsername, PASSWORD);
    const res = await agent.get('/api/employees/me');
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(asnEmployeeId);
    expect(res.body.kepegawaian.atasan).toMatchObject({ nama: 'Dr. Atasan Uji, M.Si.' });
    expect(res.body.profile.nik).toBe('3508011501900003');
    expect(res.body.histories.keluarga).toHaveLength(2);
    expect(res.body.histories.kgb[0]).toMatchObject({ tmt: '2024-04-01', gajiPokok: 3_500_000, gajiPokokLama: null });
  });
});
