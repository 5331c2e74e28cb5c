import { describe, expect, it } from 'vitest';
import type { Actor } from '../../auth/actor.ts';
import type { Role } from '../../generated/prisma/enums.ts';
import { can } from '../../lib/authz.ts';
import { documentEmployeeScope, documentPolicy, type DocumentOwnerRef } from './policy.ts';

const actor = (roles: Role[], extra: Partial<Actor> = {}): Actor => ({
  userId: 1,
  username: 'u',
  displayName: 'U',
  employeeId: null,
  nip: null,
  roles,
  opds: [],
  scopeOpdIds: [],
  mustChangePassword: false,
  ...extra,
});

// Employee 10 works in OPD 5 (a unit under OPD 1); their atasan is employee 20.
const doc: DocumentOwnerRef = { employeeId: 10, opdId: 5 };

const table: [string, Actor, boolean][] = [
  ['the owner (ASN)', actor(['ASN'], { employeeId: 10 }), true],
  ['another ASN', actor(['ASN'], { employeeId: 11 }), false],
  ['the atasan', actor(['ASN', 'ATASAN'], { employeeId: 20 }), false],
  ['OPD admin of the OPD', actor(['OPD_ADMIN'], { scopeOpdIds: [5] }), true],
  ['OPD admin of the parent OPD (scope holds the unit)', actor(['OPD_ADMIN'], { scopeOpdIds: [1, 5] }), true],
  ['OPD admin of another OPD', actor(['OPD_ADMIN'], { scopeOpdIds: [7] }), false],
  ['scope without the OPD_ADMIN role', actor(['ASN'], { employeeId: 11, scopeOpdIds: [5] }), false],
  ['BKD verifier', actor(['BKD_VERIFIER']), true],
  ['BKD admin', actor(['BKD_ADMIN']), true],
  ['no roles', actor([]), false],
];

describe('documentPolicy', () => {
  it.each(table)('%s → %s', (_name, a, allowed) => {
    for (const action of ['read', 'download', 'upload'] as const) expect(can(documentPolicy, action, a, doc)).toBe(allowed);
  });
  it('denies without an actor', () => {
    expect(can(documentPolicy, 'read', undefined, doc)).toBe(false);
  });
});

describe('documentEmployeeScope', () => {
  it.each([
    ['BKD', actor(['BKD_VERIFIER']), {}],
    ['owner', actor(['ASN'], { employeeId: 10 }), { OR: [{ id: 10 }] }],
    ['atasan sees only their own', actor(['ASN', 'ATASAN'], { employeeId: 20 }), { OR: [{ id: 20 }] }],
    ['OPD admin', actor(['OPD_ADMIN'], { scopeOpdIds: [1, 5] }), { OR: [{ opdId: { in: [1, 5] } }] }],
    ['nobody', actor([]), { id: -1 }],
  ])('%s', (_name, a, expected) => {
    expect(documentEmployeeScope(a)).toEqual(expected);
  });
});
