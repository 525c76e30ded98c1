import { useEffect, useState } from 'preact/hooks';
import type { Activity } from '@/lib/goals/model';
import { downloadText } from '@/lib/export/files';
import { scriptTagFor, type DestinationChoice } from '@/lib/runtime/script-tag-export';
import { Status, type StatusLine } from './Status';
import './script-tag.css';

const CHOICES: { kind: DestinationChoice['kind']; label: string }[] = [
  { kind: 'datalayer', label: 'Google Tag Manager / GA4 (dataLayer)' },
  { kind: 'posthog', label: 'PostHog (posthog.capture)' },
  { kind: 'beacon', label: 'My own URL (beacon)' },
];

/**
 * The site runtime as a copy-ready script tag with the activity inline (issue 13): the site counts
 * these goals itself and hands each conversion to the engine it already runs.
 */
export function ScriptTag({ activity }: { activity: Activity }) {
  const [runtime, setRuntime] = useState<{ code: string } | { error: string }>();
  const [kind, setKind] = useState<DestinationChoice['kind']>('datalayer');
  const [url, setUrl] = useState('');
  const [status, setStatus] = useState<StatusLine>();
  useEffect(() => {
    // Built with the extension (wxt.config.ts) from lib/runtime/, the same code `npm run build:runtime` writes.
    // A generated public file: WXT's path types list only the ones it found on disk.
    fetch(browser.runtime.getURL('/goalpost-runtime.js' as Parameters<typeof browser.runtime.getURL>[0]))
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error(`status ${response.status}`))))
      .then((code) => setRuntime({ code }), (error: Error) => setRuntime({ error: `The runtime is missing from this build of Goalpost (${error.message}).` }));
  }, []);
  const choice: DestinationChoice = kind === 'beacon' ? { kind, url } : { kind };
  const result = runtime && 'code' in runtime ? scriptTagFor(activity, choice, runtime.code) : undefined;
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus({ kind: 'ok', text: 'Copied. Paste it into your pages, before </body>.' });
    } catch (error) {
      setStatus({ kind: 'error', text: `Could not copy: ${error instanceof Error ? error.message : String(error)}. Select the text and copy it instead.` });
    }
  };
  return (
    <section class="export-section" aria-labelledby="export-script-heading" data-testid="export-script">
      <h3 id="export-script-heading">Script tag for your site</h3>
      <p class="status">Counts these goals on your own pages, with the same rules as Test goals, and hands each conversion to:</p>
      <fieldset class="script-destinations">
        {CHOICES.map((item) => (
          <label key={item.kind} class="inline">
            <input type="radio" name="script-destination" value={item.kind} checked={kind === item.kind} data-testid={`script-destination-${item.kind}`}
              onChange={() => { setKind(item.kind); setStatus(undefined); }} />
            {item.label}
          </label>
        ))}
      </fieldset>
      {kind === 'beacon' && (
        <label>
          Address that receives the conversions
          <input type="url" placeholder="https://collect.example/goalpost" value={url} data-testid="script-beacon-url" onInput={(event) => setUrl(event.currentTarget.value)} />
        </label>
      )}
      {runtime && 'error' in runtime && <p class="error" role="alert">{runtime.error}</p>}
      {result && !result.ok && <p class="warn" data-testid="script-problem">{result.problem}</p>}
      {result?.ok && (
        <>
          <textarea readOnly rows={5} class="mono" data-testid="script-tag" value={result.text} onFocus={(event) => event.currentTarget.select()} />
          {result.warnings.map((warning) => <p key={warning} class="warn">{warning}</p>)}
          <div class="export-actions">
            <button type="button" data-testid="copy-script-tag" onClick={() => void copy(result.text)}>Copy script tag ({kb(result.text.length)})</button>
            {runtime && 'code' in runtime && (
              <button type="button" data-testid="download-runtime" onClick={() => downloadText('goalpost-runtime.js', runtime.code)}>Download goalpost-runtime.js</button>
            )}
          </div>
          <p class="status">
            A conversion records the metric’s id and name, the activity’s id, the page address (without its #part) and the time;
            for once-per-visitor metrics also a random visitor id kept in the site’s own storage. Nothing else: no page text, no
            user agent, and Goalpost sets no cookie.
          </p>
        </>
      )}
      <Status status={status} testId="status-script" />
    </section>
  );
}

function kb(length: number): string {
  return `${(length / 1024).toFixed(1)} KB`;
}
