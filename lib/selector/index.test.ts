import { describe, expect, it } from 'vitest';
import { generateSelector } from './index';

describe('generateSelector (skeleton)', () => {
  it('never emits a name that needs a CSS escape', () => {
    document.body.innerHTML = `<form id="form:main"><button id="form:submit" class="md:flex w-1.5">Go</button></form>`;
    const button = document.querySelector('button')!;
    const selector = generateSelector(button);
    expect(selector).not.toContain('\\');
    expect([...document.querySelectorAll(selector)]).toEqual([button]);
  });
});
