import { toPickedElement } from '@/lib/picker/pick';
import { startPicker } from '@/lib/picker/picker';
import { onMessage, sendMessage } from '@/lib/messaging';

// Injected on demand (scripting.executeScript) when the user starts picking; never on every page.
// Injecting again replaces the previous instance: WXT invalidates the older context.
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());
    const stop = () => {
      if (controller.signal.aborted) return;
      controller.abort();
      void sendMessage('pickerChanged', { active: false }).catch(() => undefined);
    };
    startPicker(
      document,
      {
        onPick: (element) => void sendMessage('elementPicked', toPickedElement(element, location.href)),
        onExit: stop,
      },
      controller.signal,
    );
    const removers = [
      onMessage('stopPicker', stop),
      onMessage('pickerStatus', () => ({ active: !controller.signal.aborted })),
    ];
    controller.signal.addEventListener('abort', () => removers.forEach((remove) => remove()));
  },
});
