import { resolve } from 'node:path';
import type { AppError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { XSOAR_PRODUCT_LABELS } from '../../shared/xsoar/xsoar-product';
import type { TestReport } from '../../shared/xsoar/xsoar-results';
import type { FileSystem } from '../ports/file-system';
import type { ProfilesService } from '../services/profiles-service';
import type { XsoarConnectionsService } from '../xsoar/xsoar-connections-service';
import { pullInstance } from '../xsoar/xsoar-pull';
import type { XsoarService } from '../xsoar/xsoar-service';
import type { CliIo } from './cli-io';
import type { XsoarCliCommand } from './xsoar-cli-args';

/** The services `gma xsoar` uses (the app's own). */
export interface XsoarCliServices {
  readonly profiles: ProfilesService;
  readonly xsoar: XsoarService;
  readonly xsoarConnections: XsoarConnectionsService;
  readonly fs: FileSystem;
}

// Problems with what the user typed (exit 2); everything else, including a failed test, exits 1.
const BAD_INPUT: readonly string[] = [
  ErrorCode.ConfigInvalid, ErrorCode.ProfileNotFound, ErrorCode.XsoarConnectionNotFound, ErrorCode.XsoarConnectionExists, ErrorCode.XsoarPlaygroundNeeded,
  ErrorCode.XsoarNameClash, ErrorCode.XsoarBrowserAddress, ErrorCode.XsoarInstanceNotFound, ErrorCode.InstanceBindingMismatch, ErrorCode.XsoarNotXsoar,
];

function report(io: CliIo, error: AppError): number {
  io.stderr(`gma: ${error.message}\n`);
  for (const f of error.fields ?? []) io.stderr(`  - ${f.message}\n`);
  return BAD_INPUT.includes(error.code) ? 2 : 1;
}

function printTest(io: CliIo, test: TestReport): number {
  if (test.passed) {
    io.stdout(`test passed: !msgraph-mail-test for "${test.instanceName}" succeeded (playground ${test.investigationId})\n`);
    return 0;
  }
  io.stdout(`test failed: !msgraph-mail-test for "${test.instanceName}"\n`);
  if (test.explanation !== null) {
    io.stdout(`  ${test.explanation.title}\n  cause: ${test.explanation.cause}\n  fix: ${test.explanation.fix}\n`);
  }
  io.stdout(`  XSOAR said: ${test.output}\n`);
  return 1;
}

/** Runs one `gma xsoar …` command; returns the exit code. */
export async function runXsoarCli(command: XsoarCliCommand, s: XsoarCliServices, io: CliIo): Promise<number> {
  const store = s.xsoarConnections.store;
  switch (command.kind) {
    case 'connections-list': {
      const all = await store.list();
      if (!all.ok) return report(io, all.error);
      if (all.value.length === 0) io.stderr('gma: no XSOAR connections yet\n');
      for (const c of all.value) {
        io.stdout(`${c.name}\t${c.url}\t${c.product === null ? 'unknown' : XSOAR_PRODUCT_LABELS[c.product]} ${c.serverVersion}\t${c.keyId === '' ? 'no key ID' : `key ID ${c.keyId}`}${c.advancedKey ? ' (advanced)' : ''}${c.caFileName === '' ? '' : `\tCA ${c.caFileName}`}\n`);
      }
      return 0;
    }
    case 'connections-remove': {
      const r = await store.remove(command.name);
      if (!r.ok) return report(io, r.error);
      io.stdout(`removed connection "${r.value.name}" and its API key\n`);
      return 0;
    }
    case 'connections-add': {
      let caPem = '';
      if (command.caFile !== null) {
        const text = await s.fs.readTextFile(resolve(command.caFile)).catch(() => null);
        if (text === null) {
          io.stderr(`gma: cannot read the CA file ${command.caFile}\n`);
          return 2;
        }
        caPem = text;
      }
      const fromEnv = io.env['GMA_XSOAR_API_KEY'];
      const key = fromEnv !== undefined && fromEnv !== '' ? fromEnv : await io.askSecret(`XSOAR API key for "${command.name}": `);
      if (key === null || key.trim() === '') {
        io.stderr('gma: no API key: set GMA_XSOAR_API_KEY or run in a terminal to be asked\n');
        return 2;
      }
      const r = await s.xsoarConnections.add({ name: command.name, url: command.url, keyId: command.keyId, advancedKey: command.advancedKey, caPem, caFileName: command.caFile ?? '' }, key);
      if (!r.ok) return report(io, r.error.code === ErrorCode.XsoarUnauthorized ? { ...r.error, code: ErrorCode.ConfigInvalid } : r.error);
      io.stdout(`added connection "${r.value.name}": ${r.value.product === null ? '' : XSOAR_PRODUCT_LABELS[r.value.product]} ${r.value.serverVersion} (API key in the keychain)\n`);
      return 0;
    }
    case 'send': {
      const target = await store.target(command.connection);
      if (!target.ok) return report(io, target.error);
      const listing = await s.profiles.list();
      if (!listing.ok) return report(io, listing.error);
      const matches = listing.value.profiles.filter((p) => p.id === command.profile || p.name.toLowerCase() === command.profile.toLowerCase());
      const profile = matches.length === 1 ? matches[0] : undefined;
      if (profile === undefined) return report(io, { code: ErrorCode.ProfileNotFound, message: matches.length > 1 ? `Several profiles are named "${command.profile}"; use the id.` : `No profile "${command.profile}".` });
      const playground = command.playground ?? target.value.connection.playgroundId;
      if (command.playground !== null) await store.update(target.value.connection.id, { playgroundId: command.playground });
      const r = await s.xsoar.send(target.value, { profileId: profile.id, draft: profile.draft, engine: command.engine, confirmRebind: false, confirmedVersion: 'any', test: command.test, playgroundId: playground });
      if (!r.ok) return report(io, r.error);
      if (r.value.status === 'confirm') return report(io, { code: ErrorCode.XsoarVersionConflict, message: 'The instance kept changing while sending; try again.' });
      const v = r.value;
      for (const c of v.changes) io.stderr(`gma: ${c.param}: ${c.before ?? '(unset)'} -> ${c.after ?? '(unset)'}\n`);
      io.stdout(`${v.action} instance "${v.instanceName}" on ${target.value.connection.name}\n`);
      if (v.boundInstanceName !== undefined && v.boundInstanceName !== profile.draft.xsoarApp.boundInstanceName) {
        await s.profiles.saveDraft(profile.id, { ...profile.draft, xsoarApp: { ...profile.draft.xsoarApp, boundInstanceName: v.boundInstanceName } }, profile.resumeStep);
      }
      return v.test === null ? 0 : printTest(io, v.test);
    }
    case 'test': {
      const target = await store.target(command.connection);
      if (!target.ok) return report(io, target.error);
      const playground = command.playground ?? target.value.connection.playgroundId;
      if (command.playground !== null) await store.update(target.value.connection.id, { playgroundId: command.playground });
      const r = await s.xsoar.runTest(target.value, command.instance, playground);
      if (!r.ok) return report(io, r.error);
      return printTest(io, r.value);
    }
    case 'pull': {
      const target = await store.target(command.connection);
      if (!target.ok) return report(io, target.error);
      const r = await pullInstance(s.xsoar, s.profiles, target.value, command.instance);
      if (!r.ok) return report(io, r.error);
      io.stdout(`pulled "${command.instance}" into profile "${r.value.profile.name}"\n`);
      io.stderr('gma: secrets are never read back from XSOAR; enter them in the app before sending again\n');
      return 0;
    }
  }
}
