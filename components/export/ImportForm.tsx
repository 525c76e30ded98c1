import { useState } from 'preact/hooks';
import type { Workspace } from '@/lib/goals/model';
import { sendMessage } from '@/lib/messaging';
import { findDuplicate, formatImportError, parseImport, type DuplicateChoice } from '@/lib/export/import';
import { Status, type StatusLine } from './Status';

/** Import a canonical file: checked here to explain problems and ask about duplicates, saved by the background. */
export function ImportForm({ workspace }: { workspace: Workspace }) {
  const [pending, setPending] = useState<{ text: string; name: string; existing: string }>();
  const [pasted, setPasted] = useState('');
  const [status, setStatus] = useState<StatusLine>();

  const check = (text: string) => {
    setPending(undefined);
    const parsed = parseImport(text);
    if (!parsed.ok) return setStatus({ kind: 'error', text: `Not imported, nothing changed. ${formatImportError(parsed.error)}` });
    const duplicate = findDuplicate(workspace, parsed.file);
    if (duplicate) {
      setStatus(undefined);
      return setPending({ text, name: parsed.file.name, existing: duplicate.name });
    }
    void save(text, 'keepBoth');
  };

  const save = async (text: string, choice: DuplicateChoice) => {
    setPending(undefined);
    const outcome = await sendMessage('importActivity', { text, choice });
    setStatus(outcome.ok
      ? { kind: 'ok', text: `Imported “${outcome.name}”.` }
      : { kind: 'error', text: `Not imported, nothing changed. ${formatImportError(outcome.error)}` });
  };

  const readFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      check(await file.text());
    } catch (error) {
      setStatus({ kind: 'error', text: `Could not read ${file.name}: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  return (
    <section class="export-section" aria-labelledby="import-heading">
      <h3 id="import-heading">Import</h3>
      <label>Goalpost JSON file <input type="file" accept=".json,application/json" data-testid="import-file" onChange={(event) => void readFile(event.currentTarget)} /></label>
      <label>…or paste its content <textarea rows={3} data-testid="import-text" value={pasted} onInput={(event) => setPasted(event.currentTarget.value)} /></label>
      <button type="button" data-testid="import-text-submit" disabled={!pasted.trim()} onClick={() => check(pasted)}>Import pasted text</button>
      {pending && (
        <div class="duplicate" role="group" aria-label="Duplicate activity" data-testid="import-duplicate">
          <p>“{pending.existing}” is already here. Replace it with the file’s “{pending.name}”, or keep both?</p>
          <button type="button" data-testid="import-replace" onClick={() => void save(pending.text, 'replace')}>Replace</button>
          <button type="button" data-testid="import-keep-both" onClick={() => void save(pending.text, 'keepBoth')}>Keep both</button>
          <button type="button" onClick={() => setPending(undefined)}>Cancel</button>
        </div>
      )}
      <Status status={status} testId="import-status" />
    </section>
  );
}
