/**
 * The one clock. Every page, action and job asks `now()` for the time, so tests and demos can move
 * it (POST /api/test/clock when TEST_CLOCK=enabled). The offset lives on globalThis because Next
 * may load this module more than once in one process (instrumentation, route and action bundles).
 */
const KEY = Symbol.for('mentor-match.clock-offset-ms');
type Holder = { [KEY]?: number };
const holder = globalThis as Holder;

export function now(): Date {
  const offset = holder[KEY];
  return offset === undefined ? new Date() : new Date(Date.now() + offset);
}

/** Moves this process's clock so that `now()` reads `at` from this instant on (time keeps running). */
export function setClock(at: Date): void {
  holder[KEY] = at.getTime() - Date.now();
}

export function resetClock(): void {
  delete holder[KEY];
}
