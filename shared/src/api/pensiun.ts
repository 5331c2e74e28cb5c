/** API contract of e-Pensiun (Mantun): the BUP table, the forecast, pension files, the ASN's own view. */
import { z } from 'zod';
import { idParam, id, int, intParam, isoDate, pageParam, pageSizeParam, pastDate, text, tmtDate, yearParam } from './primitives.ts';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

// ---------------------------------------------------------------------------
// BUP table (configuration with its legal basis)

export const BupRuleRow = z.object({
  id: z.string(),
  sort: z.number().int(),
  when: z.record(z.string(), z.unknown()),
  bup: z.number().int(),
  basis: z.string(),
  description: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type BupRuleRow = z.infer<typeof BupRuleRow>;
export const BupRuleList = z.object({ items: z.array(BupRuleRow), fallback: z.object({ bup: z.number().int(), basis: z.string(), description: z.string() }) });

export const BupRuleParam = z.object({ id: text({ label: 'Aturan', min: 1, max: 40 }) });
/** Editing one rule: its age, legal basis and description (conditions stay as defined); the version guards against lost updates. */
export const BupRuleBody = z.object({
  bup: int(50, 75, 'BUP (tahun)'),
  basis: text({ label: 'Dasar hukum', min: 1, max: 300 }),
  description: text({ label: 'Keterangan', min: 1, max: 300 }),
  version: int(1, 2_000_000_000, 'Versi'),
});
export type BupRuleBody = z.infer<typeof BupRuleBody>;

// ---------------------------------------------------------------------------
// Forecast

export const ForecastQuery = z.object({
  months: intParam(1, 120, 'Jangka (bulan)').default(24),
  asOf: isoDate({ label: 'Per tanggal' }).optional(),
  opd: text({ label: 'Kode OPD', min: 1, max: 50 }).optional(),
  /** A file state, NONE (no file yet) or OVERDUE (due date passed, not submitted). */
  state: z.string().regex(/^[A-Z_]{1,30}$/, 'Status tidak dikenal').optional(),
  /** The month of the pension TMT (YYYY-MM). */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Bulan harus berbentuk YYYY-MM').optional(),
  /** Name or NIP. */
  q: text({ label: 'Cari', max: 100 }).optional(),
  sort: z.enum(['tmt', '-tmt']).default('tmt'),
  page: pageParam(),
  pageSize: pageSizeParam(1000, 500),
});
export type ForecastQuery = z.infer<typeof ForecastQuery>;

export const ForecastItem = z.object({
  employeeId: z.number().int(),
  nip: z.string(),
  nama: z.string(),
  opd: z.object({ id: z.number().int(), kode: z.string(), nama: z.string() }),
  statusKepegawaian: z.string(),
  bup: z.number().int(),
  bupRule: z.string(),
  bupBasis: z.string(),
  tmtPensiun: Day,
  /** The day the file is due at BKD: TMT − pensiun.lead_months. */
  dueDate: Day,
  /** Due date passed and no file submitted yet. */
  overdue: z.boolean(),
  file: z.object({ requestId: z.number().int(), state: z.string(), stateLabel: z.string() }).nullable(),
});
export type ForecastItem = z.infer<typeof ForecastItem>;
export const ForecastResult = z.object({
  asOf: Day,
  months: z.number().int(),
  leadMonths: z.number().int(),
  /** Everyone in the forecast (before the filters), and of them overdue. */
  count: z.number().int(),
  overdue: z.number().int(),
  /** Per file state (NONE: no file yet), before the filters. */
  byState: z.record(z.string(), z.number().int()),
  /** Rows matching the filters; items is one page of them. */
  total: z.number().int(),
  items: z.array(ForecastItem),
});
export type ForecastResult = z.infer<typeof ForecastResult>;

// ---------------------------------------------------------------------------
// Pension files

export const PENSIUN_KINDS = ['BUP', 'APS', 'JANDA_DUDA', 'YATIM', 'TIDAK_CAKAP'] as const;
export const PensiunKind = z.enum(PENSIUN_KINDS);
export type PensiunKind = z.infer<typeof PensiunKind>;
export const PENSIUN_KIND_LABELS: Record<PensiunKind, string> = {
  BUP: 'Pensiun batas usia (BUP)',
  APS: 'Pensiun atas permintaan sendiri (APS)',
  JANDA_DUDA: 'Pensiun janda/duda',
  YATIM: 'Pensiun yatim/piatu',
  TIDAK_CAKAP: 'Pensiun tidak cakap jasmani/rohani',
};

const Person = z.object({ nama: z.string(), tanggalLahir: Day.nullable() });
/** DPCP (Data Perorangan Calon Penerima Pensiun), pre-filled from the records when the file opens. */
export const Dpcp = z.object({
  nip: z.string(),
  nama: z.string(),
  tempatLahir: z.string().nullable(),
  tanggalLahir: Day,
  jenisKelamin: z.string(),
  alamat: z.string().nullable(),
  statusKepegawaian: z.string(),
  tmtCpns: Day.nullable(),
  tmtPns: Day.nullable(),
  opd: z.string(),
  jabatan: z.object({ jenis: z.string(), nama: z.string().nullable(), eselon: z.string().nullable(), tmt: Day.nullable() }),
  pangkat: z.object({ golongan: z.string().nullable(), tmt: Day.nullable(), mkgTahun: z.number().int().nullable(), mkgBulan: z.number().int().nullable() }),
  gajiPokok: z.number().int().nullable(),
  pasangan: z.array(Person.extend({ hubungan: z.string(), tanggalNikah: Day.nullable() })),
  /** Children under 25 at the pension TMT. */
  anak: z.array(Person),
  riwayatPangkat: z.array(z.object({ golongan: z.string(), tmt: Day, nomorSk: z.string().nullable() })),
  riwayatJabatan: z.array(z.object({ nama: z.string(), tmt: Day.nullable() })),
});
export type Dpcp = z.infer<typeof Dpcp>;


export const PensiunPayload = z.object({
  jenis: PensiunKind,
  tmtPensiun: Day,
  bup: z.number().int().nullable(),
  bupBasis: z.string().nullable(),
  dueDate: Day.nullable(),
  /** Opened by the daily job (lead time reached) or by the OPD admin. */
  openedBy: z.enum(['SYSTEM', 'OPD']),
  dpcp: Dpcp,
  bkn: z.object({ approved: z.boolean(), nomor: z.string().nullable(), tanggal: Day, note: z.string().nullable() }).optional(),
  sk: z
    .object({ nomorSk: z.string(), tanggalSk: Day, tmt: Day, documentId: z.number().int(), letter: z.object({ id: z.number().int(), number: z.string(), date: Day }).nullable() })
    .optional(),
  /** The day (app clock) the file first reached BKD: on time when not after dueDate. */
  submittedOn: Day.optional(),
  handedOverAt: Day.optional(),
  exitRecordedAt: Day.optional(),
});
export type PensiunPayload = z.infer<typeof PensiunPayload>;

/** Opening a file by the OPD admin (other pension kinds; BUP files open themselves but may be opened early). */
export const PensiunOpenBody = z.object({
  employeeId: id('Pegawai'),
  jenis: PensiunKind,
  /** TMT pensiun (required except for BUP, where it follows from the BUP rules). */
  tmt: tmtDate('TMT pensiun').optional(),
  note: text({ label: 'Catatan', max: 1000 }).optional(),
});
export type PensiunOpenBody = z.infer<typeof PensiunOpenBody>;
export const PensiunOpenResult = z.object({ requestId: z.number().int(), state: z.string() });

/** BKN's technical consideration (pertek) for the pension. */
export const PensiunBknInput = z.object({
  nomor: text({ label: 'Nomor pertek BKN', min: 1, max: 100 }),
  tanggal: pastDate('Tanggal keputusan BKN'),
});
export type PensiunBknInput = z.infer<typeof PensiunBknInput>;

export const PensiunSkInput = z.object({
  nomorSk: text({ label: 'Nomor SK', min: 1, max: 100 }),
  tanggalSk: pastDate('Tanggal SK'),
  tmt: tmtDate('TMT pensiun'),
  documentId: id('Dokumen SK'),
});
export type PensiunSkInput = z.infer<typeof PensiunSkInput>;

export const PensiunFileParam = z.object({ id: idParam('Berkas') });

// ---------------------------------------------------------------------------
// The ASN's own view

export const PensiunMe = z.object({
  applicable: z.boolean(),
  reason: z.string().nullable(),
  bup: z.number().int().nullable(),
  bupRule: z.string().nullable(),
  bupBasis: z.string().nullable(),
  bupDescription: z.string().nullable(),
  tmtPensiun: Day.nullable(),
  dueDate: Day.nullable(),
  /** The day the BUP file opens by itself (pensiun.open_ahead_months before it is due). */
  opensOn: Day.nullable(),
  monthsLeft: z.number().int().nullable(),
  file: z
    .object({
      requestId: z.number().int(),
      jenis: PensiunKind,
      state: z.string(),
      stateLabel: z.string(),
      /** Required checklist documents not yet attached. */
      missing: z.array(z.string()),
      steps: z.array(z.object({ key: z.string(), label: z.string(), done: z.boolean(), at: z.string().nullable() })),
    })
    .nullable(),
});
export type PensiunMe = z.infer<typeof PensiunMe>;

// ---------------------------------------------------------------------------
// Reports

export const PensiunReportQuery = z.object({
  /** Months ahead for the retirements by OPD and month (from the app's today). */
  months: intParam(1, 60, 'Jangka (bulan)').default(12),
  /** The year of "SK recorded" (the LKj counter) and of the on-time/late count; default this year. */
  year: yearParam(2000, 2200, 'Tahun').optional(),
  opd: text({ label: 'Kode OPD', min: 1, max: 50 }).optional(),
  format: z.enum(['json', 'xlsx']).default('json'),
});
export type PensiunReportQuery = z.infer<typeof PensiunReportQuery>;

const OpdRef = z.object({ id: z.number().int(), kode: z.string(), nama: z.string() });
export const PensiunReportResult = z.object({
  asOf: Day,
  year: z.number().int(),
  opd: OpdRef.nullable(),
  /** The months of the "ahead" table (YYYY-MM), from the current month. */
  months: z.array(z.string()),
  /** Retirements (pension TMT) per OPD and month ahead. */
  ahead: z.array(z.object({ opd: OpdRef, counts: z.array(z.number().int()), total: z.number().int() })),
  aheadTotals: z.array(z.number().int()),
  /** Files with a due date in the year: submitted to BKD on time, late, still owed past the due date, not yet due. */
  timeliness: z.array(z.object({ opd: OpdRef, onTime: z.number().int(), late: z.number().int(), overdue: z.number().int(), notDue: z.number().int() })),
  timelinessTotals: z.object({ onTime: z.number().int(), late: z.number().int(), overdue: z.number().int(), notDue: z.number().int() }),
  /** Pension SKs recorded per year (the year's count is the LKj output "ASN menerima SK pensiun"). */
  skPerYear: z.array(z.object({ year: z.number().int(), count: z.number().int() })),
  skThisYear: z.number().int(),
});
export type PensiunReportResult = z.infer<typeof PensiunReportResult>;

// ---------------------------------------------------------------------------
// The request page's details of a pension file (GET /api/requests/:id → details)

export type PensiunRequestDetails = {
  jenis: PensiunKind;
  jenisLabel: string;
  tmtPensiun: string;
  bup: number | null;
  bupBasis: string | null;
  dueDate: string | null;
  /** Due date passed and the file not yet submitted to BKD. */
  overdue: boolean;
  openedBy: 'SYSTEM' | 'OPD';
  dpcp: Dpcp;
  bkn: PensiunPayload['bkn'] | null;
  sk: (NonNullable<PensiunPayload['sk']> & { documentUrl: string }) | null;
  handedOverAt: string | null;
  exitRecordedAt: string | null;
  letter: {
    id: number;
    number: string;
    date: string;
    sha256: string | null;
    ready: boolean;
    downloadUrl: string | null;
    viewUrl: string | null;
    verifyUrl: string;
  } | null;
};
