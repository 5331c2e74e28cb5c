/**
 * Every request type of the verification engine, with its definition and an
 * optional presenter of type-specific details. Add one entry per type.
 */
import type { Db } from '../db.ts';
import { kgbWorkflow } from '../modules/berkala/definition.ts';
import { presentKgb } from '../modules/berkala/presenter.ts';
import { cutiWorkflow } from '../modules/cuti/definition.ts';
import { presentCuti } from '../modules/cuti/presenter.ts';
import { dataChangeWorkflow } from '../modules/change-requests/definition.ts';
import { presentDataChange } from '../modules/change-requests/presenter.ts';
import { kpWorkflow } from '../modules/pangkat/definition.ts';
import { presentKp } from '../modules/pangkat/presenter.ts';
import { pensiunWorkflow } from '../modules/pensiun/definition.ts';
import { presentPensiun } from '../modules/pensiun/presenter.ts';
import { lokasiTugasWorkflow } from '../modules/presensi/lokasi-definition.ts';
import { parsePayload, type Req } from './engine.ts';
import type { WorkflowDefinition } from './types.ts';

export interface WorkflowEntry {
  def: WorkflowDefinition<unknown>;
  /** Type-specific details for the request page (diffs, figures, letters). */
  present?: (db: Db, req: Req<unknown>) => Promise<Record<string, unknown>>;
}

/** A registry entry: the definition and its presenter agree on the payload type. */
function entry<P, S extends string, C extends Record<string, unknown>>(def: WorkflowDefinition<P, S, C>, present?: (db: Db, req: Req<P>) => Promise<Record<string, unknown>>): WorkflowEntry {
  return { def, present: present && ((db, req) => present(db, { ...req, payload: parsePayload(def, req) })) };
}

export const WORKFLOWS: Record<string, WorkflowEntry> = {
  [dataChangeWorkflow.type]: entry(dataChangeWorkflow, presentDataChange),
  [kgbWorkflow.type]: entry(kgbWorkflow, presentKgb),
  [kpWorkflow.type]: entry(kpWorkflow, presentKp),
  [pensiunWorkflow.type]: entry(pensiunWorkflow, presentPensiun),
  [cutiWorkflow.type]: entry(cutiWorkflow, presentCuti),
  [lokasiTugasWorkflow.type]: entry(lokasiTugasWorkflow, async (_db, req) => ({ ...req.payload })),
};

export function workflowOf(type: string): WorkflowEntry | undefined {
  return WORKFLOWS[type];
}
