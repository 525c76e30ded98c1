import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * A text field that saves when the user leaves it or presses Enter, and goes back to the saved
 * value on Escape or when saving is refused. While focused it keeps the user's draft, even if the
 * stored value changes underneath (another window).
 */
export function CommitInput(props: CommitInputProps) {
  const [draft, setDraft] = useState(props.value);
  const focused = useRef(false);
  /** The value last sent: Enter then blur must not send it twice (a scope edit would then refuse itself). */
  const sent = useRef<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    sent.current = null;
    if (!focused.current) setDraft(props.value);
  }, [props.value]);
  useEffect(() => {
    if (props.autoFocus) input.current?.select();
  }, [props.autoFocus]);

  const commit = async () => {
    if (draft === props.value || draft === sent.current) return;
    sent.current = draft;
    const saved = await props.onCommit(draft);
    if (saved) return;
    sent.current = null;
    setDraft(props.value);
  };
  return (
    <input
      ref={input}
      {...(props.type === 'number' ? { type: 'number' as const, min: props.min } : { type: 'text' as const })}
      class={props.class}
      value={draft}
      aria-label={props.label}
      data-testid={props.testId}
      onFocus={() => (focused.current = true)}
      onBlur={() => {
        focused.current = false;
        void commit();
      }}
      onInput={(event) => setDraft(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') void commit();
        if (event.key === 'Escape') setDraft(props.value);
      }}
    />
  );
}

interface CommitInputProps {
  value: string;
  label: string;
  /** Resolves `false` when the value was refused, which puts the saved value back. */
  onCommit(value: string): Promise<boolean>;
  testId?: string;
  class?: string;
  type?: 'text' | 'number';
  min?: number;
  autoFocus?: boolean;
}
