// Until the picker's frame first says it is ready (lib/picker/overlay.ts): whether the page let it
// load, and one fresh frame for one that loaded and stayed silent.

/** Why picking stops when the picker's frame never says it is ready. */
export const NOT_LOADED = 'This page did not let Goalpost’s picker load (it blocks extension frames), so picking stopped.';
export const NOT_ANSWERING = 'Goalpost’s picker loaded on this page but did not answer, twice, so picking stopped. Try again; if it keeps happening, reload the page.';

/**
 * The picker's frame says it is ready within this time of being put on the page. One that never
 * loaded in that time is blocked by the page; one that loaded and stays silent (its handshake lost,
 * as under heavy load) is replaced by a fresh one once before picking stops.
 */
export const READY_TIMEOUT_MS = 5000;

export interface ReadyWatch {
  /** A new frame was put on the page (the first, a replacement, or the fresh one asked for). */
  frameAdded(): void;
  /** The current frame fired its load event. */
  frameLoaded(): void;
  /** A frame said it is ready: the watch ends for good. */
  ready(): void;
  stop(): void;
}

export function watchReady(view: Pick<Window, 'setTimeout' | 'clearTimeout'>, on: { replace(): void; lost(reason: string): void }): ReadyWatch {
  let done = false;
  let loaded = false;
  let replaced = false;
  let timer = 0;
  const stop = () => {
    done = true;
    view.clearTimeout(timer);
  };
  return {
    frameAdded() {
      if (done) return;
      view.clearTimeout(timer);
      loaded = false;
      timer = view.setTimeout(() => {
        if (done) return;
        if (!loaded || replaced) {
          stop();
          on.lost(loaded ? NOT_ANSWERING : NOT_LOADED);
          return;
        }
        replaced = true;
        on.replace();
      }, READY_TIMEOUT_MS);
    },
    frameLoaded() {
      loaded = true;
    },
    ready: stop,
    stop,
  };
}
