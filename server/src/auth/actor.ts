import { preparedRows, type Db } from '../db.ts';
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
  /** The employee has left (pension exit): may sign in and read, never change data. */
  readOnly?: boolean;
}

interface ActorRow {
  id: number;
  username: string;
  display_name: string;
  employee_id: number | null;
  active: boolean;
  must_change_password: boolean;
  read_only: boolean;
  /** ms since the epoch (the column holds UTC without a zone: read as a number, whatever the server's zone). */
  password_changed_ms: number | null;
  nip: string | null;
  is_atasan: boolean;
  roles: Role[];
  opds: { id: number; kode: string; nama: string }[];
  scope: number[];
}

const ROLE_ORDER: Role[] = ['ASN', 'ATASAN', 'OPD_ADMIN', 'BKD_VERIFIER', 'BKD_ADMIN'];

/**
 * The user, its roles, its employee's NIP, whether it is someone's atasan, its OPD grants and
 * their subtrees: one query (every authenticated request loads the actor, so no chain of
 * round trips). Always read fresh, so a role granted or revoked applies to the next request:
 * prepared, through the pg pool under Prisma where there is one (preparedRows).
 */
const ACTOR_SQL = `
    SELECT u.id, u.username, u.display_name, u.employee_id, u.active, u.must_change_password, u.read_only,
           (extract(epoch FROM u.password_changed_at) * 1000)::float8 AS password_changed_ms,
           e.nip,
           (u.employee_id IS NOT NULL AND EXISTS (SELECT 1 FROM employee s WHERE s.atasan_id = u.employee_id)) AS is_atasan,
           COALESCE((SELECT json_agg(DISTINCT r.role::text) FROM user_role r WHERE r.user_id = u.id), '[]'::json) AS roles,
           COALESCE((SELECT json_agg(json_build_object('id', o.id, 'kode', o.kode, 'nama', o.nama) ORDER BY r.id)
                     FROM user_role r JOIN opd o ON o.id = r.opd_id WHERE r.user_id = u.id AND r.role = 'OPD_ADMIN'), '[]'::json) AS opds,
           COALESCE((WITH RECURSIVE t AS (
                       SELECT r.opd_id AS id FROM user_role r WHERE r.user_id = u.id AND r.role = 'OPD_ADMIN' AND r.opd_id IS NOT NULL
                       UNION SELECT o.id FROM opd o JOIN t ON o.parent_id = t.id
                     ) SELECT array_agg(id ORDER BY id) FROM t), '{}'::int[]) AS scope
    FROM app_user u LEFT JOIN employee e ON e.id = u.employee_id
    WHERE u.id = $1::int`;

async function actorRow(db: Db, userId: number): Promise<ActorRow | null> {
  const rows = await preparedRows<ActorRow>(db, 'simak_actor', ACTOR_SQL, [userId]);
  return rows[0] ?? null;
}

function toActor(row: ActorRow): Actor {
  const roles = new Set<Role>(row.roles);
  if (row.is_atasan) roles.add('ATASAN');
  return {
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    employeeId: row.employee_id,
    nip: row.nip,
    roles: ROLE_ORDER.filter((r) => roles.has(r)),
    opds: row.opds,
    scopeOpdIds: row.scope,
    mustChangePassword: row.must_change_password,
    readOnly: row.read_only,
  };
}

/**
 * Loads an actor from the database. ATASAN is not stored: it is derived from the
 * org chart (the user's employee is someone's atasan).
 */
export async function loadActor(db: Db, userId: number): Promise<Actor | null> {
  const row = await actorRow(db, userId);
  return row?.active ? toActor(row) : null;
}

/**
 * The actor of a session that logged in at `loginAt` (ms): null when the account is gone or
 * inactive, or its password changed after the login (an admin reset ends the sessions).
 */
export async function loadSessionActor(db: Db, userId: number, loginAt: number): Promise<Actor | null> {
  const row = await actorRow(db, userId);
  if (!row?.active || (row.password_changed_ms !== null && row.password_changed_ms > loginAt)) return null;
  return toActor(row);
}
