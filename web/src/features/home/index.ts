export { HomePage } from './HomePage';
export { useHomeSummary, HOME_QUERY_KEY } from './api';
