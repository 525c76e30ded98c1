// Generated pages of about 20,000 elements for the picker benchmark (PRODUCT.md §6): a shop grid of
// cards (grid, flex, sticky header, some transforms), deterministic. Two layouts:
//   - `typical`: few positioned elements (one card in ten has an absolutely positioned badge, about
//     1% of the elements), like most pages of shared/corpus (0.1% to 5% positioned);
//   - `layered`: every card, image box and badge positioned (18%, like the corpus's reddit pages).
// Browsers hit-test positioned elements (paint layers) one by one, so the second is the hard case.

const WORDS = ['fresh', 'green', 'tea', 'coffee', 'dark', 'roast', 'sale', 'new', 'organic', 'blend', 'cup', 'leaf'];

/** The page's HTML; `cards` × 16 elements, plus a header and footer of about 800. */
export function generatedPage(layout: 'typical' | 'layered', cards = 1200): string {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const word = () => WORDS[Math.floor(random() * WORDS.length)]!;
  const parts: string[] = [];
  parts.push('<header class="top"><nav class="menu">');
  for (let i = 0; i < 130; i++) parts.push(`<a class="menu-link" href="/c/${i}"><span class="menu-label">${word()} ${i}</span></a>`);
  parts.push('</nav></header><main class="grid">');
  for (let i = 0; i < cards; i++) {
    const badge = i % 10 === 0 ? ' badge-hot' : '';
    parts.push(
      `<article class="card card-${i % 7}" data-id="${i}">`,
      `<div class="media${badge ? ' media-hot' : ''}"><img alt="" width="120" height="60" src="data:,"><span class="badge${badge}">${word()}</span></div>`,
      `<h3 class="title"><a href="/p/${i}">${word()} ${word()} ${i}</a></h3>`,
      `<p class="desc"><span>${word()} ${word()}</span> <b>${(random() * 100).toFixed(2)}</b></p>`,
      `<ul class="tags"><li>${word()}</li><li>${word()}</li><li>${word()}</li></ul>`,
      `<div class="actions"><button class="buy" type="button">Buy</button><a class="more" href="/p/${i}#more">More</a></div>`,
      '</article>',
    );
  }
  parts.push('</main><footer class="bottom">');
  for (let i = 0; i < 120; i++) parts.push(`<p class="legal"><a href="/legal/${i}">${word()}</a> <span>${word()}</span></p>`);
  parts.push('</footer>');
  const style = layout === 'layered' ? `${STYLE}${LAYERED}` : STYLE;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Generated shop (${layout})</title><style>${style}</style></head><body>${parts.join('')}</body></html>`;
}

const STYLE = `
  body { margin: 0; font: 14px/1.4 system-ui, sans-serif; }
  .top { position: sticky; top: 0; z-index: 5; background: #222; overflow: hidden; white-space: nowrap; }
  .menu-link { display: inline-block; padding: 8px; color: #fff; }
  .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 12px; padding: 12px; }
  .card { padding: 8px; border: 1px solid #ddd; border-radius: 6px; }
  .card-3 { transform: rotate(-1deg); }
  .media { height: 60px; background: #eee; }
  .media-hot { position: relative; }
  .badge { padding: 0 4px; background: #fff; }
  .badge-hot { position: absolute; top: 4px; right: 4px; background: #fa5252; color: #fff; }
  .title { margin: 6px 0 2px; font-size: 15px; }
  .tags { display: flex; gap: 4px; margin: 4px 0; padding: 0; list-style: none; }
  .tags li { padding: 0 4px; background: #f1f3f5; }
  .actions { display: flex; justify-content: space-between; }
  .buy { padding: 4px 10px; }
`;

const LAYERED = `
  .card, .media { position: relative; }
  .badge { position: absolute; top: 4px; right: 4px; }
`;
