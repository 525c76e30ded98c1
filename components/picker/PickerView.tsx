import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { Badge, FrameInput, FrameView, Outline, PathEntry, Question } from '@/lib/picker/protocol';
import { boxesPath } from '@/lib/picker/geometry';
import { KEY_HINTS } from '@/lib/picker/keys';
import { placeBadges, placeLabel } from '@/lib/picker/layout';

/** Most badges drawn at once; a selector matching hundreds of elements still shows its outlines. */
const MAX_BADGES = 200;

/** The picker's whole visible UI, drawn in its frame over the page. */
export function PickerView({ view, onInput }: { view: FrameView; onInput(input: FrameInput): void }) {
  const focus = view.current ?? view.hover;
  const root = useRef<HTMLDivElement>(null);
  const reportedBar = useRef(0);
  useExactKey(onInput);
  // Labels and badges are measured once drawn, then placed before the frame paints (issue 11 item 5).
  useLayoutEffect(() => {
    const layer = root.current;
    if (!layer) return;
    const bar = layer.querySelector<HTMLElement>('[data-testid=path-bar]')!;
    const barBox = bar.getBoundingClientRect();
    if (Math.round(barBox.height) !== reportedBar.current) {
      reportedBar.current = Math.round(barBox.height);
      onInput({ type: 'bar', height: reportedBar.current });
    }
    arrange(layer, view, { x: barBox.x, y: barBox.y, width: barBox.width, height: barBox.height });
  });
  return (
    <div ref={root}>
      <div
        class={`layer${view.exact ? ' exact' : ''}`}
        data-testid="picker-layer"
        onPointerMove={(event) => onInput({ type: 'move', x: event.clientX, y: event.clientY, exact: event.altKey, t: eventTime(event) })}
        onPointerLeave={(event) => onInput({ type: 'leave', x: event.clientX, y: event.clientY, t: eventTime(event) })}
        onClick={(event) => event.button === 0 && onInput({ type: 'click', x: event.clientX, y: event.clientY, exact: event.altKey })}
        onWheel={(event) => {
          event.preventDefault();
          onInput({ type: 'wheel', x: event.clientX, y: event.clientY, ...wheelDelta(event) });
        }}
      >
        <svg class="boxes" aria-hidden="true">
          <path class="selected" d={boxesPath(view.selected.map((badge) => badge.box))} />
          <path class="highlighted" d={boxesPath(view.highlighted)} />
          {view.hover && <path class="hover" d={boxesPath([view.hover.box])} />}
          {view.current && <path class="current" d={boxesPath([view.current.box])} />}
          {view.question && <path class={`asked ${view.question.kind}`} d={boxesPath([view.question.box])} />}
        </svg>
        {view.selected.slice(0, MAX_BADGES).map((badge, index) => <BadgeView key={index} badge={badge} />)}
        {focus && <Label outline={focus} kind="current" />}
        {view.hover && view.current && <Label outline={view.hover} kind="hover" />}
      </div>
      <PathBar view={view} onInput={onInput} />
    </div>
  );
}

/** "Shares · Signups" in each metric's colour, or "Not in a metric". */
function BadgeView({ badge }: { badge: Badge }) {
  return (
    <span class="badge" data-testid="selected-badge">
      {badge.metrics.length === 0
        ? <span class="metric none">Not in a metric</span>
        : badge.metrics.map((metric) => <span key={metric.name} class="metric" style={{ background: metric.colour }}>{metric.name}</span>)}
    </span>
  );
}

