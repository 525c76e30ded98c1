import { startPickerFrame } from '@/components/picker/frame';

// The picker frame's code (picker-frame/index.html), built as one classic script.
export default defineUnlistedScript(() => startPickerFrame());
