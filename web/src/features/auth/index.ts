export { useMe, useCurrentUser, useHasRole, useMeCache, fetchMe, ME_QUERY_KEY, CurrentUserContext } from './useMe';
export { RequireAuth, type RequireAuthProps } from './RequireAuth';
export { RequireRole, Forbidden, type RequireRoleProps } from './RequireRole';
export { useLogin, useLogout, useChangePassword } from './api';
export { hasAnyRole, ROLE_COLORS, ROLES, type Role } from './roles';
export { LoginPage } from './LoginPage';
export { ChangePasswordPage } from './ChangePasswordPage';
export { LOGIN_PATH, CHANGE_PASSWORD_PATH } from './redirect';
