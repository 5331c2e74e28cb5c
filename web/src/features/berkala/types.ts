/** Wire types of the e-Berkala (KGB) endpoints; see server/src/modules/berkala. */

/** `details` of a request of type KGB (GET /api/requests/:id). */
export interface KgbLetter {
  id: number;
  number: string;
  date: string;
  sha256: string | null;
  /** The PDF has been rendered by the worker. */
  ready: boolean;
  downloadUrl: string | null;
  verifyUrl: string;
}

export interface KgbDetails {
  tmt: string;
  golongan: string;
  mkgTahun: number;
  mkgBulan: number;
  gajiPokokLama: number | null;
  gajiPokokBaru: number | null;
  regulation: string | null;
  basis: { kind: 'KP' | 'KGB'; tmt: string; mkgTahun: number; mkgBulan: number };
  postponed: boolean;
  reasons: string[];
  warnings: string[];
  lastSkp: { tahun: number; predikat: string | null; nilai: number | null } | null;
  missingDocuments: string[];
  letter: KgbLetter | null;
}

export interface DueByOpd {
  opd: { id: number; kode: string; nama: string };
  next3: number;
  next6: number;
  next12: number;
}

export interface BerkalaDashboard {
  today: string;
  dueByOpd: DueByOpd[];
  totals: { next3: number; next6: number; next12: number };
  /** Request count by KGB state (states without requests are absent). */
  queue: Partial<Record<string, number>>;
  onTime: { year: number; due: number; onTime: number; early: number; onTimeRate: number | null; earlyRate: number | null };
}

export interface ScanSummary {
  scanned: number;
  created: number;
  alreadyPresent: number;
  postponed: number;
  applied: number;
  date: string;
  trigger: string;
  at: string;
}

export interface ScanLastResponse {
  last: ScanSummary | null;
}

export interface MyKgb {
  nextTmt: string | null;
  gajiPokok: number | null;
  tmtKgbTerakhir: string | null;
  current: {
    requestId: number | null;
    state: string | null;
    tmt: string;
    gajiPokokBaru: number | null;
    postponed: boolean;
    reasons: string[];
    letter: { number: string; downloadUrl: string | null } | null;
  } | null;
}
