import { useState } from 'preact/hooks';
import type { Activity } from '@/lib/goals/model';
import { downloadText, fileExports, type FileExport } from '@/lib/export/files';
import { Status, type StatusLine } from './Status';
import { TargetLimits } from './TargetLimits';

/** Exports that stay on this computer: a download, or the clipboard for the canonical file. */
export function FileExports({ activity }: { activity: Activity }) {
  return (
    <section class="export-section" aria-label="Files">
      {fileExports(activity).map((row) => <FileRow key={row.target} row={row} activity={activity} />)}
    </section>
  );
}

function FileRow({ row, activity }: { row: FileExport; activity: Activity }) {
  const [status, setStatus] = useState<StatusLine>();
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus({ kind: 'ok', text: 'Copied to the clipboard.' });
    } catch (error) {
      setStatus({ kind: 'error', text: `Could not copy: ${error instanceof Error ? error.message : String(error)}. Use Download instead.` });
    }
  };
  return (
    <div class="export-row" data-testid={`export-${row.target}`}>
      <strong>{row.title}</strong>
      <TargetLimits activity={activity} target={row.target} />
      {row.ok ? (
        <div class="export-actions">
          {/* Short buttons, the file name under the verb (issue 15). */}
          <button type="button" class="file-button" data-testid={`download-${row.target}`} aria-label={`Download ${row.fileName}`} onClick={() => downloadText(row.fileName, row.text)}>
            <span class="file-verb">Download</span>
            <span class="file-name" title={row.fileName}>{row.fileName}</span>
          </button>
          {row.target === 'goalpost' && (
            <button type="button" class="file-button" data-testid="copy-goalpost" aria-label="Copy the Goalpost JSON to the clipboard" onClick={() => void copy(row.text)}>
              <span class="file-verb">Copy</span>
              <span class="file-name">to the clipboard</span>
            </button>
          )}
        </div>
      ) : (
        <ul class="problems" data-testid={`problems-${row.target}`}>{row.problems.map((problem) => <li key={problem}>{problem}</li>)}</ul>
      )}
      {row.ok && row.warnings.length > 0 && (
        <ul class="warnings">{row.warnings.map((warning) => <li key={warning}>{warning}</li>)}</ul>
      )}
      <Status status={status} testId={`status-${row.target}`} />
    </div>
  );
}
