import { rolldown } from 'rolldown';

/**
 * Bundles a browser-side module and its imports (lib code, npm packages) into one IIFE that
 * assigns the module's exports to `globalThis[name]`, ready for `page.evaluate`.
 */
export async function bundleForPage(entry: string, name: string): Promise<string> {
  const build = await rolldown({ input: entry, platform: 'browser', logLevel: 'warn' });
  try {
    const { output } = await build.generate({ format: 'iife', name, minify: false });
    const chunk = output.find((item) => item.type === 'chunk');
    if (!chunk || chunk.type !== 'chunk') throw new Error(`rolldown produced no code for ${entry}`);
    return `${chunk.code}\nglobalThis.${name} = ${name};`;
  } finally {
    await build.close();
  }
}
