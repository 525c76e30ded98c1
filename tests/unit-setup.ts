import { setDefaultTimeCap } from '../lib/selector/search';

// Selector generation stops by the clock on a loaded machine (issue 14). In happy-dom on a shared
// machine every search would, so unit tests judge the search itself, without the cap; the cap has
// its own tests with a fake clock (lib/selector/generate.test.ts).
setDefaultTimeCap(Number.POSITIVE_INFINITY);
