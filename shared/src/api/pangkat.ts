/**
 * API contract of e-Pangkat (KP, DOMAIN-RULES §4): period regimes and submission windows
 * (edited by a BKD admin), the eligibility list per period, the ASN's own view, angka kredit
 * records, and the JSON of `npm run pangkat:eligible`. Shared by the server, the CLI and the web.
 */
import { z } from 'zod';
import { JENIS_JABATAN } from '../codes.ts';
import { golonganIndex, GolonganSchema } from '../rules/golongan.ts';
import { KP_KINDS } from '../rules/kp-eligibility.ts';
import { regimeProblems } from '../rules/kp-periods.ts';
import { isFirstOfMonth, isValidDate } from '../rules/dates.ts';
import { decimal, endNotBefore, id, idParam, int, intParam, isoDate, pageParam, pageSizeParam, pastDate, text, year } from './primitives.ts';

export const KpKindSchema = z.enum(KP_KINDS);
export type KpKindCode = z.infer<typeof KpKindSchema>;

const Day = z.string().describe('YYYY-MM-DD');

/** A KP period: a real 1st of a month. */
export const KpPeriodDate = (label = 'Periode') =>
  isoDate({ label }).refine((v) => !isValidDate(v) || isFirstOfMonth(v), `${label} harus tanggal 1 suatu bulan.`);

// ---------------------------------------------------------------------------
// Regimes and windows

export const KpWindowRuleSchema = z.object({
  opensMonthsBefore: int(0, 24, 'Bulan buka sebelum periode'),
  opensDay: int(1, 31, 'Tanggal buka'),
  closesMonthsBefore: int(0, 24, 'Bulan tutup sebelum periode'),
  closesDay: int(1, 31, 'Tanggal tutup'),
});
export type KpWindowRuleBody = z.infer<typeof KpWindowRuleSchema>;

export const KpRegimeBody = z
  .object({
    regulation: text({ label: 'Dasar hukum', min: 1, max: 200 }),
    effectiveFrom: isoDate({ label: 'Mulai berlaku' }).nullable(),
    effectiveUntil: isoDate({ label: 'Berlaku sampai' }).nullable(),
    months: z.array(int(1, 12, 'Bulan')).min(1, 'Pilih minimal satu bulan.').max(12, 'Maksimal 12 bulan.'),
    window: KpWindowRuleSchema,
    note: text({ label: 'Catatan', max: 500 }).nullable().optional(),
  })
  .superRefine((v, ctx) => {
    const dates = [v.effectiveFrom, v.effectiveUntil];
    if (dates.some((d) => d !== null && !isValidDate(d))) return;
    for (const message of regimeProblems(v)) ctx.addIssue({ code: 'custom', message });
  });
export type KpRegimeBody = z.infer<typeof KpRegimeBody>;

export const KpRegime = z.object({
  id: z.number().int(),
  regulation: z.string(),
  effectiveFrom: Day.nullable(),
  effectiveUntil: Day.nullable(),
  months: z.array(z.number().int()),
  window: KpWindowRuleSchema,
  note: z.string().nullable(),
  updatedAt: z.string(),
});
export type KpRegime = z.infer<typeof KpRegime>;
export const KpRegimeList = z.object({ items: z.array(KpRegime) });

export const KpRegimeParam = z.object({ id: idParam('ID aturan periode') });
export const EmployeeParam = z.object({ id: idParam('ID pegawai') });

export const KpPeriodParam = z.object({ period: KpPeriodDate() });

export const KpWindowBody = z
  .object({
    opens: isoDate({ label: 'Tanggal buka' }),
    closes: isoDate({ label: 'Tanggal tutup' }),
    note: text({ label: 'Catatan', max: 500 }).nullable().optional(),
  })
  .superRefine(endNotBefore('opens', 'closes', 'Tanggal tutup'));
export type KpWindowBody = z.infer<typeof KpWindowBody>;

