import { describe, expect, it } from 'vitest';
import { perElement } from './per-element';

describe('perElement', () => {
  it('works an answer out once per element, null included, until cleared', () => {
    const document = globalThis.document;
    const a = document.createElement('a');
    const b = document.createElement('b');
    const asked: Element[] = [];
    const answers = perElement((element) => {
      asked.push(element);
      return element === a ? null : element.localName;
    });
    expect([answers.get(a), answers.get(b), answers.get(a), answers.get(b)]).toEqual([null, 'b', null, 'b']);
    expect(asked).toEqual([a, b]);
    answers.clear();
    expect(answers.get(a)).toBeNull();
    expect(asked).toEqual([a, b, a]);
  });
});
