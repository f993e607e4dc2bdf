import { ok, type Result } from '../../shared/result';
import type { AppServices } from '../app/app-services';
import { HandlerRegistry, type RegistryLogger } from './handler-registry';

/**
 * The single router: one line per channel.
 *
 * Returns a registry that both Electron's `ipcMain` and the browser test
 * host serve.
 */
export function registerHandlers(services: AppServices, logger?: RegistryLogger): HandlerRegistry {
  return new HandlerRegistry(logger)
    .register('app:get-info', () => ok(services.info))
    .register('settings:export', (req) => services.settingsExport.export(req))
    .register('settings:choose-import', () => services.importFlow.choose())
    .register('settings:import', (req) => services.importFlow.import(req.handle, req.passphrase, req.decision))
    .register('clipboard:copy-text', (req) => services.plainClipboard.copy(req.text))
    .register('shell:open-external', (req) => services.externalLinks.open(req.url))
    .register('shell:show-in-folder', (req) => services.exportLocation.showInFolder(req.path))
    .register('profiles:list', () => services.profiles.list())
    .register('profiles:create', (req) => services.profiles.create(req.name, req.method))
    .register('profiles:duplicate', (req) => services.profiles.duplicate(req.id, req.name))
    .register('profiles:rename', (req) => services.profiles.rename(req.id, req.name))
    .register('profiles:update-details', (req) => services.profiles.updateDetails(req.id, req.notes, req.secretExpiresAt))
    .register('profiles:save-draft', (req) => services.profiles.saveDraft(req.id, req.draft, req.step))
    .register('profiles:delete', (req) => services.profiles.delete(req.id))
    .register('profiles:list-orphans', async () => mapOk(await services.profiles.listOrphans(), (groups) => ({ groups })))
    .register('profiles:remove-orphans', () => services.profiles.removeOrphans())
    .register('profiles:forget-everything', () => services.profiles.forgetEverything())
    .register('profiles:create-from-draft', (req) => services.profiles.createFromDraft(req.draft, req.step))
    .register('profiles:get', (req) => services.profiles.get(req.id))
    .register('profiles:export-damaged', (req) => services.damagedProfiles.exportRaw(req.key))
    .register('profiles:delete-damaged', (req) => services.damagedProfiles.delete(req.key))
    .register('secrets:set', (req) => services.secrets.set(req.profileId, req.field, req.value))
    .register('secrets:reveal', (req) => services.secrets.reveal(req.profileId, req.field))
    .register('secrets:copy', (req) => services.secrets.copy(req.profileId, req.field))
    .register('secrets:delete', (req) => services.secrets.delete(req.profileId, req.field))
    .register('auth:resolve-tenant', (req) => services.selfDeployedAuth.resolveTenant(req.requestId, req.tenant))
    .register('auth:check-credential', (req) => services.selfDeployedAuth.checkCredential(req))
    .register('auth:admin-consent', (req) => services.selfDeployedAuth.adminConsent(req.requestId, req))
    .register('auth:verify-sign-in', (req) => services.selfDeployedAuth.verifySignIn(req.requestId, req))
    .register('auth:begin-web-sign-in', (req) => services.selfDeployedAuth.beginWebSignIn(req))
    .register('auth:complete-web-sign-in', (req) => services.selfDeployedAuth.completeWebSignIn(req.requestId, req.attemptId, req.pasted))
    .register('diagnostics:copy', () => services.diagnostics.copy())
    .register('auth:prepare-code', (req) => services.selfDeployedAuth.prepareCode(req))
    .register('auth:capture-code', (req) => services.selfDeployedAuth.captureCode(req.requestId, req.attemptId, req.profileId))
    .register('auth:paste-code', (req) => services.selfDeployedAuth.pasteCode(req.attemptId, req.profileId, req.pasted))
    .register('auth:cancel', (req) => services.selfDeployedAuth.cancel(req.requestId))
    .register('certs:import-pem', (req) => services.certificates.importPem(req.profileId, req.privateKeyText, req.certificateText, req.passphrase))
    .register('certs:import-pfx', (req) => services.certificates.importPfx(req.profileId, req.pfxBase64, req.passphrase))
    .register('certs:generate', (req) => services.certificates.generate(req.profileId, req.commonName, req.validityDays, req.keySize))
    .register('certs:save-public', (req) => services.certificates.savePublic(req.certificatePem, req.suggestedName))
    .register('entra:run', (req) => services.entraIpc.run(req))
    .register('entra:progress', (req) => services.entraIpc.progressOf(req.requestId))
    .register('entra:cancel', (req) => services.entraIpc.cancel(req.requestId))
    .register('rotation:start', (req) => services.rotationIpc.start(req))
    .register('rotation:progress', (req) => services.rotationIpc.progressOf(req.requestId))
    .register('rotation:unfinished', () => services.rotationIpc.unfinished())
    .register('rotation:recover', (req) => services.rotationIpc.recover(req.requestId))
    .register('rotation:cancel', (req) => services.rotationIpc.cancel(req.requestId))
    .register('xsoar:list-connections', () => services.xsoarIpc.list())
    .register('xsoar:add-connection', ({ requestId, apiKey, ...input }) => services.xsoarIpc.add(requestId, input, apiKey))
    .register('xsoar:remove-connection', (req) => services.xsoarIpc.remove(req.connectionId))
    .register('xsoar:set-playground', (req) => services.xsoarIpc.setPlayground(req.connectionId, req.playgroundId))
    .register('xsoar:list-engines', (req) => services.xsoarIpc.engines(req.requestId, req.connectionId))
    .register('xsoar:list-instances', (req) => services.xsoarIpc.instances(req.requestId, req.connectionId))
    .register('xsoar:plan-send', (req) => services.xsoarIpc.plan(req))
    .register('xsoar:send', (req) => services.xsoarIpc.send(req))
    .register('xsoar:run-test', (req) => services.xsoarIpc.test(req.requestId, req.connectionId, req.instanceName, req.playgroundId))
    .register('xsoar:auth-reset', (req) => services.xsoarIpc.authReset(req.requestId, req.connectionId, req.instanceName, req.playgroundId))
    .register('xsoar:pull', (req) => services.xsoarIpc.pull(req.requestId, req.connectionId, req.instanceName))
    .register('xsoar:cancel', (req) => services.xsoarIpc.cancel(req.requestId));
}

function mapOk<T, U>(result: Result<T>, map: (value: T) => U): Result<U> {
  return result.ok ? ok(map(result.value)) : result;
}
