import { z } from 'zod';
import { XsoarProduct } from './xsoar-product';

/**
 * A saved XSOAR connection, without its API key (which lives only in the keychain). Plain data: it is written to
 * `xsoar-connections.json` in the data folder and crosses IPC.
 */
export interface XsoarConnection {
  readonly id: string;
  /** The analyst's name for it ("prod", "dev", "acme tenant"); unique, case-insensitive. */
  readonly name: string;
  /** The API address as entered (XSOAR 6: the server, maybe with `/acc_<account>`; 8/XSIAM: `https://api-<fqdn>`). */
  readonly url: string;
  /** The API key's ID (XSOAR 8 / XSIAM); empty for XSOAR 6. */
  readonly keyId: string;
  readonly advancedKey: boolean;
  /** Extra CA certificate(s), PEM, for servers with an internal CA; empty for the system's trust only. */
  readonly caPem: string;
  /** Where the CA came from (file name, for display). */
  readonly caFileName: string;
  /** What the last probe found; `null` before the first. */
  readonly product: XsoarProduct | null;
  readonly serverVersion: string;
  /** The playground (investigation) id the tests run in; asked once on XSOAR 8 / XSIAM and remembered. */
  readonly playgroundId: string;
  readonly createdAt: string;
}

/** What the analyst enters to add a connection (the key travels separately, straight to the keychain). */
export interface XsoarConnectionInput {
  readonly name: string;
  readonly url: string;
  readonly keyId: string;
  readonly advancedKey: boolean;
  readonly caPem: string;
  readonly caFileName: string;
}

/** Longest connection name. */
export const MAX_CONNECTION_NAME = 80;

/** Schema of one stored connection. */
export const XsoarConnectionSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
  name: z.string().trim().min(1).max(MAX_CONNECTION_NAME),
  url: z.string().max(2048),
  keyId: z.string().max(64),
  advancedKey: z.boolean(),
  caPem: z.string().max(256 * 1024),
  caFileName: z.string().max(1024),
  product: z.enum([XsoarProduct.Xsoar6, XsoarProduct.Xsoar8, XsoarProduct.Xsiam]).nullable(),
  serverVersion: z.string().max(64),
  playgroundId: z.string().max(128),
  createdAt: z.string().max(40),
}).strict() satisfies z.ZodType<XsoarConnection>;

/** Schema of the connections file. */
export const XsoarConnectionsFileSchema = z.object({
  version: z.literal(1),
  connections: z.array(XsoarConnectionSchema),
}).strict();

/** The connections file as written. */
export type XsoarConnectionsFile = z.infer<typeof XsoarConnectionsFileSchema>;

/**
 * Problems with a connection's input, in plain language (empty when fine). The URL must be `https://` with a host
 * and no query; secrets never appear in the URL.
 */
export function connectionInputProblems(input: XsoarConnectionInput): string[] {
  const problems: string[] = [];
  const name = input.name.trim();
  if (name === '' || name.length > MAX_CONNECTION_NAME) problems.push(`Give the connection a name of 1 to ${MAX_CONNECTION_NAME} characters.`);
  let url: URL | null = null;
  try {
    url = new URL(input.url.trim());
  } catch {
    problems.push(`"${input.url}" is not a URL; enter the API address, e.g. https://xsoar.example.com or https://api-acme.xdr.us.paloaltonetworks.com.`);
  }
  if (url !== null) {
    if (url.protocol !== 'https:') problems.push('The XSOAR address must start with https:// (the API key must not travel unencrypted).');
    if (url.search !== '' || url.hash !== '') problems.push('The XSOAR address must not contain "?" or "#" parts.');
    if (url.username !== '' || url.password !== '') problems.push('The XSOAR address must not contain a user name or password.');
  }
  if (input.keyId.trim() !== '' && !/^[A-Za-z0-9_-]{1,64}$/.test(input.keyId.trim())) problems.push('The API key ID is the short number shown in the "ID" column of the API Keys page.');
  if (input.caPem.trim() !== '' && !input.caPem.includes('-----BEGIN CERTIFICATE-----')) problems.push('The CA certificate file must be PEM ("-----BEGIN CERTIFICATE-----").');
  return problems;
}
