import * as v from 'valibot';
import { CanonicalSchema, toCanonical, type CanonicalActivity } from '../export/canonical';
import type { Activity } from '../goals/model';
import { parseDestinations } from './destinations';

// The copy-ready script tag of the export dialog (issue 13): the runtime with the activity inline,
// configured by the tag's attributes as lib/runtime/standalone.ts reads them.

/**
 * `<script data-goalpost-destination='…' data-goalpost-activity='{…}'>runtime</script>`, or with
 * `src` when the site hosts the runtime file itself. The activity keeps every field the canonical
 * format requires and drops the optional ones the runtime never reads (fingerprints, per-target
 * selectors), so the tag stays small and still holds a valid `goalpost/activity@1` file.
 */
export function scriptTag(activity: CanonicalActivity, destination: string, runtime: { code: string } | { src: string }): string {
  const lean: CanonicalActivity = {
    ...activity,
    elements: activity.elements.map(({ fingerprint: _fingerprint, targetSelectors: _targets, ...element }) => element),
  };
  // Single quotes around the JSON keep it readable: its own double quotes need no escaping.
  const attributes = `data-goalpost-destination='${escapeAttribute(destination)}' data-goalpost-activity='${escapeAttribute(JSON.stringify(lean))}'`;
  if ('src' in runtime) return `<script src='${escapeAttribute(runtime.src)}' ${attributes}></script>`;
  if (/<\/script/i.test(runtime.code)) throw new Error('The runtime cannot be pasted inline: it contains “</script”.');
  return `<script ${attributes}>${runtime.code.trim()}</script>`;
}

/** Text for a single-quoted HTML attribute: `&` and `'` as references, so the browser reads it back exactly. */
export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/'/g, '&#39;');
}

/**
 * The script tag for an activity and a destination choice, or what stands in the way, in words.
 * The activity must pass the canonical schema (what the runtime receives is a canonical file).
 */
export function scriptTagFor(activity: Activity, choice: DestinationChoice, runtimeCode: string): ScriptTagResult {
  const checked = v.safeParse(CanonicalSchema, toCanonical(activity));
  if (!checked.success) return { ok: false, problem: `The activity cannot be written as a valid file yet: ${checked.issues[0].message}.` };
  if (activity.metrics.length === 0) return { ok: false, problem: 'Add a goal metric first: with none, the script would count nothing.' };
  let destination: string = choice.kind;
  if (choice.kind === 'beacon') {
    const url = choice.url.trim();
    if (!/^https?:\/\/\S+$/i.test(url) || 'error' in parseDestinations(url, url)) {
      return { ok: false, problem: 'Enter the full address that receives the conversions, starting with https://' };
    }
    destination = url;
  }
  const warnings = choice.kind === 'beacon' && /^http:/i.test(choice.url.trim())
    ? ['Pages served over https cannot send to an http:// address (mixed content): use https:// there.']
    : [];
  return { ok: true, text: scriptTag(checked.output, destination, { code: runtimeCode }), warnings };
}

export type DestinationChoice = { kind: 'datalayer' } | { kind: 'posthog' } | { kind: 'beacon'; url: string };

export type ScriptTagResult = { ok: true; text: string; warnings: string[] } | { ok: false; problem: string };
