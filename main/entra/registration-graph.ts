import { GRAPH_APP_ID } from '../../shared/entra/entra-constants';
import type { GraphApplication, GraphPermissionCatalogue, GraphPermissionGrant } from '../../shared/entra/registration-model';
import type { GraphAdminClient, GraphCall } from './graph-admin-client';

/** The application fields read for check and repair (`keyCredentials` in `$select` also returns the keys). */
const APP_SELECT = 'id,appId,displayName,signInAudience,tags,web,publicClient,requiredResourceAccess,passwordCredentials,keyCredentials';

interface GraphList<T> {
  readonly value: readonly T[];
}

interface GraphServicePrincipal {
  readonly id: string;
  readonly appId: string;
  readonly oauth2PermissionScopes?: readonly { readonly id: string; readonly value: string }[];
  readonly appRoles?: readonly { readonly id: string; readonly value: string }[];
}

/** Graph sometimes leaves out empty collections; the rules expect them. */
function normalise(app: Partial<GraphApplication> & { id: string; appId: string }): GraphApplication {
  return {
    id: app.id,
    appId: app.appId,
    displayName: app.displayName ?? '',
    signInAudience: app.signInAudience ?? 'AzureADMyOrg',
    tags: app.tags ?? [],
    web: { redirectUris: app.web?.redirectUris ?? [] },
    publicClient: { redirectUris: app.publicClient?.redirectUris ?? [] },
    requiredResourceAccess: app.requiredResourceAccess ?? [],
    passwordCredentials: app.passwordCredentials ?? [],
    keyCredentials: app.keyCredentials ?? [],
  };
}

function mapped<T, U>(call: GraphCall<T>, f: (value: T) => U): GraphCall<U> {
  return call.ok ? { ok: true, status: call.status, value: f(call.value) } : call;
}

function quote(value: string): string {
  return encodeURIComponent(value.replaceAll("'", "''"));
}

/** The Graph calls of the app-registration steps, typed (spec B1/B3). */
export class RegistrationGraph {
  constructor(private readonly graph: GraphAdminClient) {}

  /** Microsoft Graph's service principal in the tenant: its object id and its permission ids, resolved at run time. */
  async catalogue(): Promise<GraphCall<GraphPermissionCatalogue>> {
    const sp = await this.graph.get<GraphServicePrincipal>(`/servicePrincipals(appId='${GRAPH_APP_ID}')?$select=id,appId,oauth2PermissionScopes,appRoles`);
    return mapped(sp, (v) => ({
      graphServicePrincipalId: v.id,
      scopeIdByValue: Object.fromEntries((v.oauth2PermissionScopes ?? []).map((s) => [s.value, s.id])),
      scopeValueById: Object.fromEntries((v.oauth2PermissionScopes ?? []).map((s) => [s.id, s.value])),
      roleValueById: Object.fromEntries((v.appRoles ?? []).map((r) => [r.id, r.value])),
    }));
  }

  /** The application with this client id (retried while a just-created app replicates). */
  async applicationByAppId(appId: string): Promise<GraphCall<GraphApplication>> {
    return mapped(await this.graph.get<GraphApplication>(`/applications(appId='${quote(appId)}')?$select=${APP_SELECT}`), normalise);
  }

  /** Applications carrying a tag (the profile's), oldest first as Graph lists them. */
  async applicationsTagged(tag: string): Promise<GraphCall<readonly GraphApplication[]>> {
    return mapped(await this.graph.get<GraphList<GraphApplication>>(`/applications?$filter=${encodeURIComponent(`tags/any(t:t eq '${tag.replaceAll("'", "''")}')`)}&$select=${APP_SELECT}`), (v) => v.value.map(normalise));
  }

  /** `POST /applications`. */
  async createApplication(body: Readonly<Record<string, unknown>>): Promise<GraphCall<GraphApplication>> {
    return mapped(await this.graph.call<GraphApplication>('POST', '/applications', body), normalise);
  }

  /** `PATCH /applications/{id}` (204). */
  patchApplication(objectId: string, body: Readonly<Record<string, unknown>>): Promise<GraphCall<unknown>> {
    return this.graph.call('PATCH', `/applications/${encodeURIComponent(objectId)}`, body);
  }

  /** `POST /applications/{id}/addPassword`: the secret text is in the answer, once. */
  addPassword(objectId: string, displayName: string, endDateTime: string): Promise<GraphCall<{ readonly keyId: string; readonly secretText: string; readonly endDateTime: string; readonly hint: string }>> {
    return this.graph.call('POST', `/applications/${encodeURIComponent(objectId)}/addPassword`, { passwordCredential: { displayName, endDateTime } });
  }

  /** `POST /applications/{id}/removePassword` (204): the client secret with this key id stops working. */
  removePassword(objectId: string, keyId: string): Promise<GraphCall<unknown>> {
    return this.graph.call('POST', `/applications/${encodeURIComponent(objectId)}/removePassword`, { keyId });
  }

  /** The app's service principal id, `null` when it has none (a 404 here is an answer). */
  async servicePrincipalOf(appId: string): Promise<GraphCall<string | null>> {
    const found = await this.graph.get<GraphServicePrincipal>(`/servicePrincipals(appId='${quote(appId)}')?$select=id,appId`, { notFoundIsAnswer: true });
    if (!found.ok && found.failure.status === 404 && found.failure.kind === 'final') return { ok: true, status: 404, value: null };
    return mapped(found, (v) => v.id);
  }

  /** The app's service principal id, retried while it replicates (after our own create). */
  async servicePrincipalReplicated(appId: string): Promise<GraphCall<string>> {
    return mapped(await this.graph.get<GraphServicePrincipal>(`/servicePrincipals(appId='${quote(appId)}')?$select=id,appId`), (v) => v.id);
  }

  /** `POST /servicePrincipals` (retried on `NoBackingApplicationObject`). */
  async createServicePrincipal(appId: string): Promise<GraphCall<string>> {
    return mapped(await this.graph.call<GraphServicePrincipal>('POST', '/servicePrincipals', { appId }), (v) => v.id);
  }

  /** Delegated grants whose client is this service principal. */
  async grantsOf(servicePrincipalId: string): Promise<GraphCall<readonly GraphPermissionGrant[]>> {
    return mapped(await this.graph.get<GraphList<GraphPermissionGrant>>(`/oauth2PermissionGrants?$filter=${encodeURIComponent(`clientId eq '${servicePrincipalId}'`)}`), (v) => v.value);
  }

  /** `POST /oauth2PermissionGrants`. */
  createGrant(body: Readonly<Record<string, unknown>>): Promise<GraphCall<GraphPermissionGrant>> {
    return this.graph.call('POST', '/oauth2PermissionGrants', body);
  }

  /** `PATCH /oauth2PermissionGrants/{id}` with a new scope. */
  patchGrant(grantId: string, scope: string): Promise<GraphCall<unknown>> {
    return this.graph.call('PATCH', `/oauth2PermissionGrants/${encodeURIComponent(grantId)}`, { scope });
  }

  /** A user's object id by UPN (for consent to the mailbox user only). */
  async userId(upn: string): Promise<GraphCall<string>> {
    return mapped(await this.graph.get<{ id: string }>(`/users/${encodeURIComponent(upn)}?$select=id`, { notFoundIsAnswer: true }), (v) => v.id);
  }
}
