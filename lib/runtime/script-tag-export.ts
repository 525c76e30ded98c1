import * as v from 'valibot';
import { CanonicalSchema, toCanonical } from '../export/canonical';
import type { Activity } from '../goals/model';
import { parseDestinations } from './destinations';
import { scriptTag } from './snippet';

// What the export dialog's script tag section offers for an activity (issue 13): the tag, or what
// stands in the way, in words.

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
