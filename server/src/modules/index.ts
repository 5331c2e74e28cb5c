/**
 * Every module's routes, in mount order. A module exports `xxxRoutes(ctx)` returning
 * RouteDef[] (declared with defineRoute); add one line here to mount and document it.
 */
import type { AuthKit } from '../auth/setup.ts';
import type { AppContext } from '../context.ts';
import type { RouteDef } from '../lib/http.ts';
import { authRoutes } from './auth/routes.ts';
import { berkalaRoutes } from './berkala/routes.ts';
import { documentRoutes } from './documents/routes.ts';
import { changeRequestRoutes } from './change-requests/routes.ts';
import { cutiRoutes } from './cuti/routes.ts';
import { employeeRoutes } from './employees/routes.ts';
import { eventRoutes } from './events/routes.ts';
import { importRoutes } from './imports/routes.ts';
import { indicatorRoutes } from './indicators/routes.ts';
import { letterRoutes } from './letters/routes.ts';
import { notificationRoutes } from './notifications/routes.ts';
import { opdRoutes } from './opds/routes.ts';
import { pangkatRoutes } from './pangkat/routes.ts';
import { pensiunRoutes } from './pensiun/routes.ts';
import { presensiRoutes } from './presensi/routes.ts';
import { presensiLokasiRoutes } from './presensi/lokasi-routes.ts';
import { aktivitasRoutes } from './aktivitas/routes.ts';
import { rekapRoutes } from './rekap/routes.ts';
import { batchRoutes } from './requests/batches.ts';
import { requestRoutes } from './requests/routes.ts';
import { settingRoutes } from './settings/routes.ts';
import { statisticsRoutes } from './statistics/routes.ts';
import { systemRoutes } from './system/routes.ts';
import { userRoutes } from './users/routes.ts';

export function allRoutes(ctx: AppContext, kit: AuthKit): RouteDef[] {
  return [
    ...systemRoutes(ctx),
    ...authRoutes(ctx, kit),
    ...userRoutes(ctx),
    ...documentRoutes(ctx),
    ...employeeRoutes(ctx),
    ...requestRoutes(ctx),
    ...batchRoutes(ctx),
    ...changeRequestRoutes(ctx),
    ...notificationRoutes(ctx),
    ...eventRoutes(ctx),
    ...opdRoutes(ctx),
    ...berkalaRoutes(ctx),
    ...pangkatRoutes(ctx),
    ...pensiunRoutes(ctx),
    ...cutiRoutes(ctx),
    ...presensiRoutes(ctx),
    ...presensiLokasiRoutes(ctx),
    ...aktivitasRoutes(ctx),
    ...rekapRoutes(ctx),
    ...letterRoutes(ctx),
    ...settingRoutes(ctx),
    ...importRoutes(ctx),
    ...indicatorRoutes(ctx),
    ...statisticsRoutes(ctx),
  ];
}
