/**
 * The per-type parts of the request page. The page itself is generic (header with the
 * actions, checklist, documents, timeline, information); a request type plugs in its details
 * view and a few words here. A type without an entry gets DEFAULT_VIEW.
 */
import type { ComponentType } from 'react';
import type { Me } from '../../api/types';
import { KgbDetailsPanel } from '../berkala/KgbDetailsPanel';
import { KpActionDialog } from '../pangkat/KpActionDialog';
import { KpDetailsPanel } from '../pangkat/KpDetailsPanel';
import { PensiunActionDialog } from '../pensiun/PensiunActionDialog';
import { PensiunDetailsPanel } from '../pensiun/PensiunDetailsPanel';
import { CutiDetailsCard } from '../cuti/CutiDetailsCard';
import { DataChangeActionDialog, DataChangeDetailsCard, DataChangeNotice, dataChangeDetailsOf } from '../change-requests/DataChangeView';
import { hasAnyRole } from '../auth/roles';
import { ActionDialog } from './ActionDialogs';
import type { RequestAction, RequestDetail, RequestRow } from './types';

export interface RequestDetailsProps {
  request: RequestDetail;
}

export interface RequestActionDialogProps {
  request: RequestDetail;
  /** The action to confirm; null = closed. */
  action: RequestAction | null;
  pending: boolean;
  /** The last attempt's error while the dialog stays open (see RequestView.keepOpenOnInvalid). */
  error?: unknown;
  onClose: () => void;
  /** Takes the action with the note and the action's input data (the page posts them with the request's version). */
  onConfirm: (note: string | undefined, data?: unknown) => void;
}

export interface RequestView {
  /** The type-specific part of the page (a data change's diff, a KGB's figures); none by default. */
  Details?: ComponentType<RequestDetailsProps>;
  /** Shown above the page body (e.g. what to do with a rejected request). */
  Notice?: ComponentType<RequestDetailsProps>;
  /** Confirmation of an action; defaults to the note dialog. */
  ActionDialog: ComponentType<RequestActionDialogProps>;
  /** A refused input (422) keeps the dialog open with the error (a form to correct) instead of closing it. */
  keepOpenOnInvalid?: boolean;
  /** Shown after the type label under the title (e.g. the data changed). */
  subtitle?: (request: RequestDetail) => string | null | undefined;
  /** i18n keys of the documents card's title and empty state. */
  documentsTitle: string;
  documentsEmpty?: string;
  /** Document roles not previewed on arrival (one with its own preview, e.g. the KGB letter). */
  skipInitialPreview?: string[];
  /** i18n key of the submission date's label. */
  submittedLabel?: string;
  /** Where "Kembali" leads when the page was opened directly (no history). */
  backTo: (me: Me, request: Pick<RequestRow, 'employee'>) => string;
}

const isOwn = (me: Me, r: Pick<RequestRow, 'employee'>) => me.employeeId !== null && me.employeeId === r.employee.id;
const isBkd = (me: Me) => hasAnyRole(me, ['BKD_VERIFIER', 'BKD_ADMIN']);

/** Any request: the submitter back to their proposals, everyone else to "Tugas saya". */
export const DEFAULT_VIEW: RequestView = {
  ActionDialog: (props) => <ActionDialog action={props.action} pending={props.pending} onClose={props.onClose} onConfirm={props.onConfirm} />,
  documentsTitle: 'requests.detail.documents',
  backTo: (me, r) => (isOwn(me, r) ? '/usulan' : hasAnyRole(me, ['OPD_ADMIN']) ? '/opd/usulan' : '/tugas'),
};

export const REQUEST_VIEWS: Record<string, Partial<RequestView>> = {
  CUTI: {
    Details: CutiDetailsCard,
    backTo: (me, r) => (isOwn(me, r) ? '/cuti' : isBkd(me) ? '/verifikasi' : hasAnyRole(me, ['OPD_ADMIN']) ? '/opd/usulan' : '/tugas'),
  },
  DATA_CHANGE: {
    Details: DataChangeDetailsCard,
    Notice: DataChangeNotice,
    ActionDialog: DataChangeActionDialog,
    subtitle: (r) => dataChangeDetailsOf(r).targetLabel,
    backTo: (me, r) => (isOwn(me, r) ? '/usulan' : isBkd(me) ? '/verifikasi' : hasAnyRole(me, ['OPD_ADMIN']) ? '/opd/usulan' : '/tugas'),
  },
  KGB: {
    Details: KgbDetailsPanel,
    documentsTitle: 'requests.detail.kgbDocuments',
    documentsEmpty: 'requests.detail.kgbNoDocuments',
    skipInitialPreview: ['SURAT'],
    submittedLabel: 'berkala.queue.createdAt',
    backTo: (me, r) => (isOwn(me, r) ? '/profil?tab=kgb' : isBkd(me) ? '/berkala?tab=antrean' : hasAnyRole(me, ['OPD_ADMIN']) ? '/opd/usulan' : '/tugas'),
  },
  KP: {
    Details: KpDetailsPanel,
    ActionDialog: KpActionDialog,
    keepOpenOnInvalid: true,
    subtitle: (r) => (r.details as { jenisLabel?: string }).jenisLabel,
    backTo: (me, r) => (isOwn(me, r) ? '/usulan' : hasAnyRole(me, ['OPD_ADMIN', 'BKD_VERIFIER', 'BKD_ADMIN']) ? '/pangkat?tab=usulan' : '/tugas'),
  },
  PENSIUN: {
    Details: PensiunDetailsPanel,
    ActionDialog: PensiunActionDialog,
    keepOpenOnInvalid: true,
    subtitle: (r) => (r.details as { jenisLabel?: string }).jenisLabel,
    backTo: (me, r) => (isOwn(me, r) ? '/' : hasAnyRole(me, ['OPD_ADMIN', 'BKD_VERIFIER', 'BKD_ADMIN']) ? '/pensiun' : '/tugas'),
  },
};

/** The view of a request type (its entry over the defaults). */
export function viewOf(type: string): RequestView {
  return { ...DEFAULT_VIEW, ...REQUEST_VIEWS[type] };
}
