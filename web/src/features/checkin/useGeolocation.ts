import { useCallback, useEffect, useState } from 'react';

export interface Reading {
  latitude: number;
  longitude: number;
  accuracy: number;
}

export type GeoState =
  | { status: 'idle' | 'locating'; reading: Reading | null; error: null }
  | { status: 'ready'; reading: Reading; error: null }
  | { status: 'error'; reading: Reading | null; error: 'denied' | 'unavailable' | 'timeout' | 'unsupported' };

/** The phone's position (navigator.geolocation, high accuracy, never cached), read on mount and on demand. */
export function useGeolocation() {
  const [state, setState] = useState<GeoState>({ status: 'idle', reading: null, error: null });
  const locate = useCallback(() => {
    if (typeof navigator === 'undefined' || !navigator.geolocation) {
      setState((s) => ({ status: 'error', reading: s.reading, error: 'unsupported' }));
      return;
    }
    setState((s) => ({ status: 'locating', reading: s.reading, error: null }));
    navigator.geolocation.getCurrentPosition(
      (p) => setState({ status: 'ready', reading: { latitude: p.coords.latitude, longitude: p.coords.longitude, accuracy: p.coords.accuracy }, error: null }),
      (e) => setState((s) => ({ status: 'error', reading: s.reading, error: e.code === e.PERMISSION_DENIED ? 'denied' : e.code === e.TIMEOUT ? 'timeout' : 'unavailable' })),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 0 },
    );
  }, []);
  useEffect(() => locate(), [locate]);
  return { ...state, locate };
}
