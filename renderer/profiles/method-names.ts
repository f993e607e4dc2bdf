import type { AuthMethod } from '../../shared/domain/auth-method';

/** Short method names for lists. */
export const METHOD_NAMES: Record<AuthMethod, string> = {
  'xsoar-app': 'Cortex XSOAR app',
  'self-deployed': 'Self-deployed app',
  'managed-identity': 'Managed identity',
};
