/** @simak/shared: code lists and pure domain rules shared by server and web. */
export * from './codes.ts';
export * from './rules/dates.ts';
export * from './clock.ts';
export * from './rules/nip.ts';
export * from './rules/golongan.ts';
export * from './rules/hukdis.ts';
export * from './rules/kgb.ts';
export * from './rules/bup.ts';
export * from './rules/kp.ts';
export * from './indicators/formulas.ts';
export * from './data/gaji-pokok-pp5-2024.ts';
export * from './rules/kp-sk.ts';
export * from './rules/cuti.ts';
export * from './rules/presensi.ts';
export * from './rules/geofence.ts';
