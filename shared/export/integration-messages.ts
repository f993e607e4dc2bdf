/**
 * Messages the integration itself prints (spec §3e), quoted verbatim so that
 * an analyst who has seen them in XSOAR recognises them in our checks.
 */
export const IntegrationMessage = Object.freeze({
  /** PY, XSOAR-app mode without a Key. */
  KeyMissing: 'Key must be provided. For further information see https://xsoar.pan.dev/docs/reference/articles/microsoft-integrations---authentication',
  /** PY, self-deployed mode with neither a secret nor a full certificate pair. */
  KeyOrCertificateMissing: 'Key or Certificate Thumbprint and Private Key must be provided.',
  /** PY, the Test button outside managed-identity mode. */
  UseTestCommand: 'Please use !msgraph-mail-test instead',
  /** MAM, an auth code that still carries `session_state`. */
  MalformedAuthCode: 'Malformed auth_code parameter: Please copy the auth code from the redirected uri without any additional info and without the "session_state" query parameter.',
  /** MAM, login URL with missing configuration (followed by the missing names). */
  LoginUrlMissing: 'Please make sure you entered the Authorization configuration correctly. Missing:',
  /** MAM, a Key that does not Base64-decode (the middle is Python's own error text). */
  BadKeyPrefix: 'Error in Microsoft authorization:',
  /** MAM, suffix of the bad-Key error. */
  BadKeySuffix: 'Please check authentication related parameters.',
} as const);
