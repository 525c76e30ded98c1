import type { TrackedElement } from '@/lib/goals/model';
import { containerWords } from '@/lib/picker/container';

/**
 * What the picker knew of a row that its selector alone does not say (issue 11 items 2, 6): where
 * the selector applies (a frame, a shadow root: `#buy` there is another element than `#buy` on the
 * page), and the warning a container pick keeps (the user recorded an area, knowingly).
 */
export function PickNotes({ element }: { element: TrackedElement }) {
  const frames = element.frames ?? [];
  const hosts = element.shadowHosts ?? [];
  return (
    <>
      {(frames.length > 0 || hosts.length > 0) && (
        <p class="status" data-testid="pick-scope">
          Inside {[...frames.map((frame) => `frame ${frame}`), ...hosts.map((host) => `${host}’s shadow root`)].join(' › ')}
        </p>
      )}
      {element.container && (
        <p class="warn" data-testid="container-note">⚠ {containerWords(element.container)} Picked as an area on purpose.</p>
      )}
    </>
  );
}
