import { useState } from 'preact/hooks';
import type { Activity, UrlScope } from '@/lib/goals/model';
import { scopeProblem } from '@/lib/goals/url-scope';
import { CommitInput } from './CommitInput';
import type { Send } from './hooks/useOperations';

// Short, so the row fits a 320 px panel (issue 15); the field's label says what they compare.
const KINDS: { kind: UrlScope['kind']; label: string }[] = [
  { kind: 'exact', label: 'Is' },
  { kind: 'prefix', label: 'Starts with' },
  { kind: 'pattern', label: 'Matches *' },
];

/** The activity's URL scopes (several allowed) and the pages its elements were picked on. */
export function ScopeEditor({ activity, pageUrl, send }: { activity: Activity; pageUrl: string | undefined; send: Send }) {
  const [kind, setKind] = useState<UrlScope['kind']>('prefix');
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const add = async (event: Event) => {
    event.preventDefault();
    const scope = { kind, value: value.trim() };
    const found = scopeProblem(scope);
    setProblem(found);
    if (found) return;
    if ((await send({ kind: 'addScope', activityId: activity.id, scope })).ok) setValue('');
  };

  return (
    <details class="scopes" data-testid="scopes">
      <summary>Pages and URLs ({activity.scopes.length})</summary>
      {activity.scopes.length === 0 && <p class="status">No URL yet: this activity applies to no page until you add one.</p>}
      <p class="status">The activity applies to pages whose URL is, starts with, or matches one of these (* stands for anything).</p>
      <ul class="scope-list">
        {activity.scopes.map((scope) => (
          <li key={`${scope.kind}:${scope.value}`} data-testid="scope-row">
            <select
              aria-label="How the URL is compared"
              data-testid="scope-kind"
              value={scope.kind}
              onChange={(event) => void send({ kind: 'updateScope', activityId: activity.id, previous: scope, scope: { ...scope, kind: event.currentTarget.value as UrlScope['kind'] } })}
            >
              {KINDS.map((item) => <option key={item.kind} value={item.kind}>{item.label}</option>)}
            </select>
            <CommitInput
              label="URL"
              testId="scope-value"
              class="grow mono"
              value={scope.value}
              onCommit={async (next) => (await send({ kind: 'updateScope', activityId: activity.id, previous: scope, scope: { ...scope, value: next } })).ok}
            />
            <button type="button" class="icon-button" aria-label={`Remove URL ${scope.value}`} title="Remove this URL" data-testid="remove-scope" onClick={() => void send({ kind: 'removeScope', activityId: activity.id, scope })}>✕</button>
          </li>
        ))}
      </ul>
      <form class="scope-add" onSubmit={add} data-testid="add-scope">
        <select aria-label="How the new URL is compared" value={kind} onChange={(event) => setKind(event.currentTarget.value as UrlScope['kind'])}>
          {KINDS.map((item) => <option key={item.kind} value={item.kind}>{item.label}</option>)}
        </select>
        <input
          class="grow mono"
          aria-label="New URL"
          aria-invalid={problem !== null}
          aria-describedby="scope-problem"
          placeholder={pageUrl ?? 'https://shop.example/*'}
          value={value}
          onInput={(event) => setValue(event.currentTarget.value)}
        />
        <button type="submit">Add URL</button>
      </form>
      {problem && <p class="error" id="scope-problem" role="alert">{problem}</p>}
      <h3>Picked on</h3>
      {activity.pages.length === 0
        ? <p class="status">No page yet.</p>
        : <ul class="pages" data-testid="pages">{activity.pages.map((page) => <li key={page} class="mono">{page}</li>)}</ul>}
    </details>
  );
}
