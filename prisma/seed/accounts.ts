// Login accounts: one per ASN (username = NIP, must change the password at first
// login) plus the featured demo accounts, which keep DEMO_PASSWORD and have fixed
// usernames (DEMO_USERNAMES; the featured ASN and ATASAN too, as NIPs move with the seed day).
import { fullName } from './education.ts';
import type { DemoData } from './employees.ts';
import { DEMO_USERNAMES, OPD_ADMIN_ACCOUNTS } from './featured.ts';

export type RoleName = 'ASN' | 'OPD_ADMIN' | 'BKD_VERIFIER' | 'BKD_ADMIN';

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  /** 1-based employee id (offset by the writer), or null for staff accounts. */
  employeeId: number | null;
  mustChangePassword: boolean;
}

export interface RoleRow {
  userId: number;
  role: RoleName;
  /** 1-based OPD id (offset by the writer) for OPD_ADMIN grants. */
  opdId: number | null;
}

/** ATASAN is not stored: the server derives it from having subordinates. */
export function buildAccounts(data: DemoData): { users: UserRow[]; roles: RoleRow[] } {
  const users: UserRow[] = [];
  const roles: RoleRow[] = [];
  const byId = new Map(data.employees.map((e) => [e.id, e]));
  const opdId = new Map(data.opds.map((o) => [o.kode, o.id]));
  const add = (u: Omit<UserRow, 'id'>, grants: { role: RoleName; opdId?: number | null }[]) => {
    const id = users.length + 1;
    users.push({ id, ...u });
    for (const g of grants) roles.push({ userId: id, role: g.role, opdId: g.opdId ?? null });
  };
  const display = (employeeId: number) => {
    const e = byId.get(employeeId)!;
    return fullName(e.nama, e.gelarDepan, e.gelarBelakang);
  };

  const adminEmployee = data.featured.bkdAdmin;
  const verifierEmployee = data.featured.bkdVerifier;
  add({ username: DEMO_USERNAMES.bkdAdmin, displayName: display(adminEmployee), employeeId: adminEmployee, mustChangePassword: false }, [
    { role: 'BKD_ADMIN' },
    { role: 'ASN' },
  ]);
  add({ username: DEMO_USERNAMES.bkdVerifier, displayName: display(verifierEmployee), employeeId: verifierEmployee, mustChangePassword: false }, [
    { role: 'BKD_VERIFIER' },
  ]);
  for (const a of OPD_ADMIN_ACCOUNTS) {
    add(
      { username: a.username, displayName: a.displayName, employeeId: null, mustChangePassword: false },
      a.opds.map((kode) => {
        const id = opdId.get(kode);
        if (!id) throw new Error(`unknown OPD ${kode} for ${a.username}`);
        return { role: 'OPD_ADMIN' as const, opdId: id };
      }),
    );
  }

  const featuredUsername = new Map<number, string>([
    [data.featured.asn, DEMO_USERNAMES.asn],
    [data.featured.atasan, DEMO_USERNAMES.atasan],
  ]);
  const linked = new Set([adminEmployee, verifierEmployee]);
  for (const e of data.employees) {
    if (e.statusKepegawaian === 'KONTRAK' || linked.has(e.id)) continue;
    const featured = featuredUsername.get(e.id);
    add(
      { username: featured ?? e.nip, displayName: fullName(e.nama, e.gelarDepan, e.gelarBelakang), employeeId: e.id, mustChangePassword: !featured },
      [{ role: 'ASN' }],
    );
  }
  // Contract staff check in and record activities too: one demo account, in the featured ASN's OPD.
  const asnOpd = byId.get(data.featured.asn)!.opdId;
  const kontrak = data.employees.find((e) => e.statusKepegawaian === 'KONTRAK' && e.opdId === asnOpd) ?? data.employees.find((e) => e.statusKepegawaian === 'KONTRAK');
  if (kontrak) add({ username: DEMO_USERNAMES.kontrak, displayName: display(kontrak.id), employeeId: kontrak.id, mustChangePassword: false }, [{ role: 'ASN' }]);
  return { users, roles };
}
