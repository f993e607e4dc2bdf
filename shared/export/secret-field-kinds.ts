import { SecretField, type ProfileSecretField } from '../domain/secret-field';
import { SecretKind } from './secret-fields';

/**
 * The keychain field that holds each kind of exported secret, and back.
 *
 * The keychain names secrets by where the app keeps them, exports by what
 * they are; this table is the one place the two vocabularies meet.
 */
const KIND_OF_FIELD: Readonly<Record<ProfileSecretField, SecretKind>> = Object.freeze({
  [SecretField.XsoarAppToken]: SecretKind.OproxyToken,
  [SecretField.XsoarAppKey]: SecretKind.OproxyKey,
  [SecretField.SelfDeployedClientSecret]: SecretKind.ClientSecret,
  [SecretField.SelfDeployedPrivateKey]: SecretKind.CertificatePrivateKey,
  [SecretField.SelfDeployedAuthCode]: SecretKind.AuthCode,
});

/** The export kind of a keychain field. */
export function secretKindOfField(field: ProfileSecretField): SecretKind {
  return KIND_OF_FIELD[field];
}

/** The keychain field of an export kind. */
export function fieldOfSecretKind(kind: SecretKind): ProfileSecretField {
  const entry = (Object.entries(KIND_OF_FIELD) as Array<[ProfileSecretField, SecretKind]>).find(([, k]) => k === kind);
  if (entry === undefined) throw new Error(`No keychain field for ${kind}`);
  return entry[0];
}
