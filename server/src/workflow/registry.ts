/**
 * Every request type of the verification engine, with its definition and an
 * optional presenter of type-specific details. Add one entry per type.
 */
import type { Db } from '../db.ts';
import { kgbWorkflow } from '../modules/berkala/definition.ts';
import { presentKgb } from '../modules/berkala/presenter.ts';
import { dataChangeWorkflow } from '../modules/change-requests/definition.ts';
import { presentDataChange } from '../modules/change-requests/presenter.ts';
import type { Req } from './engine.ts';
import type { WorkflowDefinition } from './types.ts';

export interface WorkflowEntry {
  def: WorkflowDefinition<unknown>;
  /** Type-specific details for the request page (diffs, figures, letters). */
  present?: (db: Db, req: Req<unknown>) => Promise<Record<string, unknown>>;
}

export const WORKFLOWS: Record<string, WorkflowEntry> = {
  [dataChangeWorkflow.type]: { def: dataChangeWorkflow as unknown as WorkflowDefinition<unknown>, present: presentDataChange as WorkflowEntry['present'] },
  [kgbWorkflow.type]: { def: kgbWorkflow as unknown as WorkflowDefinition<unknown>, present: presentKgb as WorkflowEntry['present'] },
};

export function workflowOf(type: string): WorkflowEntry | undefined {
  return WORKFLOWS[type];
}
