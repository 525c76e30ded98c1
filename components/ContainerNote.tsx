import type { TrackedElement } from '@/lib/goals/model';
import { containerWords } from '@/lib/picker/container';

/** The warning a container pick keeps on its row (issue 11 item 2): the user recorded an area, knowingly. */
export function ContainerNote({ element }: { element: TrackedElement }) {
  if (!element.container) return null;
  return <p class="warn" data-testid="container-note">⚠ {containerWords(element.container)} Picked as an area on purpose.</p>;
}
