/**
 * A pause the caller can end early: `pause(ms)` resolves after `ms`, or at once when `wake()` is
 * called (the tab reloaded, access was granted, the watcher is stopping). Used by the panel's
 * polling loops over the page (live counts, goal health).
 */
export function wakeablePause(): { pause(ms: number): Promise<void>; wake(): void } {
  let wake: () => void = () => undefined;
  const pause = (ms: number) => new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    wake = () => {
      clearTimeout(timer);
      resolve();
    };
  });
  return { pause, wake: () => wake() };
}
