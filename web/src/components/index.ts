export { LoadingState, type LoadingStateProps } from './LoadingState';
export { ErrorState, type ErrorStateProps } from './ErrorState';
export { EmptyState, type EmptyStateProps } from './EmptyState';
export { ComingSoon, type ComingSoonProps } from './ComingSoon';
export { usePageTitle } from './usePageTitle';
