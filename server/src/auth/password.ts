import { hash, verify } from '@node-rs/argon2';
import { randomInt } from 'node:crypto';
import { z } from 'zod';

export const hashPassword = (plain: string) => hash(plain);

/** A precomputed hash so unknown usernames cost the same time as wrong passwords. */
let dummyHash: Promise<string> | undefined;
export async function verifyPassword(hashed: string | null, plain: string): Promise<boolean> {
  if (!hashed) {
    dummyHash ??= hash('dummy-password-for-timing');
    await verify(await dummyHash, plain).catch(() => false);
    return false;
  }
  return verify(hashed, plain).catch(() => false);
}

export const NewPasswordSchema = z
  .string()
  .min(8, 'Kata sandi minimal 8 karakter.')
  .max(128, 'Kata sandi maksimal 128 karakter.')
  .regex(/[A-Za-z]/, 'Kata sandi harus memuat huruf.')
  .regex(/\d/, 'Kata sandi harus memuat angka.');

/** A temporary password for admin resets: readable, 12 characters, letters and digits. */
export function temporaryPassword(): string {
  const letters = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
  const digits = '23456789';
  let out = '';
  for (let i = 0; i < 9; i++) out += letters[randomInt(letters.length)];
  for (let i = 0; i < 3; i++) out += digits[randomInt(digits.length)];
  return out;
}
