import type { Activity } from '@/lib/goals/model';
import { canonicalFileName, CanonicalSchema, serializeCanonical, toCanonical } from './canonical';
import { serializeAdobeTarget, toAdobeTargetActivity } from './adobe-target';
import { serializeGtm, toGtmContainer } from './gtm';
import * as v from 'valibot';
import { portableFileName } from '@/lib/panel/file-name';

// The exports that stay in the browser (a downloaded file or the clipboard), one row per target.

export function fileExports(activity: Activity): FileExport[] {
  const base = safeFileName(activity.name);
  return [canonicalExport(activity), gtmExport(activity, base), adobeTargetExport(activity, base)];
}

/** The canonical file, checked against its own schema so a bad activity is explained, not written. */
export function canonicalExport(activity: Activity): FileExport {
  const checked = v.safeParse(CanonicalSchema, toCanonical(activity));
  const common = { target: 'goalpost' as const, title: 'Goalpost JSON (goalpost/activity@1)', fileName: safeFileName(canonicalFileName(activity)) };
  if (!checked.success) {
    const issue = checked.issues[0];
    const path = (issue.path ?? []).map((item) => String(item.key)).join('.');
    return { ...common, ok: false, problems: [`The activity cannot be written as a valid file: ${path || 'activity'} ${issue.message}.`] };
  }
  return { ...common, ok: true, text: serializeCanonical(activity), warnings: [] };
}

function gtmExport(activity: Activity, base: string): FileExport {
  const common = { target: 'gtm' as const, title: 'Google Tag Manager container (merge import)', fileName: `${base}.gtm-container.json` };
  const result = toGtmContainer(activity);
  return result.ok ? { ...common, ok: true, text: serializeGtm(result.value), warnings: result.warnings } : { ...common, ...result };
}

function adobeTargetExport(activity: Activity, base: string): FileExport {
  const common = { target: 'adobe-target' as const, title: 'Adobe Target A/B activity (Admin API v3)', fileName: `${base}.adobe-target-activity.json` };
  const result = toAdobeTargetActivity(activity);
  return result.ok ? { ...common, ok: true, text: serializeAdobeTarget(result.value), warnings: result.warnings } : { ...common, ...result };
}

/** The name as written, except what some file system refuses (issue 15, lib/panel/file-name.ts). */
export function safeFileName(name: string): string {
  return portableFileName(name);
}

/** Saves text as a file through the browser's download (an extension page can do it without a permission). */
export function downloadText(fileName: string, text: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export type FileExport = { target: 'goalpost' | 'gtm' | 'adobe-target'; title: string; fileName: string } & (
  | { ok: true; text: string; warnings: string[] }
  | { ok: false; problems: string[] }
);