export const KpWindowStatusSchema = z.enum(['BELUM_DIBUKA', 'DIBUKA', 'DITUTUP']);

export const KpPeriodInfo = z.object({
  period: Day,
  regulation: z.string(),
  opens: Day,
  closes: Day,
  /** ATURAN = from the regime's rule; DITETAPKAN = set for this period. */
  source: z.enum(['ATURAN', 'DITETAPKAN']),
  note: z.string().nullable(),
  /** Where today stands in the window. */
  status: KpWindowStatusSchema,
});
export type KpPeriodInfo = z.infer<typeof KpPeriodInfo>;

export const KpPeriodsQuery = z.object({
  /** First day to list periods from (default today). */
  from: isoDate({ label: 'Mulai' }).optional(),
  count: intParam(1, 60, 'Jumlah periode').default(12),
});
export const KpPeriodsResult = z.object({ today: Day, items: z.array(KpPeriodInfo) });

export const KpWindowOverrideResult = z.object({ period: KpPeriodInfo });

// ---------------------------------------------------------------------------
// Eligibility

export const KpFlagSchema = z.object({ code: z.enum(['UJIAN_DINAS', 'UJIAN_PENYESUAIAN_IJAZAH']), message: z.string() });

export const EligibleQuery = z.object({
  /** The KP period (default: the next period). */
  period: KpPeriodDate().optional(),
  /** An OPD code: that unit and every unit under it. */
  opd: text({ label: 'Kode OPD', min: 1, max: 50 }).optional(),
  status: z.enum(['all', 'eligible', 'ineligible']).default('all'),
  jenis: KpKindSchema.optional(),
  /** Name fragment or NIP prefix. */
  q: text({ label: 'Pencarian', max: 100 }).optional(),
  page: pageParam(),
  pageSize: pageSizeParam(200, 50),
});
export type EligibleQuery = z.infer<typeof EligibleQuery>;

const OpdRef = z.object({ id: z.number().int(), kode: z.string(), nama: z.string() });

export const EligibleRow = z.object({
  employeeId: z.number().int(),
  nip: z.string(),
  nama: z.string(),
  opd: OpdRef,
  jabatan: z.object({ jenis: z.string(), nama: z.string().nullable(), eselon: z.string().nullable(), jenjang: z.string().nullable() }),
  eligible: z.boolean(),
  /** The kind proposed (eligible) or null. */
  jenis: KpKindSchema.nullable(),
  from: z.string(),
  to: GolonganSchema.nullable(),
  tmtGolongan: Day.nullable(),
  reasons: z.array(z.string()),
  codes: z.array(z.string()),
  /** Ujian dinas crossing (II/d→III/a, III/d→IV/a) or diploma-adjustment exam: flagged, not blocking. */
  flags: z.array(KpFlagSchema),
  /** The employee's open or finished proposal for this period (withdrawn ones excluded), if any. */
  proposal: z.object({ requestId: z.number().int(), state: z.string(), stateLabel: z.string(), tone: z.string() }).nullable(),
});
export type EligibleRow = z.infer<typeof EligibleRow>;

export const EligibleResult = z.object({
  period: KpPeriodInfo,
  /** The OPD filter (null = every unit in the viewer's scope). */
  opd: OpdRef.nullable(),
  totals: z.object({ all: z.number().int(), eligible: z.number().int(), ineligible: z.number().int(), byJenis: z.record(z.string(), z.number().int()) }),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Rows matching status/jenis/q (what the pages cover). */
  total: z.number().int(),
  items: z.array(EligibleRow),
});
export type EligibleResult = z.infer<typeof EligibleResult>;

/** `npm run pangkat:eligible -- --period YYYY-MM-DD [--opd KODE] --json`: every active PNS in scope. */
export const EligibleCliOutput = z.object({
  period: Day,
  eligible: z.array(z.object({ nip: z.string(), nama: z.string(), from: z.string(), to: GolonganSchema, jenis: KpKindSchema })),
  ineligible: z.array(z.object({ nip: z.string(), nama: z.string(), reasons: z.array(z.string()) })),
});
export type EligibleCliOutput = z.infer<typeof EligibleCliOutput>;

