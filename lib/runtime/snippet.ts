import type { CanonicalActivity } from '../export/canonical';

// The copy-ready script tag of the export dialog (issue 13): the runtime with the activity inline,
// configured by the tag's attributes as lib/runtime/standalone.ts reads them. Type imports only: the
// runtime's benchmark runs this in plain Node.

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
