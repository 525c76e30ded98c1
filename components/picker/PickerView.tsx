import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Box, FrameInput, FrameView, Outline, PathEntry } from '@/lib/picker/protocol';
import { boxesPath } from '@/lib/picker/geometry';
import { KEY_COMMANDS } from '@/lib/picker/keys';

/** Most "Selected" badges drawn at once; a selector matching hundreds of elements still shows its outlines. */
const MAX_BADGES = 200;
const KEY_NAMES: Record<string, string> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→', ' ': 'Space', Escape: 'Esc' };

/** The picker's whole visible UI, drawn in its frame over the page. */
export function PickerView({ view, onInput }: { view: FrameView; onInput(input: FrameInput): void }) {
  const focus = view.current ?? view.hover;
  return (
    <>
      <div
        class="layer"
        data-testid="picker-layer"
        onPointerMove={(event) => onInput({ type: 'move', x: event.clientX, y: event.clientY })}
        onPointerLeave={() => onInput({ type: 'leave' })}
        onClick={(event) => event.button === 0 && onInput({ type: 'click', x: event.clientX, y: event.clientY })}
        onWheel={(event) => {
          event.preventDefault();
          onInput({ type: 'wheel', x: event.clientX, y: event.clientY, ...wheelDelta(event) });
        }}
      >
        <svg class="boxes" aria-hidden="true">
          <path class="selected" d={boxesPath(view.selected)} />
          <path class="highlighted" d={boxesPath(view.highlighted)} />
          {view.hover && <path class="hover" d={boxesPath([view.hover.box])} />}
          {view.current && <path class="current" d={boxesPath([view.current.box])} />}
        </svg>
        {view.selected.slice(0, MAX_BADGES).map((box, index) => (
          <span key={index} class="badge" data-testid="selected-badge" style={badgePosition(box)}>Selected</span>
        ))}
        {view.hover && view.current && <Label outline={view.hover} kind="hover" />}
        {focus && <Label outline={focus} kind="current" />}
      </div>
      <PathBar view={view} onInput={onInput} />
    </>
  );
}

function Label({ outline, kind }: { outline: Outline; kind: 'current' | 'hover' }) {
  const { box, label, selected, rtl } = outline;
  const above = box.y >= 24;
  const style = {
    top: `${above ? box.y - 22 : Math.max(0, box.y) + 2}px`,
    ...(rtl ? { right: `${Math.max(0, innerWidth - box.x - box.width)}px` } : { left: `${Math.max(0, box.x)}px` }),
  };
  return (
    <div class={`label ${kind}`} data-testid={`${kind}-label`} style={style}>
      <span class="name">{label.name}</span> <span class="size">{label.size}</span>
      {selected && <span class="mark"> ✓ Selected</span>}
    </div>
  );
}

function PathBar({ view, onInput }: { view: FrameView; onInput(input: FrameInput): void }) {
  const entries = view.path.map((entry, index) => ({ entry, index }));
  const ancestors = entries.filter(({ entry }) => entry.role !== 'child');
  const children = entries.filter(({ entry }) => entry.role === 'child');
  const current = view.path.find((entry) => entry.role === 'current');
  const pathList = useRef<HTMLOListElement>(null);
  // A deep path is wider than the bar: keep its end, the current element, in sight.
  useLayoutEffect(() => {
    pathList.current?.querySelector('[aria-current]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [view.path]);
  return (
    <nav class="bar" data-testid="path-bar" aria-label="DOM path" onPointerEnter={() => onInput({ type: 'leave' })}>
      <div class="row">
        <ol class="path" data-testid="path" ref={pathList}>
          {ancestors.length === 0 && <li class="hint">Point at an element, click to select it.</li>}
          {ancestors.map(({ entry, index }) => <PathButton key={index} entry={entry} index={index} onInput={onInput} />)}
        </ol>
        {current && (
          <button type="button" class="toggle" data-testid="toggle-selection" onClick={() => onInput({ type: 'command', command: 'toggle' })}>
            {current.selected ? 'Unselect' : 'Select'}
          </button>
        )}
      </div>
      <div class="row second">
        <ol class="children" data-testid="children">
          {children.length > 0 && <li class="caption">children:</li>}
          {children.map(({ entry, index }) => <PathButton key={index} entry={entry} index={index} onInput={onInput} />)}
        </ol>
        {view.stack && <span class="stack" data-testid="stack">{view.stack.index + 1} / {view.stack.size} under the pointer</span>}
        <span class="keys">{KEY_COMMANDS.filter((binding) => !binding.shift).map((binding) => (
          <span key={binding.key}><kbd>{KEY_NAMES[binding.key] ?? binding.key}</kbd> {binding.help}</span>
        ))}</span>
      </div>
    </nav>
  );
}

function PathButton({ entry, index, onInput }: { entry: PathEntry; index: number; onInput(input: FrameInput): void }) {
  return (
    <li class={entry.boundary ? `boundary-${entry.boundary}` : undefined}>
      <button
        type="button"
        tabIndex={-1}
        class={`entry ${entry.role}${entry.selected ? ' selected' : ''}`}
        data-testid="path-entry"
        data-role={entry.role}
        data-selected={entry.selected ? 'true' : undefined}
        aria-current={entry.role === 'current' ? 'true' : undefined}
        title={entry.role === 'current' ? 'Click again to select or unselect' : 'Go to this element'}
        onClick={() => onInput({ type: 'path', index })}
      >
        {entry.name}{entry.selected && ' ✓'}
      </button>
    </li>
  );
}

function badgePosition(box: Box) {
  return { left: `${Math.max(0, box.x + box.width)}px`, top: `${Math.max(0, box.y)}px` };
}

/** Wheel deltas in CSS px, whatever unit the browser reported (Firefox often uses lines). */
function wheelDelta(event: WheelEvent): { dx: number; dy: number } {
  const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? innerHeight : 1;
  return { dx: event.deltaX * unit, dy: event.deltaY * unit };
}
