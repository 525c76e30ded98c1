// Download names keep the activity's name as the user wrote it, wherever file systems allow
// (issue 15: "NPR story page — engagement.goalpost.json", not "NPR story page- engagement"). Only
// what Windows, macOS or Linux refuse is changed, each into its nearest readable stand-in.

/** Stand-ins for characters some file system refuses (Windows: \ / : * ? " < > | and control characters). */
const REPLACEMENTS: [RegExp, string][] = [
  [/[\u0000-\u001f\u007f]+/g, ' '],
  [/\s*:\s+/g, ' — '], // "Page: engagement" reads as a title and a subtitle
  [/:/g, '-'],
  [/"([^"]*)"/g, '“$1”'],
  [/"/g, '”'],
  [/\s*[\\/|]\s*/g, '-'],
  [/</g, '‹'],
  [/>/g, '›'],
  [/[?*]/g, ''],
];

/** Names Windows keeps for devices, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;
const MAX_LENGTH = 150;

/** A file name every common system accepts, as close to `name` as they allow. */
export function portableFileName(name: string): string {
  let result = name;
  for (const [pattern, replacement] of REPLACEMENTS) result = result.replace(pattern, replacement);
  // Leading dots hide a file on macOS and Linux; trailing dots and spaces vanish on Windows.
  result = result.replace(/\s+/g, ' ').replace(/^[\s.]+|[\s.]+$/g, '');
  result = result.replace(RESERVED, '$1 activity$2');
  if (result.length > MAX_LENGTH) result = result.slice(0, MAX_LENGTH).trimEnd();
  return result || 'activity';
}
