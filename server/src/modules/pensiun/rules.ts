/**
 * The BUP table as configuration (DOMAIN-RULES §5): ordered rules with their legal basis, seeded
 * from DEFAULT_BUP_RULES by the migration and edited by a BKD admin (audited, version-guarded).
 */
import { determineBup, FALLBACK_BUP_RULE, normalizeEselon, type BupResult, type BupRule, type JenisJabatan, type JenjangFungsional, type RumpunFungsional } from '@simak/shared';
import type { BupRuleBody, BupRuleRow } from '@simak/shared/api/pensiun';
import { writeAudit, type RequestMeta } from '../../audit/audit.ts';
import type { Db, Tx } from '../../db.ts';
import { Conflict, NotFound } from '../../errors.ts';
import type { Prisma } from '../../generated/prisma/client.ts';

type Row = Prisma.BupRuleGetPayload<object>;

const present = (r: Row): BupRuleRow => ({
  id: r.id,
  sort: r.sort,
  when: r.when as Record<string, unknown>,
  bup: r.bup,
  basis: r.basis,
  description: r.description,
  version: r.version,
  updatedAt: r.updatedAt.toISOString(),
});

const toRule = (r: Row): BupRule => ({ id: r.id, when: r.when as BupRule['when'], bup: r.bup, basis: r.basis, description: r.description });

/** The rules in force, most specific first. */
export async function loadBupRules(db: Db | Tx): Promise<BupRule[]> {
  const rows = await db.bupRule.findMany({ orderBy: [{ sort: 'asc' }, { id: 'asc' }] });
  return rows.map(toRule);
}

export async function listBupRules(db: Db) {
  const rows = await db.bupRule.findMany({ orderBy: [{ sort: 'asc' }, { id: 'asc' }] });
  return { items: rows.map(present), fallback: { bup: FALLBACK_BUP_RULE.bup, basis: FALLBACK_BUP_RULE.basis, description: FALLBACK_BUP_RULE.description } };
}

export async function updateBupRule(db: Db, meta: RequestMeta, ruleId: string, body: BupRuleBody): Promise<BupRuleRow> {
  return db.$transaction(async (tx) => {
    const before = await tx.bupRule.findUnique({ where: { id: ruleId } });
    if (!before) throw NotFound('Aturan BUP');
    const claimed = await tx.bupRule.updateMany({
      where: { id: ruleId, version: body.version },
      data: { bup: body.bup, basis: body.basis, description: body.description, version: { increment: 1 }, updatedById: meta.actorUserId },
    });
    if (claimed.count !== 1) throw Conflict('stale_version', 'Aturan BUP ini sudah diubah oleh orang lain. Muat ulang untuk melihat keadaan terbaru.', { currentVersion: before.version });
    const after = await tx.bupRule.findUniqueOrThrow({ where: { id: ruleId } });
    await writeAudit(tx, meta, {
      action: 'bup_rule.updated',
      entityType: 'bup_rule',
      entityId: ruleId,
      before: { bup: before.bup, basis: before.basis, description: before.description, version: before.version },
      after: { bup: after.bup, basis: after.basis, description: after.description, version: after.version },
    });
    return present(after);
  });
}

/** The position facts of an employee row, as the BUP rules read them. */
export interface PositionFacts {
  jenisJabatan: string;
  eselon: string | null;
  jenjangFungsional: string | null;
  rumpunFungsional: string | null;
}

export function bupOf(e: PositionFacts, rules: readonly BupRule[]): BupResult {
  return determineBup(
    {
      jenisJabatan: e.jenisJabatan as JenisJabatan,
      eselon: e.eselon ? normalizeEselon(e.eselon) : null,
      jenjangFungsional: (e.jenjangFungsional as JenjangFungsional | null) ?? null,
      rumpunFungsional: (e.rumpunFungsional as RumpunFungsional | null) ?? null,
    },
    rules,
  );
}

/** The youngest and oldest BUP any rule (or the fallback) can give: bounds for the SQL narrowing. */
export function bupRange(rules: readonly BupRule[]) {
  const ages = [...rules.map((r) => r.bup), FALLBACK_BUP_RULE.bup];
  return { min: Math.min(...ages), max: Math.max(...ages) };
}
