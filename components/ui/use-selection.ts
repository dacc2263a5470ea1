'use client';
import { useState, type RefObject } from 'react';

/**
 * Row checkboxes (`ids[]`) for a server-confirmed bulk action. Each new answer from the server
 * bumps `round` (key the inputs on it so they re-render from what the server echoed back: React
 * resets a form after its action), recounts from `kept`, and clears a cancelled confirmation.
 * `initialCount`: how many boxes start checked (a list that preselects its rows).
 */
export function useSelection(state: unknown, kept: Set<string>, container: RefObject<HTMLElement | null>, initialCount = 0) {
  const [seen, setSeen] = useState(state);
  const [round, setRound] = useState(0);
  const [count, setCount] = useState(initialCount);
  const [cancelled, setCancelled] = useState(false);
  if (seen !== state) {
    setSeen(state);
    setRound((r) => r + 1);
    setCount(kept.size);
    setCancelled(false);
  }
  const boxes = () => Array.from(container.current?.querySelectorAll<HTMLInputElement>('input[name="ids[]"]') ?? []);
  const recount = () => setCount(boxes().filter((b) => b.checked).length);
  const selectAll = (checked: boolean) => {
    for (const b of boxes()) b.checked = checked;
    recount();
  };
  return { round, count, cancelled, setCancelled, recount, selectAll };
}
