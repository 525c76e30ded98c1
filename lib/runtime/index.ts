// The runtime as an ES module (`dist/goalpost-runtime.mjs`), for sites that bundle their scripts:
//   import { readActivity, startGoalpost } from './goalpost-runtime.mjs';
//   const activity = readActivity(json); if (!('error' in activity)) startGoalpost({ activity, destinations: [{ kind: 'dataLayer' }] });
export { readActivity } from './activity';
export { parseDestinations, type Conversion, type Destination } from './destinations';
export { decide, type CountedActivity, type Outcome } from './match';
export { startGoalpost, type RuntimeOptions } from './runtime';
