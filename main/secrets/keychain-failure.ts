import { ErrorCode } from '../../shared/errors/error-codes';
import { KeychainError, type KeychainErrorCode } from '../ports/secret-store';

/** What the user should do for each failure, per platform family. */
const FIXES: Record<KeychainErrorCode, Record<'linux' | 'darwin' | 'win32', string>> = {
  [ErrorCode.KeychainUnavailable]: {
    linux:
      'No Secret Service answered. Install and start a keyring that provides it (e.g. `sudo apt install gnome-keyring libsecret-1-0`, or KWallet with Secret Service enabled), make sure you are in a desktop session with a D-Bus session bus, then try again.',
    darwin: 'The macOS Keychain could not be reached. Check that your login keychain exists (Keychain Access → Keychain First Aid), then try again.',
    win32: 'Windows Credential Manager could not be reached. Check that the "Credential Manager" service is running, then try again.',
  },
  [ErrorCode.KeychainLocked]: {
    linux:
      'Your keyring is locked. Unlock it (e.g. open "Passwords and Keys" (Seahorse), right-click "Login" → Unlock, or log out and back in), then try again.',
    darwin: 'Your login keychain is locked. Unlock it in Keychain Access (File → Unlock Keychain "login"), then try again.',
    win32: 'Credential Manager is locked for this session. Sign out and back in to Windows, then try again.',
  },
  [ErrorCode.KeychainDenied]: {
    linux: 'The keyring refused access. Accept the keyring prompt when it appears, or allow this app in your keyring settings, then try again.',
    darwin: 'macOS refused access to the keychain item. Click "Allow" (or "Always Allow") when macOS asks, then try again.',
    win32: 'Windows refused access to Credential Manager. Make sure you run the app as your own user, then try again.',
  },
};

// Matched against the OS's own error text (libsecret, Security.framework,
// Win32). Order matters: "locked" beats the generic D-Bus patterns.
const PATTERNS: ReadonlyArray<readonly [KeychainErrorCode, RegExp]> = [
  [ErrorCode.KeychainLocked, /locked|interaction is not allowed|errSecInteractionNotAllowed|-25308/i],
  [ErrorCode.KeychainDenied, /denied|not permitted|user cancel|canceled|cancelled|dismissed|errSecAuthFailed|-25293|-128\b/i],
  [
    ErrorCode.KeychainUnavailable,
    /could not connect|autolaunch|dbus-launch|ServiceUnknown|not provided by any|secret service|org\.freedesktop\.secrets|No such file|libsecret|Cannot find module|No keychain|errSecNoDefaultKeychain|-25307/i,
  ],
];

function platformFamily(platform: string): 'linux' | 'darwin' | 'win32' {
  return platform === 'darwin' || platform === 'win32' ? platform : 'linux';
}

/** Builds the {@link KeychainError} of `code` with the fix for `platform`. */
export function keychainError(code: KeychainErrorCode, operation: string, reason: string, platform: string = process.platform): KeychainError {
  const detail = reason === '' ? '' : ` (${reason})`;
  return new KeychainError(code, `Could not ${operation} in the keychain${detail}. ${FIXES[code][platformFamily(platform)]}`);
}

/**
 * Classifies a raw keytar/OS error into a stable keychain code.
 *
 * Unknown failures count as "unavailable": the user can act on that, and
 * the OS's own text is kept in the message (keytar messages never contain
 * values, only the OS's reason).
 */
export function toKeychainError(thrown: unknown, operation: string, platform: string = process.platform): KeychainError {
  const reason = (thrown instanceof Error ? thrown.message : String(thrown)).slice(0, 300);
  const code = PATTERNS.find(([, pattern]) => pattern.test(reason))?.[0] ?? ErrorCode.KeychainUnavailable;
  return keychainError(code, operation, reason, platform);
}