// ---------------------------------------------------------------------------
// The ASN's own view

export const MyKpResult = z.object({
  /** False for CPNS, PPPK, contract staff or incomplete rank data (see `reason`). */
  applicable: z.boolean(),
  reason: z.string().nullable(),
  employee: z.object({ nip: z.string(), nama: z.string(), golongan: z.string().nullable(), tmtGolongan: Day.nullable(), jabatan: z.string() }),
  /** The next period: the verdict with the records as they are. */
  next: z
    .object({ period: KpPeriodInfo, eligible: z.boolean(), jenis: KpKindSchema.nullable(), to: GolonganSchema.nullable(), reasons: z.array(z.string()), flags: z.array(KpFlagSchema) })
    .nullable(),
  /** The earliest period (next 10 years) at which time in rank/position and penalties allow a KP, and what is still missing then. */
  earliest: z
    .object({ period: KpPeriodInfo, eligible: z.boolean(), jenis: KpKindSchema, to: GolonganSchema.nullable(), missing: z.array(z.string()), flags: z.array(KpFlagSchema) })
    .nullable(),
});
export type MyKpResult = z.infer<typeof MyKpResult>;

// ---------------------------------------------------------------------------
// Angka kredit (PAK) of functional positions

export const AngkaKreditBody = z.object({
  nilai: decimal(0, 99_999.999, 'Angka kredit'),
  tanggalPak: pastDate('Tanggal PAK'),
  nomorPak: text({ label: 'Nomor PAK', min: 1, max: 100 }),
  /** The PAK document in the employee's vault. */
  documentId: id('Dokumen PAK').nullable().optional(),
});
export type AngkaKreditBody = z.infer<typeof AngkaKreditBody>;

export const AngkaKreditRow = z.object({
  id: z.number().int(),
  employeeId: z.number().int(),
  nilai: z.number(),
  tanggalPak: Day,
  nomorPak: z.string(),
  documentId: z.number().int().nullable(),
});
export const AngkaKreditList = z.object({ items: z.array(AngkaKreditRow) });

// ---------------------------------------------------------------------------
// Proposals (KP request type of the verification engine)

/** BKN's technical approval (pertek) of a proposal. */
export const KpPertek = z.object({
  nomor: text({ label: 'Nomor pertek', min: 1, max: 100 }),
  tanggal: pastDate('Tanggal pertek'),
});
export type KpPertek = z.infer<typeof KpPertek>;

/** Input of the `record_pertek` action. */
export const KpPertekInput = KpPertek;

/**
 * Input of the `record_sk` action: the SK as issued (the TMT is the period, the new rank the
 * proposed one); MKG as the SK states it (prefilled from the rules), the signed PDF already in the
 * employee's vault (type SK pangkat), and the pertek when it was not recorded before.
 */
export const KpSkInput = z
  .object({
    nomorSk: text({ label: 'Nomor SK', min: 1, max: 100 }),
    tanggalSk: pastDate('Tanggal SK'),
    mkgTahun: int(0, 60, 'MKG (tahun)'),
    mkgBulan: int(0, 11, 'MKG (bulan)'),
    documentId: id('Dokumen SK'),
    pertek: KpPertek.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.pertek && v.pertek.tanggal > v.tanggalSk) ctx.addIssue({ code: 'custom', path: ['pertek', 'tanggal'], message: 'Tanggal pertek tidak boleh setelah tanggal SK.' });
  });
export type KpSkInput = z.infer<typeof KpSkInput>;