function Label({ outline, kind }: { outline: Outline; kind: 'current' | 'hover' }) {
  const { label, selected } = outline;
  return (
    <div class={`label ${kind}`} data-testid={`${kind}-label`} data-rtl={outline.rtl ? 'true' : undefined}>
      <div class="line">
        <span class="words">{label.words}</span> <span class="name">{label.name}</span> <span class="size">{label.size}</span>
      </div>
      {label.note && <div class={`note ${label.note.tone}${selected ? ' mark' : ''}`}>{label.note.text}</div>}
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
    <nav class={`bar ${view.dock}`} data-testid="path-bar" data-dock={view.dock} aria-label="DOM path" onPointerEnter={(event) => onInput({ type: 'leave', x: event.clientX, y: event.clientY, t: eventTime(event) })}>
      {view.question && <QuestionRow question={view.question} onInput={onInput} />}
      <div class="row">
        <ol class="path" data-testid="path" ref={pathList}>
          {ancestors.length === 0 && <li class="hint">Point at an element, click to select it.</li>}
          {ancestors.map(({ entry, index }) => <PathButton key={index} entry={entry} index={index} onInput={onInput} />)}
        </ol>
        {current && !view.question && (
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
        <span class="keys" data-testid="key-hints">
          {KEY_HINTS.map((hint) => (
            <span key={hint.help}>{hint.keys.map((key) => <kbd key={key}>{key}</kbd>)}{hint.help.startsWith('+') ? '' : ' '}{hint.help}</span>
          ))}
        </span>
      </div>
    </nav>
  );
}

/** A pick or an unselect waiting for the user (issue 11 items 2, 4): Enter says yes, Esc no. */
function QuestionRow({ question, onInput }: { question: Question; onInput(input: FrameInput): void }) {
  const container = question.kind === 'container';
  return (
    <div class={`row question ${question.kind}`} data-testid="question" data-kind={question.kind} role="alertdialog" aria-label={container ? 'Record a large area?' : 'Remove this element?'}>
      <span class="ask">
        {container ? (
          <><strong>{question.words}</strong>: {question.text} Record it anyway?</>
        ) : (
          <>
            <strong>{question.words}</strong>{' is '}
            {question.metrics.length > 0
              ? <>tracked in {question.metrics.map((metric, index) => <span key={metric.name}>{index > 0 && ', '}<span class="metric" style={{ background: metric.colour }}>{metric.name}</span></span>)}</>
              : 'tracked'}
            {question.reasons.filter((reason) => !reason.startsWith('tracked in')).length > 0 && ` (${question.reasons.filter((reason) => !reason.startsWith('tracked in')).join('; ')})`}
            {' — remove it?'}
          </>
        )}
      </span>
      <button type="button" class="yes" data-testid="question-yes" onClick={() => onInput({ type: 'answer', yes: true })}>
        {container ? 'Record anyway' : 'Remove'} <kbd>⏎</kbd>
      </button>
      <button type="button" class="no" data-testid="question-no" onClick={() => onInput({ type: 'answer', yes: false })}>
        {container ? 'Cancel' : 'Keep'} <kbd>Esc</kbd>
      </button>
    </div>
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

/** Places the labels (current first, then hover) and the badges, measured as drawn. */
function arrange(layer: HTMLElement, view: FrameView, bar: { x: number; y: number; width: number; height: number }) {
  const viewport = { width: innerWidth, height: innerHeight };
  const avoid = [bar];
  const labels = ([
    [layer.querySelector<HTMLElement>('[data-testid=current-label]'), view.current ?? view.hover],
    [layer.querySelector<HTMLElement>('[data-testid=hover-label]'), view.current ? view.hover : null],
  ] as const).filter((pair): pair is readonly [HTMLElement, Outline] => pair[0] !== null && pair[1] !== null);
  const badges = [...layer.querySelectorAll<HTMLElement>('[data-testid=selected-badge]')];
  // Measured at the left edge, where nothing squeezes them; all writes first, then all reads: one layout.
  for (const element of [...labels.map(([element]) => element), ...badges]) position(element, { x: 0, y: 0 });
  const labelSizes = labels.map(([element]) => ({ width: element.offsetWidth, height: element.offsetHeight }));
  const badgeSizes = badges.map((element) => ({ width: element.offsetWidth, height: element.offsetHeight }));
  labels.forEach(([element, outline], index) => {
    // The second label stays off the first one.
    const place = placeLabel(outline.box, labelSizes[index]!, viewport, avoid, outline.rtl);
    position(element, place);
    avoid.push(place);
  });
  const places = placeBadges(badges.map((_, index) => ({ box: view.selected[index]!.box, size: badgeSizes[index]! })), viewport, avoid);
  badges.forEach((element, index) => {
    const place = places[index];
    element.hidden = !place;
    if (place) position(element, place);
  });
}

function position(element: HTMLElement, place: { x: number; y: number }) {
  element.style.left = `${place.x}px`;
  element.style.top = `${place.y}px`;
}

/** Alt held or released without a move still changes what a click picks (the exact element). */
function useExactKey(onInput: (input: FrameInput) => void) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Alt') return;
      // Firefox would open its menu bar on Alt's release.
      event.preventDefault();
      onInput({ type: 'exact', on: event.type === 'keydown' });
    };
    const onBlur = () => onInput({ type: 'exact', on: false });
    addEventListener('keydown', onKey);
    addEventListener('keyup', onKey);
    addEventListener('blur', onBlur);
    return () => {
      removeEventListener('keydown', onKey);
      removeEventListener('keyup', onKey);
      removeEventListener('blur', onBlur);
    };
  }, [onInput]);
}

/** When the event happened, in ms since the epoch (comparable with the picker's clock in the page). */
function eventTime(event: Event): number {
  return performance.timeOrigin + event.timeStamp;
}

/** Wheel deltas in CSS px, whatever unit the browser reported (Firefox often uses lines). */
function wheelDelta(event: WheelEvent): { dx: number; dy: number } {
  const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? innerHeight : 1;
  return { dx: event.deltaX * unit, dy: event.deltaY * unit };
}
