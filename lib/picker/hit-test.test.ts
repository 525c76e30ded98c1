import { describe, expect, it } from 'vitest';
import { meaningfulTarget } from './hit-test';

const sized = (element: Element, width: number, height: number) => {
  element.getBoundingClientRect = () => ({ x: 0, y: 0, left: 0, top: 0, right: width, bottom: height, width, height, toJSON: () => ({}) });
};

describe('meaningful SVG targets', () => {
  it('picks the whole icon for a shape inside a small svg', () => {
    document.body.innerHTML = '<button><svg id="icon"><g><path id="p"></path></g></svg></button>';
    sized(document.getElementById('icon')!, 24, 24);
    expect(meaningfulTarget(document.getElementById('p')!).id).toBe('icon');
  });

  it('keeps the shape inside a large drawing, and the text for a tspan', () => {
    document.body.innerHTML = '<svg id="chart"><rect id="bar"></rect><text id="t"><tspan id="span">1</tspan></text></svg>';
    sized(document.getElementById('chart')!, 600, 300);
    expect(meaningfulTarget(document.getElementById('bar')!).id).toBe('bar');
    expect(meaningfulTarget(document.getElementById('span')!).id).toBe('t');
  });

  it('leaves HTML elements and the svg root alone', () => {
    document.body.innerHTML = '<a id="a"></a><svg id="root"></svg>';
    expect(meaningfulTarget(document.getElementById('a')!).id).toBe('a');
    expect(meaningfulTarget(document.getElementById('root')!).id).toBe('root');
  });
});
