import type { RequestMeta } from '../../audit/audit.ts';
import { writeAudit } from '../../audit/audit.ts';
import type { Db } from '../../db.ts';
import { NotFound, Unprocessable } from '../../errors.ts';
import { hashPassword, temporaryPassword, verifyPassword } from '../../auth/password.ts';

export async function changePassword(db: Db, meta: RequestMeta, userId: number, current: string, next: string) {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) throw NotFound('Pengguna');
  if (!(await verifyPassword(user.passwordHash, current))) {
    throw Unprocessable('validation_failed', 'Kata sandi saat ini salah.', [
      { location: 'body', path: 'currentPassword', message: 'Kata sandi saat ini salah.', code: 'invalid' },
    ]);
  }
  if (current === next) {
    throw Unprocessable('validation_failed', 'Kata sandi baru harus berbeda.', [
      { location: 'body', path: 'newPassword', message: 'Kata sandi baru harus berbeda dari yang lama.', code: 'invalid' },
    ]);
  }
  const passwordHash = await hashPassword(next);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, mustChangePassword: false, passwordChangedAt: new Date() } });
    await writeAudit(tx, meta, { action: 'user.password_changed', entityType: 'user', entityId: userId, employeeId: user.employeeId });
  });
}

/** Admin reset: a temporary password that must be changed at next login. */
export async function resetPassword(db: Db, meta: RequestMeta, userId: number) {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) throw NotFound('Pengguna');
  const temp = temporaryPassword();
  const passwordHash = await hashPassword(temp);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, mustChangePassword: true, passwordChangedAt: new Date() } });
    await writeAudit(tx, meta, { action: 'user.password_reset', entityType: 'user', entityId: userId, employeeId: user.employeeId });
  });
  return temp;
}