/** The SK as recorded on the proposal. */
export const KpSkRecord = z.object({
  nomorSk: z.string(),
  tanggalSk: Day,
  tmt: Day,
  golongan: GolonganSchema,
  mkgTahun: z.number().int(),
  mkgBulan: z.number().int(),
  gajiPokok: z.number().int().nullable(),
  documentId: z.number().int(),
  riwayatPangkatId: z.number().int(),
  letter: z.object({ id: z.number().int(), number: z.string(), date: Day }),
});
export type KpSkRecord = z.infer<typeof KpSkRecord>;

/** `GET /api/pangkat/proposals/:id/sk-form`: what the SK form is prefilled with. */
export const KpSkForm = z.object({
  tmt: Day,
  golongan: GolonganSchema,
  mkgTahun: z.number().int(),
  mkgBulan: z.number().int(),
  /** Basic salary at the new rank and MKG from the table in force at the TMT. */
  gajiPokok: z.number().int().nullable(),
  regulation: z.string().nullable(),
  authority: z.enum(['PPK', 'PRESIDEN']),
  pertekLabel: z.string(),
  pertekRequired: z.boolean(),
  pertek: KpPertek.nullable(),
});
export type KpSkForm = z.infer<typeof KpSkForm>;

/** Every field of a KP proposal, validated on creation, on every change and whenever it is read. */
export const KpProposalPayload = z
  .object({
    period: KpPeriodDate(),
    jenis: KpKindSchema,
    from: GolonganSchema,
    to: GolonganSchema,
    tmtGolongan: isoDate({ label: 'TMT golongan' }),
    /** The period's submission window when the proposal was made (the transition checks the current one). */
    window: z.object({ opens: isoDate({ label: 'Tanggal buka' }), closes: isoDate({ label: 'Tanggal tutup' }) }),
    /** The two SKP years the proposal needs (the checklist asks for one SKP each). */
    skpYears: z.tuple([year(), year()]),
    /** The figures the eligibility was judged on. */
    basis: z.object({
      pendidikan: text({ label: 'Pendidikan', min: 1, max: 50 }),
      jenisJabatan: z.enum(JENIS_JABATAN),
      namaJabatan: text({ label: 'Nama jabatan', max: 300 }).nullable(),
      eselon: text({ label: 'Eselon', max: 10 }).nullable(),
      jenjang: text({ label: 'Jenjang', max: 40 }).nullable(),
      tmtJabatan: isoDate({ label: 'TMT jabatan' }).nullable(),
      skp: z
        .array(z.object({ tahun: year(), predikat: text({ label: 'Predikat', max: 40 }).nullable(), nilai: decimal(0, 1000, 'Nilai SKP').nullable() }))
        .max(10),
      angkaKredit: z
        .object({ nilai: decimal(0, 99_999.999, 'Angka kredit'), tanggalPak: isoDate({ label: 'Tanggal PAK' }), nomorPak: text({ label: 'Nomor PAK', max: 100 }).nullable() })
        .nullable(),
    }),
    flags: z.array(KpFlagSchema).max(10),
    /** BKN's technical approval, once recorded (as stored: any real day, whatever the clock says now). */
    pertek: z.object({ nomor: text({ label: 'Nomor pertek', min: 1, max: 100 }), tanggal: isoDate({ label: 'Tanggal pertek' }) }).optional(),
    /** The SK, once recorded (the rank history row and the summary letter). */
    sk: KpSkRecord.optional(),
  })
  .refine((v) => golonganIndex(v.to) > golonganIndex(v.from), { message: 'Golongan tujuan harus lebih tinggi dari golongan asal.', path: ['to'] });
export type KpProposalPayload = z.infer<typeof KpProposalPayload>;

/** `POST /api/pangkat/proposals`: one batch of proposals for a period (every employee must be eligible). */
export const KpProposalBody = z.object({
  period: KpPeriodDate(),
  employeeIds: z
    .array(id('ID pegawai'))
    .min(1, 'Pilih minimal satu pegawai.')
    .max(100, 'Maksimal 100 pegawai dalam satu usulan.')
    .refine((ids) => new Set(ids).size === ids.length, 'ID pegawai tidak boleh berulang.'),
  title: text({ label: 'Judul', min: 1, max: 200 }).optional(),
});
export type KpProposalBody = z.infer<typeof KpProposalBody>;

