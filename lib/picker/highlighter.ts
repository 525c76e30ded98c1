import { boxesPath, isVisibleIn, viewportBox } from './geometry';
import { createHost } from './overlay';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Outlines the elements `find` returns while the picker is off (a row hovered in the panel): a
 * host that ignores the pointer and one SVG path, redrawn on scroll and resize, all removed when
 * `signal` aborts.
 */
export function showHighlight(doc: Document, find: () => Element[], signal: AbortSignal): void {
  const view = doc.defaultView;
  if (!view) return;
  const { host, shadow, attach } = createHost(doc);
  const svg = doc.createElementNS(SVG_NS, 'svg');
  const path = doc.createElementNS(SVG_NS, 'path');
  for (const [name, value] of Object.entries(SVG_ATTRIBUTES)) svg.setAttribute(name, value);
  // Through CSSOM: a page's `style-src` CSP would block a style attribute.
  Object.assign(svg.style, { position: 'absolute', inset: '0', overflow: 'visible' });
  for (const [name, value] of Object.entries(PATH_ATTRIBUTES)) path.setAttribute(name, value);
  svg.append(path);
  shadow.append(svg);
  attach();

  let request = 0;
  const draw = () => {
    request = 0;
    const boxes = find().map(viewportBox).filter((box) => isVisibleIn(box, view.innerWidth, view.innerHeight));
    path.setAttribute('d', boxesPath(boxes));
  };
  const schedule = () => {
    request ||= view.requestAnimationFrame(draw);
  };
  view.addEventListener('scroll', schedule, { capture: true, passive: true, signal });
  view.addEventListener('resize', schedule, { passive: true, signal });
  draw();
  signal.addEventListener('abort', () => {
    view.cancelAnimationFrame(request);
    host.remove();
  }, { once: true });
}

const SVG_ATTRIBUTES = { width: '100%', height: '100%' };
const PATH_ATTRIBUTES = { fill: 'rgba(28,126,214,0.16)', stroke: '#1c7ed6', 'stroke-width': '2', 'stroke-dasharray': '6 3' };
