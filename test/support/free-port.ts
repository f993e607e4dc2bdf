import { createServer } from 'node:net';

/** A free loopback port (bound and released at once), e.g. for an XSOAR-style Web redirect URI. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
