import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';

export const CORPUS = resolve(import.meta.dirname, '..', '..', '..', '..', 'shared', 'corpus');

/** Every `.html` page of the corpus, as paths relative to it, sorted. */
export async function corpusPages(root = CORPUS): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * The page as the benchmark serves it: scripts and `<meta http-equiv=refresh>` removed (issue 3).
 * Bytes outside those tags are kept as they are (read as latin1), so the page's own charset still applies.
 */
export async function preparedPage(path: string, root = CORPUS): Promise<Buffer> {
  const text = (await readFile(join(root, path))).toString('latin1');
  const stripped = text
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<script\b[^>]*\/>/gi, '')
    .replace(/<meta\b[^>]*http-equiv\s*=\s*["']?refresh["']?[^>]*>/gi, '');
  return Buffer.from(stripped, 'latin1');
}
