import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { bundleRuntime, RUNTIME_GZIP_BUDGET } from './runtime-bundle.ts';

// `npm run build:runtime` → dist/goalpost-runtime.js (standalone) and dist/goalpost-runtime.mjs.
// Fails only when the standalone runtime is over its budget (issue 13: ≤ 3 KB gzipped).

const DIST = resolve(import.meta.dirname, '..', 'dist');
const built = await bundleRuntime();
await mkdir(DIST, { recursive: true });
await writeFile(resolve(DIST, 'goalpost-runtime.js'), built.standalone);
await writeFile(resolve(DIST, 'goalpost-runtime.mjs'), built.module);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
console.log(`dist/goalpost-runtime.js   ${kb(built.standalone.length)}, ${kb(built.gzip)} gzipped (budget ${kb(RUNTIME_GZIP_BUDGET)})`);
console.log(`dist/goalpost-runtime.mjs  ${kb(built.module.length)}, ${kb(built.moduleGzip)} gzipped`);
if (built.gzip > RUNTIME_GZIP_BUDGET) {
  console.error(`Runtime over budget: ${built.gzip} bytes gzipped > ${RUNTIME_GZIP_BUDGET} (issue 13).`);
  process.exit(1);
}
