import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'acorn';
import { build, type Rolldown } from 'vite';

// Builds the site runtime of issue 13 (lib/runtime/): a standalone script (IIFE) configured by its
// script tag, and an ES module. ES2019, no dependencies; the standalone must stay ≤ 3 KB gzipped.

export const RUNTIME_GZIP_BUDGET = 3 * 1024;
// From the file's URL: WXT loads wxt.config.ts (which builds the runtime too) where `import.meta.dirname` may be missing.
const ROOT = fileURLToPath(new URL('..', import.meta.url));

export async function bundleRuntime(): Promise<RuntimeBundle> {
  const standalone = await bundle(resolve(ROOT, 'lib/runtime/standalone.ts'), 'iife');
  const module = await bundle(resolve(ROOT, 'lib/runtime/index.ts'), 'es');
  // ES2019 proven by a parser that knows nothing newer, not only asked of the compiler.
  parse(standalone, { ecmaVersion: 2019, sourceType: 'script' });
  parse(module, { ecmaVersion: 2019, sourceType: 'module' });
  // Pasted inline into a page, `</script` would end the tag early.
  if (/<\/script/i.test(standalone)) throw new Error('The runtime contains “</script”: it cannot be pasted inline.');
  return { standalone, module, gzip: gzipSync(standalone, { level: 9 }).length, moduleGzip: gzipSync(module, { level: 9 }).length };
}

async function bundle(entry: string, format: 'iife' | 'es'): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    build: {
      write: false,
      target: 'es2019',
      // terser packs ~3% tighter than the default minifier here: margin under the 3 KB budget.
      minify: 'terser',
      terserOptions: { ecma: 2019, compress: { passes: 3, unsafe_arrows: true } },
      lib: { entry, formats: [format], name: 'goalpost', fileName: () => 'runtime.js' },
    },
  });
  const chunk = (Array.isArray(output) ? output[0] : output as Rolldown.RolldownOutput)?.output.find((item) => item.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error(`Building ${entry} produced no script.`);
  return chunk.code;
}

export interface RuntimeBundle {
  /** dist/goalpost-runtime.js: the script tag's code. */
  standalone: string;
  /** dist/goalpost-runtime.mjs */
  module: string;
  /** Gzipped size of `standalone`, bytes (level 9, as servers and CDNs serve it). */
  gzip: number;
  moduleGzip: number;
}
