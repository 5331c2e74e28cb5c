import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { NOTIFICATIONS_KEY } from './api';

/** Query keys whose data follows the requests (lists, task queues, request pages, home counts). */
const FOLLOWING_REQUESTS = [['requests'], ['tasks'], ['home'], ['berkala'], ['pangkat'], NOTIFICATIONS_KEY] as const;

/**
 * Listens to `/api/events` (server-sent events) while signed in: when a request the user follows
 * changes, the open lists, queues and request pages refetch at once. EventSource reconnects by
 * itself; the notifications' polling stays as the fallback.
 */
export function useLiveUpdates(enabled: boolean) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/events');
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onChange = () => {
      // Several changes in a row (a batch action) refetch once.
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        for (const key of FOLLOWING_REQUESTS) void queryClient.invalidateQueries({ queryKey: key });
      }, 300);
    };
    source.addEventListener('request', onChange);
    return () => {
      if (timer) clearTimeout(timer);
      source.removeEventListener('request', onChange);
      source.close();
    };
  }, [enabled, queryClient]);
}
