import { readActivity } from './activity';
import { parseDestinations } from './destinations';
import { startGoalpost, warn } from './runtime';

// `dist/goalpost-runtime.js` (npm run build:runtime): configured by its own script tag (issue 13),
//   <script src="goalpost-runtime.js" data-goalpost-destination="datalayer"
//           data-goalpost-activity='{"format":"goalpost/activity@1",…}'></script>
// `data-goalpost-activity` holds the activity's JSON or a URL to fetch it from; the destination is
// `datalayer` (the default), `posthog`, or a URL for beacons, several separated by spaces.

const script = document.currentScript;
if (script) configure(script);

function configure(tag: Element): void {
  const destinations = parseDestinations(tag.getAttribute('data-goalpost-destination') || 'datalayer', location.href);
  if ('error' in destinations) return warn(destinations.error);
  const source = (tag.getAttribute('data-goalpost-activity') || '').trim();
  const start = (value: unknown) => {
    const activity = readActivity(value);
    if ('error' in activity) return warn(activity.error);
    startGoalpost({ activity, destinations });
  };
  if (!source) return warn('set data-goalpost-activity to the activity’s JSON or URL');
  if (source.charAt(0) === '{') {
    try {
      return start(JSON.parse(source));
    } catch {
      return warn('data-goalpost-activity is not valid JSON');
    }
  }
  fetch(new URL(source, location.href).href)
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`the server answered ${response.status}`))))
    .then(start, (error: Error) => warn(`could not load ${source}: ${error.message}`));
}
