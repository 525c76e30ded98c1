import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * A compact "⋯" menu (issue 15: action and delete out of the row's way). A disclosure: Escape or a
 * click elsewhere closes it, focus goes back to its button.
 */
export function RowMenu({ label, children }: { label: string; children: ComponentChildren }) {
  const [open, setOpen] = useState(false);
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (!details.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close, true);
    return () => document.removeEventListener('pointerdown', close, true);
  }, [open]);
  return (
    <details
      ref={details}
      class="menu"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return;
        event.stopPropagation();
        setOpen(false);
        details.current?.querySelector('summary')?.focus();
      }}
    >
      <summary class="icon-button" data-testid="row-menu" aria-label={label} title={label}>⋯</summary>
      <div class="menu-panel">{children}</div>
    </details>
  );
}