export const KpProposalResult = z.object({
  batchId: z.number().int(),
  title: z.string(),
  period: KpPeriodInfo,
  items: z.array(
    z.object({
      requestId: z.number().int(),
      employeeId: z.number().int(),
      nip: z.string(),
      nama: z.string(),
      jenis: KpKindSchema,
      from: GolonganSchema,
      to: GolonganSchema,
      state: z.string(),
      /** Checklist keys filled from the vault. */
      prefilled: z.array(z.string()),
      /** Required checklist keys still to upload. */
      missing: z.array(z.string()),
    }),
  ),
});
export type KpProposalResult = z.infer<typeof KpProposalResult>;

// ---------------------------------------------------------------------------
// Reports per period and OPD

export const KpReportQuery = z.object({
  /** The KP period (default: the period being prepared). */
  period: KpPeriodDate().optional(),
  /** An OPD code: that unit and every unit under it. */
  opd: text({ label: 'Kode OPD', min: 1, max: 50 }).optional(),
  format: z.enum(['json', 'xlsx']).default('json'),
});
export type KpReportQuery = z.infer<typeof KpReportQuery>;

const KpReportCounts = z.object({
  /** Eligible with the records as they are now, plus everyone proposed (eligible when proposed). */
  eligible: z.number().int(),
  /** Proposals made for the period (withdrawn ones excluded). */
  proposed: z.number().int(),
  /** Proposals returned at least once (berkas tidak lengkap). */
  returned: z.number().int(),
  /** Proposals approved by BKD (verified complete), including those with an SK. */
  approved: z.number().int(),
  skRecorded: z.number().int(),
  tms: z.number().int(),
});
export const KpReportRow = KpReportCounts.extend({ opd: OpdRef });
export type KpReportRow = z.infer<typeof KpReportRow>;

export const KpReportStep = z.object({
  key: z.enum(['verifikasi', 'perbaikan', 'pertek', 'penetapan_sk']),
  label: z.string(),
  /** How many times the step was completed. */
  count: z.number().int(),
  averageDays: z.number().nullable(),
});

export const KpReportResult = z.object({
  period: KpPeriodInfo,
  opd: OpdRef.nullable(),
  rows: z.array(KpReportRow),
  totals: KpReportCounts,
  steps: z.array(KpReportStep),
});
export type KpReportResult = z.infer<typeof KpReportResult>;

// ---------------------------------------------------------------------------
// The request page of a KP proposal (`details` of GET /api/requests/:id)

export const KpRequestDetails = z.object({
  period: Day,
  jenis: KpKindSchema,
  jenisLabel: z.string(),
  from: GolonganSchema,
  to: GolonganSchema,
  tmtGolongan: Day,
  skpYears: z.array(z.number().int()),
  flags: z.array(KpFlagSchema),
  /** The period's submission window as it stands today (null when the date is no longer a KP period). */
  window: KpPeriodInfo.nullable(),
  /** Who signs the SK and which BKN approval it needs. */
  route: z.object({ authority: z.enum(['PPK', 'PRESIDEN']), pertekLabel: z.string(), pertekRequired: z.boolean() }),
  pertek: KpPertek.nullable(),
  sk: KpSkRecord.extend({ documentUrl: z.string().nullable() }).nullable(),
  /** The SK verification summary (rendered by the worker; `ready` once its PDF exists). */
  letter: z
    .object({
      id: z.number().int(),
      number: z.string(),
      date: Day,
      sha256: z.string().nullable(),
      ready: z.boolean(),
      downloadUrl: z.string().nullable(),
      viewUrl: z.string().nullable(),
      verifyUrl: z.string(),
    })
    .nullable(),
});
export type KpRequestDetails = z.infer<typeof KpRequestDetails>;
