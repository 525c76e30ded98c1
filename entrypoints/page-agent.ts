import { installPageAgent } from '@/lib/page-agent/agent';
import { HANDLERS } from '@/lib/page-agent/handlers';

// Injected by the panel when it needs the page's DOM (lib/panel/ask-page.ts). Not web-accessible:
// only the extension can run it.
export default defineUnlistedScript(() => installPageAgent(HANDLERS, document));
