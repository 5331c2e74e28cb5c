// The part of autocannon's API the benchmarks use (the package ships no types).
declare module 'autocannon' {
  interface Histogram {
    average: number;
    mean: number;
    p50: number;
    p90: number;
    p99: number;
    max: number;
    total: number;
  }
  export interface Result {
    requests: Histogram;
    latency: Histogram;
    throughput: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
    duration: number;
  }
  export interface Options {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    pipelining?: number;
    timeout?: number;
    /** Requests per second over all connections. */
    overallRate?: number;
    /** Per-request setup (e.g. a different session per request). */
    requests?: { method?: string; path?: string; setupRequest?: (req: { headers: Record<string, string>; body?: string; method?: string; path?: string }) => unknown }[];
  }
  function autocannon(opts: Options): Promise<Result>;
  export default autocannon;
}
