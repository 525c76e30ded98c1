import { describe, expect, it } from 'vitest';
import { postHogCheck } from './check';
import { currentIndex, indexBuilds } from './index-cache';

// The panel checks every row of an activity against the same page: the index is built once per
// state of the DOM (issue 12, speed) and rebuilt as soon as the DOM changes, even within the same
// task as the check (the observer's pending records are read synchronously).

describe('page index cache', () => {
  it('reuses the index while the DOM is unchanged and rebuilds it after any change', () => {
    document.body.innerHTML = '<nav><a class="home" href="/">Home</a></nav><button class="go">Go</button>';
    const first = currentIndex(document);
    const built = indexBuilds.built;
    expect(currentIndex(document)).toBe(first);
    expect(indexBuilds.built).toBe(built);

    // A new click target, then a check in the same task: it is counted.
    document.body.insertAdjacentHTML('beforeend', '<button class="go">Go again</button>');
    const answer = postHogCheck(document, { selector: 'nav a.home', action: 'click' });
    expect(indexBuilds.built).toBe(built + 1);
    expect(currentIndex(document).clicks.length).toBe(first.clicks.length + 1);
    expect(answer).toMatchObject({ found: true, recorded: true });

    // An attribute change (a class the twin may rely on) rebuilds too.
    document.querySelector('button')!.setAttribute('class', 'stop');
    const rebuilt = currentIndex(document);
    expect(indexBuilds.built).toBe(built + 2);
    expect(rebuilt.clicks.some((item) => item.chain.chain.startsWith('button.stop'))).toBe(true);
  });
});
