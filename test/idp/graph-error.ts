/** A Graph error answer: HTTP status, Graph's `error.code`, message, optional `details` and response headers. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly { readonly code: string; readonly message: string }[] = [],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

/** 403 `Authorization_RequestDenied`, Graph's answer when the caller lacks a scope or a directory role. */
export function requestDenied(): GraphError {
  return new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
}

/** 404 `Request_ResourceNotFound` for an object id or key. */
export function resourceNotFound(id: string): GraphError {
  return new GraphError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
}
