import type { TrackedElement } from '@/lib/goals/model';

export function ElementList({ elements }: { elements: TrackedElement[] }) {
  if (elements.length === 0) {
    return <p class="empty">No elements yet. Press “Pick elements”, then click the elements whose clicks count as a success.</p>;
  }
  return (
    <ul class="elements" data-testid="element-list">
      {elements.map((element) => (
        <li key={element.id} data-testid="element-row">
          <span class="status">{actionText(element)}</span>
          <code class="selector" data-testid="selector">{element.selector}</code>
          <span class="status">{element.label}</span>
        </li>
      ))}
    </ul>
  );
}

function actionText(element: TrackedElement): string {
  if (element.action.kind === 'link') return `Link click → ${element.action.href}`;
  if (element.action.kind === 'submit') return 'Form submit';
  return 'Click';
}
