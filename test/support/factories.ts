/** Factories for integration tests: each call makes fresh, unique rows. */
import { hash } from '@node-rs/argon2';
import { KP_REGIMES_SEED, KP_WINDOWS_SEED } from '@simak/shared/rules/kp-periods';
import type { Db } from '../../server/src/db.ts';
import type { Role } from '../../server/src/generated/prisma/enums.ts';
import { uniq } from './app.ts';

export const PASSWORD = 'Rahasia123';
let hashed: Promise<string> | undefined;
const passwordHash = () => (hashed ??= hash(PASSWORD));

let nipSeq = 0;
/** A syntactically valid NIP (birth date + TMT CPNS + sex + sequence) unique within the run. */
export function makeTestNip(birth = '19900115', tmt = '201503', sex: 'L' | 'P' = 'L') {
  nipSeq++;
  const seq = String((process.pid * 7 + nipSeq) % 999 + 1).padStart(3, '0');
  const year = String(1960 + ((process.pid + nipSeq) % 40));
  return `${year}${birth.slice(4)}${tmt}${sex === 'L' ? 1 : 2}${seq}`;
}

export async function createOpd(db: Db, data: { parentId?: number; nama?: string } = {}) {
  const kode = uniq('OPD');
  return db.opd.create({ data: { kode, nama: data.nama ?? `Dinas ${kode}`, parentId: data.parentId ?? null } });
}

export async function createEmployee(
  db: Db,
  data: { opdId: number; atasanId?: number; nama?: string; gelarDepan?: string; gelarBelakang?: string; status?: 'PNS' | 'CPNS' | 'PPPK' | 'KONTRAK'; golongan?: string },
) {
  let nip = makeTestNip();
  while (await db.employee.findUnique({ where: { nip } })) nip = makeTestNip();
  return db.employee.create({
    data: {
      nip,
      nama: data.nama ?? `Pegawai ${nip.slice(-6)}`,
      gelarDepan: data.gelarDepan ?? null,
      gelarBelakang: data.gelarBelakang ?? null,
      jenisKelamin: 'L',
      tanggalLahir: new Date(`${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`),
      statusKepegawaian: data.status ?? 'PNS',
      tmtCpns: new Date(`${nip.slice(8, 12)}-${nip.slice(12, 14)}-01`),
      opdId: data.opdId,
      jenisJabatan: 'PELAKSANA',
      golongan: data.golongan ?? 'III/a',
      pendidikanTerakhir: 'S1',
      atasanId: data.atasanId ?? null,
    },
  });
}

export async function createUser(
  db: Db,
  opts: { roles: Role[]; opdIds?: number[]; employeeId?: number; username?: string; mustChangePassword?: boolean },
) {
  const username = opts.username ?? uniq('user.');
  const roleRows: { role: Role; opdId: number | null }[] = opts.roles.flatMap((role): { role: Role; opdId: number | null }[] =>
    role === 'OPD_ADMIN' ? (opts.opdIds ?? []).map((opdId) => ({ role, opdId })) : [{ role, opdId: null }],
  );
  return db.user.create({
    data: {
      username,
      passwordHash: await passwordHash(),
      displayName: `Akun ${username}`,
      employeeId: opts.employeeId ?? null,
      mustChangePassword: opts.mustChangePassword ?? false,
      roles: { create: roleRows },
    },
  });
}

/** An ASN with an employee record and a login (username = NIP). */
export async function createAsn(db: Db, opdId: number, extra: { atasanId?: number } = {}) {
  const employee = await createEmployee(db, { opdId, atasanId: extra.atasanId });
  const user = await createUser(db, { roles: ['ASN'], employeeId: employee.id, username: employee.nip });
  return { employee, user, username: employee.nip };
}

/** A vault document row (for tests that only need an attachable document). */
export async function createDocumentRow(db: Db, employeeId: number, jenis: 'SK_PANGKAT' | 'IJAZAH' | 'KK' | 'LAINNYA' = 'LAINNYA') {
  const key = uniq('k');
  return db.document.create({
    data: {
      employeeId,
      jenis,
      slotKey: `${jenis}:test:${Math.floor(Math.random() * 1e9)}`,
      title: `Dokumen ${jenis}`,
      originalName: 'bukti.pdf',
      storageKey: `documents/test/${key}.pdf`,
      mimeType: 'application/pdf',
      sizeBytes: 10,
      sha256: '0'.repeat(64),
    },
  });
}

/** The KP calendar (period regimes and announced windows) as the migration seeds it, whatever other test files did to it. */
export async function resetKpCalendar(db: Db) {
  const d = (s: string) => new Date(`${s}T00:00:00Z`);
  await db.kpPeriod.deleteMany();
  await db.kpPeriodRegime.deleteMany();
  await db.kpPeriodRegime.createMany({
    data: KP_REGIMES_SEED.map((r) => ({
      regulation: r.regulation,
      effectiveFrom: r.effectiveFrom ? d(r.effectiveFrom) : null,
      effectiveUntil: r.effectiveUntil ? d(r.effectiveUntil) : null,
      months: [...r.months],
      windowOpensMonthsBefore: r.window.opensMonthsBefore,
      windowOpensDay: r.window.opensDay,
      windowClosesMonthsBefore: r.window.closesMonthsBefore,
      windowClosesDay: r.window.closesDay,
    })),
  });
  await db.kpPeriod.createMany({ data: KP_WINDOWS_SEED.map((w) => ({ period: d(w.period), windowOpens: d(w.opens), windowCloses: d(w.closes), note: w.note ?? null })) });
}
