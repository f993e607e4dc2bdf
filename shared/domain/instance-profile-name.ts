import { MAX_PROFILE_NAME } from './profile';

/** The name of a wizard profile whose instance name is still empty. */
export const UNNAMED_CONFIGURATION = 'New configuration';

/**
 * The display name a profile takes from its instance name while the analyst
 * has not renamed it: control characters removed, whitespace collapsed,
 * trimmed and cut to the profile-name limit (an instance name may be longer).
 */
export function profileNameFromInstance(instanceName: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = instanceName.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/\s+/g, ' ').trim();
  const cut = cleaned.slice(0, MAX_PROFILE_NAME).trim();
  return cut === '' ? UNNAMED_CONFIGURATION : cut;
}
