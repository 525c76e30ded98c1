/**
 * The floor under any time bound (issue 14): a busy loop that only reads the clock, for `ms`
 * milliseconds. Any gap between two of its reads is time the renderer's main thread did not run
 * (the machine ran something else, or the browser paused the page), which no code inside the page
 * can prevent or shorten; a generation caught by such a stall takes at least that long.
 */
export function stallProbe(ms: number): StallProbe {
  const start = performance.now();
  let last = start;
  let longest = 0;
  let over25 = 0;
  for (;;) {
    const now = performance.now();
    const gap = now - last;
    if (gap > longest) longest = gap;
    if (gap > 25) over25++;
    last = now;
    if (now - start >= ms) return { ms: now - start, longest, over25 };
  }
}

export interface StallProbe {
  /** How long the probe ran. */
  ms: number;
  /** The longest gap between two clock reads. */
  longest: number;
  /** Gaps over 25 ms (more than half of the 50 ms an element may take). */
  over25: number;
}
