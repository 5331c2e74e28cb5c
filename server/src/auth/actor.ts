import type { Db } from '../db.ts';
import type { Role } from '../generated/prisma/enums.ts';

/** The authenticated user as every policy sees it. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  employeeId: number | null;
  nip: string | null;
  roles: Role[];
  /** OPDs an OPD_ADMIN is granted (as stored). */
  opds: { id: number; kode: string; nama: string }[];
  /** The granted OPDs and every unit under them: the OPD_ADMIN's scope. */
  scopeOpdIds: number[];
  mustChangePassword: boolean;
}

/**
 * Loads an actor from the database. ATASAN is not stored: it is derived from the
 * org chart (the user's employee is someone's atasan).
 */
export async function loadActor(db: Db, userId: number): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    include: { roles: { include: { opd: true } }, employee: { select: { id: true, nip: true } } },
  });
  if (!user || !user.active) return null;
  const roles = new Set<Role>(user.roles.map((r) => r.role));
  if (user.employeeId) {
    const sub = await db.employee.findFirst({ where: { atasanId: user.employeeId }, select: { id: true } });
    if (sub) roles.add('ATASAN');
  }
  const opds = user.roles
    .filter((r) => r.role === 'OPD_ADMIN' && r.opd)
    .map((r) => ({ id: r.opd!.id, kode: r.opd!.kode, nama: r.opd!.nama }));
  let scopeOpdIds: number[] = [];
  if (opds.length) {
    const rows = await db.$queryRaw<{ id: number }[]>`
      WITH RECURSIVE t AS (
        SELECT id FROM opd WHERE id = ANY(${opds.map((o) => o.id)}::int[])
        UNION SELECT o.id FROM opd o JOIN t ON o.parent_id = t.id
      ) SELECT id FROM t`;
    scopeOpdIds = rows.map((r) => r.id).sort((a, b) => a - b);
  }
  const order: Role[] = ['ASN', 'ATASAN', 'OPD_ADMIN', 'BKD_VERIFIER', 'BKD_ADMIN'];
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    employeeId: user.employeeId,
    nip: user.employee?.nip ?? null,
    roles: order.filter((r) => roles.has(r)),
    opds,
    scopeOpdIds,
    mustChangePassword: user.mustChangePassword,
  };
}
