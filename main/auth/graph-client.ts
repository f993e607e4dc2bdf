import { appError, type AppError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import type { IdentityEndpoints } from '../../shared/config/identity-endpoints';
import type { FolderReader, MailFolder } from '../../shared/graph/folder-path';
import type { HttpClient } from '../ports/http-client';

/** A Graph failure: HTTP status and Graph's own error code (`ErrorAccessDenied`, `ErrorItemNotFound`, …). */
export type GraphError = AppError & { readonly status: number | null; readonly graphCode: string | null };

/** A Graph answer: the parsed body, or the {@link GraphError}. */
export type GraphResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: GraphError };

function refused<T>(error: GraphError): GraphResult<T> {
  return { ok: false, error };
}

/** Bound of one Graph request. */
export const GRAPH_REQUEST_TIMEOUT_MS = 20_000;

/** Thrown by {@link GraphFolderReader} so that `resolveFolderPath` stops; carries the {@link GraphError}. */
export class GraphRequestError extends Error {
  constructor(readonly error: GraphError) {
    super(error.message);
  }
}

/**
 * Minimal Microsoft Graph v1.0 reader with a delegated access token. Only GETs; the token is sent to the
 * configured Graph host and nowhere else (redirects are refused by the {@link HttpClient}).
 */
export class GraphClient {
  constructor(
    private readonly http: HttpClient,
    private readonly endpoints: IdentityEndpoints,
    private readonly accessToken: string,
    private readonly signal: AbortSignal,
  ) {}

  /** `GET /v1.0<path>`; `path` starts with `/` and is already percent-encoded. */
  async get<T>(path: string): Promise<GraphResult<T>> {
    let response;
    try {
      response = await this.http.send({
        method: 'GET',
        url: `${this.endpoints.graphHost}/v1.0${path}`,
        headers: { authorization: `Bearer ${this.accessToken}`, accept: 'application/json' },
        signal: AbortSignal.any([this.signal, AbortSignal.timeout(GRAPH_REQUEST_TIMEOUT_MS)]),
      });
    } catch (error) {
      return refused(graphError(null, null, `Microsoft Graph could not be reached: ${error instanceof Error ? error.message : String(error)}`, ErrorCode.AuthNetwork));
    }
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch {
      return refused(graphError(response.status, null, `Microsoft Graph answered HTTP ${response.status} without JSON.`, ErrorCode.AuthUnexpectedResponse));
    }
    if (response.status >= 200 && response.status < 300) return { ok: true, value: body as T };
    const inner = (body as { error?: { code?: unknown; message?: unknown } }).error;
    const code = typeof inner?.code === 'string' ? inner.code : null;
    const message = typeof inner?.message === 'string' ? inner.message : '';
    return refused(graphError(response.status, code, `Microsoft Graph refused the request: HTTP ${response.status}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}`));
  }
}

function graphError(status: number | null, graphCode: string | null, message: string, code: GraphError['code'] = ErrorCode.GraphRequestFailed): GraphError {
  return { ...appError(code, message), status, graphCode };
}

interface GraphFolder {
  readonly id: string;
  readonly displayName: string;
}

/**
 * The integration's folder reads over Graph, for `resolveFolderPath`: `GET /users/{mailbox}/mailFolders/{id}` and
 * `…/{id}/childFolders?$top=250` (no paging, like the integration). A 404 of a single folder is "no such folder";
 * any other failure throws {@link GraphRequestError}.
 */
export class GraphFolderReader implements FolderReader {
  constructor(
    private readonly graph: GraphClient,
    private readonly mailbox: string,
  ) {}

  async getFolder(folderId: string): Promise<MailFolder | null> {
    const result = await this.graph.get<GraphFolder>(`/users/${encodeURIComponent(this.mailbox)}/mailFolders/${encodeURIComponent(folderId)}`);
    if (result.ok) return { id: result.value.id, displayName: result.value.displayName };
    if (result.error.status === 404) return null;
    throw new GraphRequestError(result.error);
  }

  async listChildren(folderId: string): Promise<readonly MailFolder[]> {
    const result = await this.graph.get<{ value: readonly GraphFolder[] }>(`/users/${encodeURIComponent(this.mailbox)}/mailFolders/${encodeURIComponent(folderId)}/childFolders?$top=250`);
    if (!result.ok) throw new GraphRequestError(result.error);
    return result.value.value.map((f) => ({ id: f.id, displayName: f.displayName }));
  }
}
