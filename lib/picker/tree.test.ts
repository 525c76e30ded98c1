import { beforeEach, describe, expect, it } from 'vitest';
import { boundaryOf, composedAncestors, composedChildren, composedParent } from './tree';

describe('composed tree', () => {
  let host: Element;
  beforeEach(() => {
    document.head.innerHTML = '<title>t</title>';
    document.body.innerHTML = `
      <main><script>1</script><div id="card"><a id="buy">Buy</a><style></style><span id="price"></span></div></main>
      <my-widget id="widget"><p id="light">light</p></my-widget>`;
    host = document.getElementById('widget')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<section id="inside"><button id="deep">Go</button></section>';
  });

  it('walks up from inside a shadow root to its host', () => {
    const deep = host.shadowRoot!.getElementById('deep')!;
    expect(composedParent(deep)?.id).toBe('inside');
    expect(composedParent(composedParent(deep)!)).toBe(host);
    expect(composedAncestors(deep).map((element) => element.id || element.localName))
      .toEqual(['html', 'body', 'widget', 'inside', 'deep']);
  });

  it('lists shadow children before light children and skips what draws nothing', () => {
    expect(composedChildren(host).map((element) => element.id)).toEqual(['inside', 'light']);
    expect(composedChildren(document.getElementById('card')!).map((element) => element.id)).toEqual(['buy', 'price']);
    expect(composedChildren(document.documentElement).map((element) => element.localName)).toEqual(['body']);
  });

  it('stops listing children at the limit', () => {
    expect(composedChildren(document.getElementById('card')!, 1).map((element) => element.id)).toEqual(['buy']);
  });

  it('marks the first element inside a shadow root', () => {
    expect(boundaryOf(host.shadowRoot!.getElementById('inside')!)).toBe('shadow');
    expect(boundaryOf(document.getElementById('buy')!)).toBeUndefined();
  });

  it('has no parent above the top document', () => {
    expect(composedParent(document.documentElement)).toBeNull();
  });
});
