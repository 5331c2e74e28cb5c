/**
 * The profile read (GET /api/employees/me and /:id): the employee with its unit, its atasan and its
 * nine histories in ONE prepared statement, each part built by PostgreSQL as JSON with the
 * presenter's own field names (PROFILE_FIELDS, HISTORY_FIELDS). Dates arrive as `YYYY-MM-DD`, as the
 * presenter sends them. Through Prisma (one relation-join query) the same read spent most of its
 * time turning the joined JSON back into typed rows that the presenter then turned into JSON again.
 * Equal to the Prisma read: test/integration/profile-read.test.ts.
 */
import { preparedRows, type Db } from '../../db.ts';
import { HISTORY_FIELDS, PROFILE_FIELDS, type HistoryKey } from './presenter.ts';

type Row = Record<string, unknown>;

export interface ProfileRows {
  employee: Row & { id: number; opdId: number; atasanId: number | null; opd: { id: number; kode: string; nama: string }; atasan: Row | null };
  histories: Record<HistoryKey, Row[]>;
}

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const columns = (alias: string, fields: readonly string[]) => fields.map((f) => `${alias}.${snake(f)} AS "${f}"`).join(', ');

/** Each history: its table and its order (newest first, as the profile shows it; the id breaks ties). */
const HISTORIES: Record<HistoryKey, { table: string; order: string }> = {
  pangkat: { table: 'riwayat_pangkat', order: 'x."tmtGolongan" DESC, x.id DESC' },
  jabatan: { table: 'riwayat_jabatan', order: 'x."tmtJabatan" DESC, x.id DESC' },
  pendidikan: { table: 'riwayat_pendidikan', order: 'x."tahunLulus" DESC NULLS LAST, x.id DESC' },
  diklat: { table: 'riwayat_diklat', order: 'x."tanggalMulai" DESC, x.id DESC' },
  skp: { table: 'riwayat_skp', order: 'x.tahun DESC, x.id DESC' },
  hukdis: { table: 'riwayat_hukdis', order: 'x."tanggalSk" DESC, x.id DESC' },
  kgb: { table: 'riwayat_kgb', order: 'x.tmt DESC, x.id DESC' },
  cuti: { table: 'riwayat_cuti', order: 'x."tanggalMulai" DESC, x.id DESC' },
  keluarga: { table: 'keluarga', order: 'x.id ASC' },
};
const HISTORY_KEYS = Object.keys(HISTORIES) as HistoryKey[];

const history = (key: HistoryKey) => {
  const { table, order } = HISTORIES[key];
  const opd = key === 'jabatan' ? `, (SELECT json_build_object('id', o.id, 'kode', o.kode, 'nama', o.nama) FROM opd o WHERE o.id = r.opd_id) AS opd` : '';
  return `COALESCE((SELECT json_agg(x ORDER BY ${order}) FROM (SELECT ${columns('r', HISTORY_FIELDS[key])}${opd} FROM ${table} r WHERE r.employee_id = e.id) x), '[]'::json) AS ${key}`;
};

const EMPLOYEE_FIELDS = [...new Set(['id', 'version', 'nip', 'nipWarnings', 'opdId', 'atasanId', ...PROFILE_FIELDS.personal, ...PROFILE_FIELDS.kepegawaian])];

export const PROFILE_SQL = `
  SELECT (SELECT row_to_json(x) FROM (SELECT ${columns('e', EMPLOYEE_FIELDS)}) x) AS employee,
         json_build_object('id', o.id, 'kode', o.kode, 'nama', o.nama) AS opd,
         (SELECT json_build_object('id', a.id, 'nip', a.nip, 'nama', a.nama, 'gelarDepan', a.gelar_depan, 'gelarBelakang', a.gelar_belakang)
            FROM employee a WHERE a.id = e.atasan_id) AS atasan,
         ${HISTORY_KEYS.map(history).join(',\n         ')}
  FROM employee e JOIN opd o ON o.id = e.opd_id
  WHERE e.id = $1::int`;

/** The employee's profile rows, or null when there is no such employee. */
export async function readProfile(db: Db, employeeId: number): Promise<ProfileRows | null> {
  const [r] = await preparedRows<Row>(db, 'simak_profile', PROFILE_SQL, [employeeId]);
  if (!r) return null;
  return {
    employee: { ...(r.employee as ProfileRows['employee']), opd: r.opd as ProfileRows['employee']['opd'], atasan: (r.atasan as Row | null) ?? null },
    histories: Object.fromEntries(HISTORY_KEYS.map((k) => [k, r[k] as Row[]])) as ProfileRows['histories'],
  };
}
