/**
 * Resolving `folder_to_fetch` the way the integration does, so the assistant
 * can tell before export whether the integration will find the folder.
 *
 * The integration (MicrosoftGraphMailApiModule, `_get_folder_by_path`)
 * turns `\` into `/`, splits on `/`, and:
 * - if the first name is a well-known folder (case-insensitive), starts
 *   there: a single name means that folder itself; otherwise it lists that
 *   folder's children;
 * - otherwise lists the children of the mailbox root (`msgfolderroot`);
 * - then matches each name against the current level's children by display
 *   name (case-insensitive) or by exact folder ID, and lists the matched
 *   folder's children for the next name.
 * Children are read with `$top=250` and no paging, so a folder beyond the
 * first 250 siblings is not found; the `listChildren` port must do the same
 * to predict the integration faithfully. Segments are not trimmed, as in the
 * integration, so "Inbox/ Phishing" fails there and here.
 */

import { ErrorCode } from '../errors/error-codes';
import type { AppError } from '../errors/app-error';

/** Display name (lower case) → Graph well-known folder name, as the integration maps them. */
export const WELL_KNOWN_FOLDERS: Readonly<Record<string, string>> = Object.freeze({
  archive: 'archive',
  'conversation history': 'conversationhistory',
  'deleted items': 'deleteditems',
  drafts: 'drafts',
  inbox: 'inbox',
  'junk email': 'junkemail',
  outbox: 'outbox',
  'sent items': 'sentitems',
});

/** The root the integration starts from when the path does not begin with a well-known folder. */
export const MAILBOX_ROOT_FOLDER = 'msgfolderroot';

/** The few fields of a Graph `mailFolder` we read. */
export interface MailFolder {
  readonly id: string;
  readonly displayName: string;
}

/** Graph reads the resolver needs (`GET /users/{mailbox}/mailFolders/{id}` and `…/{id}/childFolders?$top=250`). */
export interface FolderReader {
  getFolder(folderId: string): Promise<MailFolder | null>;
  listChildren(folderId: string): Promise<readonly MailFolder[]>;
}

/** How the integration will look the path up. */
export interface FolderLookupPlan {
  /** Folder to start from: a well-known name or {@link MAILBOX_ROOT_FOLDER}. */
  readonly start: string;
  /** True when the whole path is one well-known folder (fetched directly, no child listing). */
  readonly startIsTarget: boolean;
  /** Names or IDs to match level by level below `start`. */
  readonly segments: readonly string[];
}

/** Plans the lookup of `folderPath` exactly as the integration splits it. */
export function planFolderLookup(folderPath: string): FolderLookupPlan {
  const names = folderPath.replaceAll('\\', '/').split('/');
  const first = names[0] ?? '';
  const wellKnown = WELL_KNOWN_FOLDERS[first.toLowerCase()];
  if (wellKnown !== undefined) return { start: wellKnown, startIsTarget: names.length === 1, segments: names.slice(1) };
  return { start: MAILBOX_ROOT_FOLDER, startIsTarget: false, segments: names };
}

/** The first child whose display name (case-insensitive) or ID (exact) is `segment`. */
export function matchChildFolder(children: readonly MailFolder[], segment: string): MailFolder | null {
  const lower = segment.toLowerCase();
  return children.find((c) => c.displayName.toLowerCase() === lower || c.id === segment) ?? null;
}

/** The folder found, or why not. */
export type FolderResolution =
  | { readonly ok: true; readonly folder: MailFolder; /** Display names from the start to the folder. */ readonly displayPath: readonly string[] }
  | { readonly ok: false; readonly error: AppError & { readonly missingSegment: string | null } };

function notFound(folderPath: string, missingSegment: string | null, detail: string): FolderResolution {
  return {
    ok: false,
    error: {
      code: ErrorCode.GraphFolderNotFound,
      message: `The integration would stop with "No such folder exist: ${folderPath}". ${detail}`,
      missingSegment,
    },
  };
}

/**
 * Walks `folderPath` through `reader` like the integration does. Reader
 * errors (network, permissions) propagate to the caller, who maps them.
 */
export async function resolveFolderPath(folderPath: string, reader: FolderReader): Promise<FolderResolution> {
  const plan = planFolderLookup(folderPath);
  if (plan.startIsTarget) {
    const folder = await reader.getFolder(plan.start);
    return folder ? { ok: true, folder, displayPath: [folder.displayName] } : notFound(folderPath, plan.start, 'The mailbox has no such well-known folder.');
  }
  const displayPath: string[] = [];
  let level = await reader.listChildren(plan.start);
  if (plan.start === MAILBOX_ROOT_FOLDER && level.length === 0) return notFound(folderPath, null, 'The mailbox root has no folders.');
  for (const [index, segment] of plan.segments.entries()) {
    const match = matchChildFolder(level, segment);
    if (!match) {
      const where = displayPath.length === 0 ? (plan.start === MAILBOX_ROOT_FOLDER ? 'the top of the mailbox' : `"${plan.start}"`) : `"${displayPath.join('/')}"`;
      return notFound(folderPath, segment, `There is no folder "${segment}" in ${where}; check the spelling (sub-folders are separated by "/").`);
    }
    displayPath.push(match.displayName);
    if (index === plan.segments.length - 1) return { ok: true, folder: match, displayPath };
    level = await reader.listChildren(match.id);
  }
  return notFound(folderPath, null, 'The path is empty.');
}
