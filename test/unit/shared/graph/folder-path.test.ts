import { describe, expect, it } from 'vitest';
import { MAILBOX_ROOT_FOLDER, planFolderLookup, resolveFolderPath, type FolderReader, type MailFolder } from '../../../../shared/graph/folder-path';
import { ErrorCode } from '../../../../shared/errors/error-codes';

describe('planFolderLookup (the integration\'s split)', () => {
  it.each([
    ['Inbox', { start: 'inbox', startIsTarget: true, segments: [] }],
    ['INBOX', { start: 'inbox', startIsTarget: true, segments: [] }],
    ['Sent Items', { start: 'sentitems', startIsTarget: true, segments: [] }],
    ['junk email', { start: 'junkemail', startIsTarget: true, segments: [] }],
    ['Inbox/Phishing', { start: 'inbox', startIsTarget: false, segments: ['Phishing'] }],
    ['Inbox\\Phishing\\2026', { start: 'inbox', startIsTarget: false, segments: ['Phishing', '2026'] }],
    ['Phishing', { start: MAILBOX_ROOT_FOLDER, startIsTarget: false, segments: ['Phishing'] }],
    ['Reports/Q1', { start: MAILBOX_ROOT_FOLDER, startIsTarget: false, segments: ['Reports', 'Q1'] }],
    ['Inbox/ Phishing', { start: 'inbox', startIsTarget: false, segments: [' Phishing'] }],
  ])('%s', (path, plan) => {
    expect(planFolderLookup(path)).toEqual(plan);
  });
});

// An in-memory mailbox implementing the reader port.
const tree: Readonly<Record<string, readonly MailFolder[]>> = {
  [MAILBOX_ROOT_FOLDER]: [
    { id: 'AAMkInbox', displayName: 'Inbox' },
    { id: 'AAMkReports', displayName: 'Reports' },
  ],
  inbox: [
    { id: 'AAMkPhish', displayName: 'Phishing' },
    { id: 'AAMkSpam', displayName: 'Spam' },
  ],
  AAMkPhish: [{ id: 'AAMk2026', displayName: '2026' }],
  AAMkReports: [],
};
const wellKnown: Readonly<Record<string, MailFolder>> = { inbox: { id: 'AAMkInbox', displayName: 'Inbox' }, archive: { id: 'AAMkArchive', displayName: 'Archive' } };
const reader: FolderReader = {
  getFolder: async (id) => wellKnown[id] ?? null,
  listChildren: async (id) => tree[id] ?? [],
};

describe('resolveFolderPath', () => {
  it.each([
    ['Inbox', 'AAMkInbox', ['Inbox']],
    ['archive', 'AAMkArchive', ['Archive']],
    ['Inbox/Phishing', 'AAMkPhish', ['Phishing']],
    ['inbox/phishing/2026', 'AAMk2026', ['Phishing', '2026']],
    ['Inbox\\Spam', 'AAMkSpam', ['Spam']],
    ['Inbox/AAMkPhish', 'AAMkPhish', ['Phishing']],
    ['Reports', 'AAMkReports', ['Reports']],
  ])('finds %s', async (path, id, displayPath) => {
    await expect(resolveFolderPath(path, reader)).resolves.toMatchObject({ ok: true, folder: { id }, displayPath });
  });

  it.each([
    ['Inbox/Phish', 'Phish'],
    ['Inbox/ Phishing', ' Phishing'],
    ['Inbox/Phishing/2025', '2025'],
    ['Reports/Q1', 'Q1'],
    ['Nope', 'Nope'],
    ['Inbox/aamkphish', 'aamkphish'],
    ['Inbox//Phishing', ''],
    ['Outbox', 'outbox'],
  ])('does not find %s, like the integration', async (path, missingSegment) => {
    const result = await resolveFolderPath(path, reader);
    expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.GraphFolderNotFound, missingSegment } });
    if (!result.ok) expect(result.error.message).toContain(`No such folder exist: ${path}`);
  });

  it('reports an empty mailbox root', async () => {
    const empty: FolderReader = { getFolder: async () => null, listChildren: async () => [] };
    await expect(resolveFolderPath('Reports', empty)).resolves.toMatchObject({ ok: false, error: { missingSegment: null } });
  });
});
