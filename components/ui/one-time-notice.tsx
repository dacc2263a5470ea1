'use client';
import { useEffect } from 'react';

/**
 * Drops a one-time query parameter (`?registered=1`, `?saved=1`…) from the address once its notice
 * is on screen: a reload or a bookmark then shows the page as it is, not "Registration received"
 * again. Next's router follows history.replaceState, so nothing re-renders.
 */
export function ForgetParam({ names }: { names: string[] }) {
  useEffect(() => {
    const url = new URL(window.location.href);
    let changed = false;
    for (const n of names)
      if (url.searchParams.has(n)) {
        url.searchParams.delete(n);
        changed = true;
      }
    if (changed) window.history.replaceState(window.history.state, '', url);
  }, [names]);
  return null;
}
