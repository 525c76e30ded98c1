import { describe, expect, it } from 'vitest';
import { linkProblem } from './link-eligibility';

const PAGE = 'https://shop.example/products/tea?ref=x';

describe('link eligibility', () => {
  const cases: [href: string, page: string, kind: string | null][] = [
    ['https://shop.example/checkout', PAGE, null],
    ['http://other.example/', PAGE, null],
    ['/checkout?item=tea', PAGE, null],
    ['MAILTO:sales@shop.example', PAGE, 'mailto'],
    ['tel:+4930123', PAGE, 'tel'],
    ['javascript:void(0)', PAGE, 'javascript'],
    ['#reviews', PAGE, 'anchor'],
    ['https://shop.example/products/tea?ref=x#reviews', PAGE, 'anchor'],
    ['https://shop.example/products/coffee#reviews', PAGE, null],
    ['ftp://files.example/a', PAGE, 'not-http'],
    ['checkout', 'about:srcdoc', 'unresolvable'],
    ['checkout', '', 'unresolvable'],
    ['  ', PAGE, 'unresolvable'],
  ];
  it.each(cases)('%s on %s → %s', (href, page, kind) => {
    expect(linkProblem(href, page)?.kind ?? null).toBe(kind);
  });

  it('says why, in words the user can act on', () => {
    expect(linkProblem('mailto:a@b.example', PAGE)?.message).toMatch(/Email links/);
    expect(linkProblem('checkout', 'about:srcdoc')?.message).toMatch(/cannot be resolved on about:srcdoc/);
  });
});
