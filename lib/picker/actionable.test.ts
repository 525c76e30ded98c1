import { beforeEach, describe, expect, it } from 'vitest';
import { createActionableCheck, resolveTarget } from './actionable';
import { containerWarning, containerWords, countActionables } from './container';

const $ = (selector: string) => document.querySelector(selector)!;

describe('actionable target', () => {
  let check = createActionableCheck();
  const resolve = (selector: string, tracked: Element[] = []) => resolveTarget($(selector), (element) => tracked.includes(element), check.isActionable);

  beforeEach(() => {
    check = createActionableCheck();
    document.body.innerHTML = `
      <button class="share"><b id="fb">Facebook</b></button>
      <button id="buy"><svg id="icon"><path id="shape" d="M0 0"/></svg></button>
      <a id="plain">No href <i id="in-plain">here</i></a>
      <a id="link" href="/x"><span><em id="deep">Deep</em></span></a>
      <label id="label">Email <input id="email"></label>
      <details><summary id="summary"><span id="more">More</span></summary></details>
      <div id="tab" role="tab"><span id="tab-text">Reviews</span></div>
      <div id="handler" onclick="void 0"><p id="handler-text">Go</p></div>
      <div id="styled" style="cursor: pointer"><p id="styled-text" style="cursor: pointer">Card</p></div>
      <div id="article"><p id="para">Text</p></div>
      <input type="hidden" id="hidden">`;
  });

  it.each([
    ['#fb', 'button.share'], ['#shape', '#buy'], ['#icon', '#buy'], ['#deep', '#link'], ['#email', '#email'], ['#label', '#label'],
    ['#more', '#summary'], ['#tab-text', '#tab'], ['#handler-text', '#handler'], ['#styled-text', '#styled'],
  ])('a click on %s means %s', (inner, outer) => {
    const { target, why } = resolve(inner);
    expect(target).toBe($(outer));
    expect(why).toBe('actionable');
  });

  it('keeps the element itself when nothing around it is actionable; a link without href is not', () => {
    expect(resolve('#para')).toEqual({ target: $('#para'), trail: [], why: 'exact' });
    expect(resolve('#in-plain').target).toBe($('#in-plain'));
    expect(check.isActionable($('#hidden'))).toBe(false);
    expect(check.isActionable(document.body)).toBe(false);
  });

  it('leads back down to the element under the pointer (↓)', () => {
    const { trail } = resolve('#deep');
    expect(trail.map((element) => element.localName)).toEqual(['em', 'span']);
  });

  it('gives a tracked element precedence: a click inside a tracked element is a click on it', () => {
    const { target, why } = resolve('#deep', [$('#link')]);
    expect(target).toBe($('#link'));
    expect(why).toBe('tracked');
    // Tracked inner element (an old pick): no new row for the button around it.
    expect(resolve('#fb', [$('#fb')]).target).toBe($('#fb'));
    expect(resolve('#para', [$('#article')]).target).toBe($('#article'));
  });

  it('walks out of shadow roots to their host, but not out of a frame', () => {
    const host = document.createElement('div');
    host.setAttribute('role', 'button');
    document.body.append(host);
    host.attachShadow({ mode: 'open' }).innerHTML = '<span id="label">Go</span>';
    expect(resolveTarget(host.shadowRoot!.getElementById('label')!, () => false, check.isActionable).target).toBe(host);
  });
});

describe('container warning', () => {
  const viewport = { width: 1280, height: 800 };
  beforeEach(() => {
    document.body.innerHTML = `
      <nav id="nav"><a href="/a">A</a><a href="/b">B</a><button>C</button></nav>
      <form id="form"><input name="q"><button>Go</button></form>
      <div id="card"><button>One</button></div>
      <x-widget id="widget"></x-widget>`;
    $('#widget').attachShadow({ mode: 'open' }).innerHTML = '<a href="/1">1</a><a href="/2">2</a>';
  });

  it('warns about an element holding several actionable elements, open shadow roots included', () => {
    expect(countActionables($('#nav'))).toBe(3);
    expect(containerWarning($('#nav'), { x: 0, y: 0, width: 300, height: 40 }, viewport)).toEqual({ width: 300, height: 40, actionables: 3 });
    expect(containerWarning($('#widget'), { x: 0, y: 0, width: 100, height: 40 }, viewport)).toEqual({ width: 100, height: 40, actionables: 2 });
  });

  it('warns about a large area, never about a form or a small element with one button', () => {
    expect(containerWarning($('#card'), { x: 0, y: 0, width: 966, height: 2122 }, viewport)).toEqual({ width: 966, height: 2122, actionables: 1 });
    expect(containerWarning($('#card'), { x: 0, y: 0, width: 220, height: 160 }, viewport)).toBeNull();
    expect(containerWarning($('#form'), { x: 0, y: 0, width: 1280, height: 800 }, viewport)).toBeNull();
  });

  it('says it in words', () => {
    expect(containerWords({ width: 966, height: 2122, actionables: 14 })).toBe('Any click inside this 966 × 2122 area counts: it holds 14 links, buttons or fields.');
    expect(containerWords({ width: 966, height: 2122, actionables: 0 })).toBe('Any click inside this 966 × 2122 area counts.');
  });
});
