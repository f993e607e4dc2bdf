import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { appError, type AppError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { fail, ok, type Result } from '../../shared/result';

/** Listening HTTP servers that together hold one port on the loopback interface. */
export interface LoopbackBinding {
  readonly servers: readonly Server[];
  readonly port: number;
}

/** Errors that mean this machine has no IPv6 loopback at all (so `localhost` cannot lead there either). */
const NO_IPV6 = new Set(['EADDRNOTAVAIL', 'EAFNOSUPPORT', 'EPROTONOSUPPORT']);
/** An ephemeral port taken on ::1 by someone else is retried with another one, this often. */
const EPHEMERAL_ATTEMPTS = 8;

function listen(host: string, port: number): Promise<{ readonly server: Server } | { readonly error: NodeJS.ErrnoException }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => resolve({ error }));
    server.listen({ host, port, exclusive: true }, () => resolve({ server }));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

function portError(port: number, error: NodeJS.ErrnoException, family: string): AppError {
  const why = error.code === 'EADDRINUSE' ? `is already in use by another program${family}` : error.code === 'EACCES' ? 'needs administrator rights' : `cannot be opened (${error.code ?? error.message})`;
  return appError(ErrorCode.AuthPortInUse, `Port ${port} on this computer ${why}, so the response cannot be received automatically.`);
}

/**
 * Binds `port` (0 = any free port) on both loopback families, 127.0.0.1 and
 * [::1].
 *
 * The browser is sent to `http://localhost:P`, and `localhost` may resolve to
 * ::1 first: if another program held [::1]:P, it would receive the redirect
 * with the code and the state. Holding both makes the redirect reach only
 * us. A fixed port whose ::1 side is taken fails with `auth/port-in-use`; an
 * ephemeral one is retried. A machine without IPv6 loopback gets 127.0.0.1
 * only (nothing can listen on ::1 there either).
 */
export async function bindLoopbackPort(port: number): Promise<Result<LoopbackBinding>> {
  for (let attempt = 0; attempt < (port === 0 ? EPHEMERAL_ATTEMPTS : 1); attempt += 1) {
    const v4 = await listen('127.0.0.1', port);
    if ('error' in v4) return fail(portError(port, v4.error, ''));
    const bound = (v4.server.address() as AddressInfo).port;
    const v6 = await listen('::1', bound);
    if ('server' in v6) return ok({ servers: [v4.server, v6.server], port: bound });
    if (NO_IPV6.has(v6.error.code ?? '')) return ok({ servers: [v4.server], port: bound });
    await closeServer(v4.server);
    if (port !== 0) return fail(portError(port, v6.error, ' (on its IPv6 address [::1])'));
  }
  return fail(appError(ErrorCode.AuthPortInUse, 'No free port could be held on both loopback addresses (127.0.0.1 and [::1]), so the response cannot be received automatically.'));
}
