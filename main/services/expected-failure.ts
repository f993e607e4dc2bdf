import { appError } from '../../shared/errors/app-error';
import { fail, ok, type Result } from '../../shared/result';
import { isKeychainError } from '../ports/secret-store';
import { ProfileStoreError, storeErrorToAppError } from '../profiles/profile-store';
import { SecretIntegrityError } from '../secrets/secret-vault';

/**
 * Runs `task` and turns the vault's and the store's expected failures into
 * a failed {@link Result} with their stable code; anything else propagates
 * (the registry reports it as `internal`).
 */
export async function expected<T>(task: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await task());
  } catch (error) {
    if (isKeychainError(error)) return fail(appError(error.code, error.message, { retryable: true }));
    if (error instanceof SecretIntegrityError) return fail(error.problem);
    if (error instanceof ProfileStoreError) return fail(storeErrorToAppError(error));
    throw error;
  }
}
