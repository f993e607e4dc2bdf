import { terminalSafe } from '../../shared/text/unsafe-characters';
import { resolve } from 'node:path';
import type { AppError } from '../../shared/errors/app-error';
import type { Profile } from '../../shared/domain/profile';
import { SECRET_FIELD_LABELS } from '../../shared/domain/secret-field';
import type { ImportSideSummary } from '../../shared/export/import-clash-summary';
import type { ImportDecision, ImportService } from '../services/import-service';
import type { CliIo } from './cli-io';

/** Exit codes the import uses (the same values as `EXIT` in cli-app). */
const OK = 0;
const BAD_INPUT = 2;

function side(label: string, s: ImportSideSummary): string {
  const secrets = s.secretFields.length === 0 ? 'none' : s.secretFields.map((f) => SECRET_FIELD_LABELS[f]).join(', ');
  return [
    `  ${label}: "${s.name}"${s.id === null ? '' : ` (id ${s.id})`}`,
    `    instance: ${s.instanceName || '(none)'}`,
    `    mailbox:  ${s.mailbox || '(none)'}`,
    `    method:   ${s.method ?? 'no method'}`,
    `    secrets:  ${secrets}`,
    ...(s.changedAt === null ? [] : [`    changed:  ${s.changedAt}`]),
  ].join('\n');
}

/**
 * `gma import FILE [--replace | --as-new]`. Refuses to guess: when the file
 * matches an existing profile and no flag says what to do, both sides are
 * printed on stderr and the exit code is 2.
 */
export async function runImport(
  file: string,
  decision: ImportDecision | null,
  imports: ImportService,
  io: CliIo,
  passphraseOf: (prompt: string) => Promise<string | null>,
  report: (error: AppError) => number,
): Promise<number> {
  const path = resolve(file);
  const kind = await imports.kindOf(path);
  if (!kind.ok) return report(kind.error);
  const passphrase = kind.value === 'bundle' ? await passphraseOf('Bundle passphrase: ') : undefined;
  if (kind.value === 'bundle' && passphrase === null) {
    io.stderr('gma: this is an encrypted bundle: set GMA_BUNDLE_PASSPHRASE or run in a terminal to be asked\n');
    return BAD_INPUT;
  }
  const r = await imports.importFile(path, passphrase ?? undefined, decision ?? undefined);
  if (!r.ok) return report(r.error);
  for (const w of r.value.warnings) io.stderr(`gma: warning: ${terminalSafe(w)}\n`);
  if (r.value.status === 'clash') {
    const why = r.value.reason === 'same-id' ? 'is the same profile (same id) as' : 'has the same instance name as';
    io.stderr(`gma: the imported profile ${why} an existing one; nothing was imported.\n${side('existing', r.value.existing)}\n${side('incoming', r.value.incoming)}\n`);
    io.stderr(`gma: run again with --replace to replace "${r.value.existing.name}" (its keychain items are deleted), or with --as-new to keep both.\n`);
    return BAD_INPUT;
  }
  if (r.value.missingSecrets.length > 0) io.stderr(`gma: still to enter: ${r.value.missingSecrets.map((f) => SECRET_FIELD_LABELS[f]).join(', ')}\n`);
  io.stdout(`${r.value.replaced ? 'replaced' : 'imported'} profile "${terminalSafe(r.value.profile.name)}"\n`);
  return OK;
}

// A cell never breaks the columns, whatever a name holds.
function cell(text: string): string {
  // Also no escape sequence or bidi override reaches the terminal (issue 11, item 4).
  return terminalSafe(text.replace(/[\t\r\n]/g, ' '));
}

/** One line of `gma profiles list`: name, instance, method, mailbox, stored secrets, last change, id (tab-separated). */
export function profileLine(p: Profile): string {
  return [p.name, p.draft.mailbox.instanceName || '-', p.draft.method ?? 'no method', p.draft.mailbox.mailboxToFetch || '-', `${p.secretFields.length} secret(s)`, p.updatedAt, p.id].map(cell).join('\t');
}
