import type { Activity, TrackedElement } from '@/lib/goals/model';
import { describeLabel } from './limits-words';
import { staticProblems } from './posthog/static';
import { elementFacts } from './posthog';

// Per-target limits, shown before export (issue 12): what each target will not count as Goalpost
// does, grouped into short lines ("2 elements: GTM cannot see elements inside a shadow root (…)").
// Nothing is dropped silently: every element a target leaves out or counts differently is named.

export type LimitTarget = 'goalpost' | 'gtm' | 'adobe-target' | 'posthog' | 'webhook';

export function exportLimits(activity: Activity): Record<LimitTarget, string[]> {
  const counted = activity.elements.filter((element) => activity.metrics.some((metric) => metric.elementIds.includes(element.id)));
  const inShadow = counted.filter((element) => element.shadowHosts?.length && !element.frames?.length);
  const inFrame = counted.filter((element) => element.frames?.length);
  const forms = counted.filter((element) => element.action.kind === 'submit' && !element.frames?.length && !element.shadowHosts?.length);
  const windowed = activity.metrics.filter((metric) => metric.windowSeconds !== undefined);
  const windowLine = (target: string) => windowed.length ? [`${count(windowed.length, 'metric')}: ${target} has no “within N s of page load” rule (${windowed.map((metric) => `“${metric.name}”`).join(', ')})`] : [];

  const gtm = [
    grouped(inShadow, 'GTM cannot see elements inside a shadow root; they are left out'),
    grouped(inFrame, 'GTM cannot see elements inside a frame; they are left out'),
    ...windowLine('GTM'),
  ];
  const target = [
    grouped(inShadow, 'Target’s click tracking cannot see elements inside a shadow root; they are left out'),
    grouped(inFrame, 'Target’s click tracking cannot see elements inside a frame; they are left out'),
    grouped(forms, 'Target counts clicks on a form, not its submits'),
    ...(activity.scopes.length ? [`${count(activity.scopes.length, 'URL scope')}: Target needs an audience for them (see the warning below the file)`] : []),
    ...windowLine('Adobe Target'),
    'The activity can then only be edited through Target’s API, not its UI',
  ];
  const unrecorded = counted.filter((element) => element.targetLimits?.posthog);
  const twins = counted.filter((element) => element.targetSelectors?.posthog && element.targetSelectors.posthog !== element.selector);
  const filtered = counted.filter((element) => element.targetSelectors?.posthog && element.targetSelectors.posthogFilters);
  const never = counted.filter((element) => !element.targetSelectors?.posthog && staticProblems(element.selector, elementFacts(element)).some((problem) => problem.kind === 'never'));
  const unchecked = counted.filter((element) => !element.targetSelectors?.posthog && !never.includes(element) && staticProblems(element.selector, elementFacts(element)).length > 0);
  const posthog = [
    grouped(unrecorded, 'PostHog’s autocapture records no click on them; the export is refused until they are removed'),
    grouped(never, 'PostHog would never match their selector; open their page so Goalpost writes one it can'),
    grouped(inFrame.filter((element) => !unrecorded.includes(element)), 'PostHog’s autocapture in the page does not see inside frames'),
    grouped(twins, 'PostHog gets a selector of its own for them (shown in their rows)'),
    grouped(filtered, 'PostHog also gets an href or text filter for them, beside the selector (shown in their rows)'),
    grouped(unchecked, 'PostHog may count them differently from CSS; not checked on their page yet'),
    ...windowLine('PostHog'),
  ];
  return { goalpost: [], webhook: [], gtm: gtm.filter(Boolean) as string[], 'adobe-target': target.filter(Boolean) as string[], posthog: posthog.filter(Boolean) as string[] };
}

function grouped(elements: TrackedElement[], what: string): string | null {
  if (elements.length === 0) return null;
  const names = elements.slice(0, 3).map(describeLabel).join(', ');
  return `${count(elements.length, 'element')}: ${what} (${names}${elements.length > 3 ? ', …' : ''})`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
