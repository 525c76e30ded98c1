/** One line saying what just happened: working, done, or what went wrong. */
export function Status({ status, testId }: { status: StatusLine | undefined; testId: string }) {
  if (!status) return null;
  if (status.kind === 'error') return <p class="error" role="alert" data-testid={testId}>{status.text}</p>;
  return <p class="status" role="status" data-testid={testId}>{status.text}</p>;
}

export type StatusLine = { kind: 'busy' | 'ok' | 'error'; text: string };
