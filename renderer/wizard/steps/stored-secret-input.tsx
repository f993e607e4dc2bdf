import type { SecretField } from '../../../shared/domain/secret-field';
import type { WizardState } from '../../../shared/wizard/wizard-state';
import { SecretInput, type SecretInputProps } from './secret-input';
import { wizardFieldProps } from './wizard-field-props';

/** Props of {@link StoredSecretInput}: the input's own, less what the wizard state decides. */
export interface StoredSecretInputProps extends Omit<SecretInputProps, 'name' | 'stored' | 'error' | 'required'> {
  readonly state: WizardState;
  /** The draft path of the field (`xsoarApp.token`). */
  readonly name: string;
  /** The keychain item the field fills. */
  readonly secret: SecretField;
}

/**
 * A wizard {@link SecretInput} for one keychain item: it shows whether the profile holds the item and starts
 * afresh when that changes (keyed by the stored flag), so a value stored from elsewhere, such as a paste box,
 * clears whatever was typed here.
 */
export function StoredSecretInput({ state, name, secret, ...input }: StoredSecretInputProps) {
  const stored = state.storedSecrets.includes(secret);
  return <SecretInput key={String(stored)} {...input} {...wizardFieldProps(state, name)} stored={stored} />;
}
