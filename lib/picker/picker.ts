import { describeElement } from './describe';

/** Events the page must not see while the user is choosing (PRODUCT.md §1). */
const SWALLOWED_EVENTS = [
  'click', 'dblclick', 'auxclick', 'contextmenu', 'mousedown', 'mouseup',
  'pointerdown', 'pointerup', 'touchstart', 'touchend', 'submit',
] as const;

const HOST_TAG = 'goalpost-picker';

/**
 * Starts picking in `doc`: outlines the element under the pointer, reports a click through
 * `onPick` without letting the page's own handlers run, and exits on Esc. Everything it adds is
 * removed when `signal` aborts.
 */
export function startPicker(doc: Document, callbacks: PickerCallbacks, signal: AbortSignal): void {
  const view = doc.defaultView;
  if (!view) return;
  const { host, outline, label } = mountOverlay(doc);
  signal.addEventListener('abort', () => host.remove(), { once: true });
  let current: Element | null = null;

  const hitTest = (x: number, y: number): Element | null => {
    const element = doc.elementFromPoint(x, y);
    return element && element !== host ? element : null;
  };

  const show = (element: Element | null) => {
    current = element;
    if (!element) {
      outline.style.display = 'none';
      label.style.display = 'none';
      return;
    }
    const rect = element.getBoundingClientRect();
    Object.assign(outline.style, {
      display: 'block',
      transform: `translate(${rect.left}px, ${rect.top}px)`,
      width: `${rect.width}px`,
      height: `${rect.height}px`,
    });
    label.textContent = `${describeElement(element)}  ${Math.round(rect.width)}×${Math.round(rect.height)}`;
    Object.assign(label.style, {
      display: 'block',
      transform: `translate(${Math.max(0, rect.left)}px, ${Math.max(0, rect.top - 22)}px)`,
    });
  };

  const listen = <K extends keyof WindowEventMap>(type: K, handler: (event: WindowEventMap[K]) => void) =>
    view.addEventListener(type, handler, { capture: true, signal });

  listen('pointermove', (event) => show(hitTest(event.clientX, event.clientY)));
  for (const type of SWALLOWED_EVENTS) {
    listen(type, (event) => {
      event.preventDefault();
      event.stopImmediatePropagation();
      if (type !== 'click' || !(event instanceof MouseEvent)) return;
      const target = hitTest(event.clientX, event.clientY) ?? current;
      if (target) callbacks.onPick(target);
    });
  }
  listen('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopImmediatePropagation();
    callbacks.onExit();
  });
}

function mountOverlay(doc: Document) {
  const host = doc.createElement(HOST_TAG);
  // The host sits outside the page's layout and never takes the pointer; styles live in the
  // closed shadow root so the page's CSS cannot reach them.
  host.setAttribute('style', 'all: initial !important; position: fixed !important; inset: 0 !important; pointer-events: none !important; z-index: 2147483647 !important;');
  const shadow = host.attachShadow({ mode: 'closed' });
  shadow.innerHTML = `<style>
    :host { all: initial; }
    .outline { position: fixed; left: 0; top: 0; display: none; box-sizing: border-box;
      border: 2px solid #e8590c; background: rgba(232, 89, 12, .12); pointer-events: none; }
    .label { position: fixed; left: 0; top: 0; display: none; padding: 2px 6px; border-radius: 3px;
      font: 12px/18px ui-monospace, monospace; color: #fff; background: #e8590c; white-space: nowrap;
      pointer-events: none; }
  </style><div class="outline" part="outline"></div><div class="label"></div>`;
  doc.documentElement.append(host);
  return {
    host,
    outline: shadow.querySelector<HTMLElement>('.outline')!,
    label: shadow.querySelector<HTMLElement>('.label')!,
  };
}

export interface PickerCallbacks {
  onPick(element: Element): void;
  onExit(): void;
}
