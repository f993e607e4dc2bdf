import { describe, expect, it } from 'vitest';
import { toKeychainError } from '../../../../main/secrets/keychain-failure';

describe('toKeychainError', () => {
  it.each([
    ['Could not connect: No such file or directory', 'linux', 'keychain/unavailable', 'gnome-keyring'],
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'linux', 'keychain/unavailable', 'D-Bus'],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'linux', 'keychain/unavailable', 'Secret Service'],
    ['Cannot create an item in a locked collection', 'linux', 'keychain/locked', 'Unlock'],
    ['User interaction is not allowed.', 'darwin', 'keychain/locked', 'Unlock Keychain'],
    ['org.freedesktop.DBus.Error.AccessDenied: Request denied', 'linux', 'keychain/denied', 'Accept the keyring prompt'],
    ['User canceled the operation.', 'darwin', 'keychain/denied', 'Allow'],
    ['something nobody expected', 'win32', 'keychain/unavailable', 'Credential Manager'],
  ])('%s (%s) → %s', (message, platform, code, hint) => {
    const error = toKeychainError(new Error(message), 'store a secret', platform);
    expect(error.code).toBe(code);
    expect(error.message).toContain(hint);
    expect(error.message).toContain('Could not store a secret in the keychain');
  });
});
