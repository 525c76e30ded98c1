import { launch } from './browsers.ts';
import { serveFixtures } from './server.ts';
import { startPicking, readView, centreOf, colourPixels, ORANGE, pageFootprint, storedElements } from './picker-support.ts';
const server = await serveFixtures();
const session = await launch('chromium');
const t = () => new Promise(r => setTimeout(r, 400));
const log = (...a: unknown[]) => console.log(new Date().toISOString().slice(17, 23), ...a);
try {
  const p2 = await session.openPage(server.url('picker-hostile-css.html'));
  log('opened');
  const fp = await pageFootprint(p2); log('fp');
  const f2 = await startPicking(session, p2); log('started');
  const c2 = await centreOf(p2, '#hostile-buy'); log('centre');
  await p2.mouse.move(c2.x, c2.y); await t();
  log((await readView(f2)).pointed);
  const rect = await p2.$eval('#hostile-buy', (element) => element.getBoundingClientRect().toJSON() as DOMRect); log('rect');
  log(await colourPixels(p2, rect, ORANGE));
  log(await f2.$eval('[data-testid=current-label]', (label) => label.getBoundingClientRect().right), rect.right);
  log(await colourPixels(p2, { x: 900, y: 400, width: 200, height: 150 }, [0xff, 0x66, 0x66]));
  const c3 = await centreOf(p2, '#hostile-link'); log('c3');
  await p2.mouse.click(c3.x, c3.y); await t();
  log(await storedElements(session));
  await p2.keyboard.press('Escape'); await t();
  log(await pageFootprint(p2) === fp);
} finally {
  await session.close();
  await server.close();
}
