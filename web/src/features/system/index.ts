export { NotFoundPage } from './NotFoundPage';
export { HealthIndicator } from './HealthIndicator';
export { useHealth, fetchHealth } from './api';
