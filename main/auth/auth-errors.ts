import { AuthError, ServerError } from '@azure/msal-node';
import { appError, type AppError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { explainAadsts, type AadstsExplanation } from '../../shared/aadsts/aadsts-explainer';
import { parseAadstsCode } from '../../shared/aadsts/aadsts-code';
import type { StopReason } from './operation-scope';

/** An Entra ID refusal: the AADSTS number and its plain-language explanation travel with the error. */
export type AadstsAppError = AppError & { readonly code: typeof ErrorCode.AuthAadsts; readonly aadsts: number; readonly explanation: AadstsExplanation };

/** The error for an AADSTS code: "AADSTS7000215: Wrong client secret. <meaning> <fix>". */
export function aadstsError(code: number): AadstsAppError {
  const explanation = explainAadsts(code);
  return { code: ErrorCode.AuthAadsts, message: `AADSTS${code}: ${explanation.title}. ${explanation.meaning} ${explanation.fix}`, aadsts: code, explanation };
}

/** The error for a stopped operation (`op/cancelled` or `op/timeout`), naming the step. */
export function stoppedError(reason: StopReason, step: string, timeoutMs: number): AppError {
  return reason === 'cancelled'
    ? appError(ErrorCode.Cancelled, `${step} was cancelled.`)
    : appError(ErrorCode.Timeout, `${step} did not finish within ${Math.round(timeoutMs / 1000)} seconds. Try again; if it keeps happening, check the network or proxy.`, { retryable: true });
}

/**
 * Maps what MSAL throws to an {@link AppError}. Server errors carry an AADSTS code (`error_codes` or the text of
 * `error_description`); MSAL's network errors become `auth/network`. MSAL messages never contain the client
 * secret or key, but they can be long: only the first line is kept.
 */
export function msalErrorToAppError(thrown: unknown, step: string): AppError {
  if (thrown instanceof AuthError) {
    const fromNumber = thrown instanceof ServerError && thrown.errorNo !== undefined && /^\d+$/.test(thrown.errorNo) ? Number(thrown.errorNo) : null;
    const code = fromNumber ?? parseAadstsCode(thrown.errorMessage) ?? parseAadstsCode(thrown.message);
    if (code !== null) return aadstsError(code);
    const firstLine = (thrown.errorMessage || thrown.message).split('\n')[0] ?? '';
    if (thrown.errorCode === 'network_error' || thrown.errorCode === 'endpoints_resolution_error') {
      return appError(ErrorCode.AuthNetwork, `${step}: the identity platform could not be reached or did not answer (${thrown.errorCode}). ${firstLine}`.trim(), { retryable: true });
    }
    return appError(ErrorCode.AuthUnexpectedResponse, `${step} failed (${thrown.errorCode}). ${firstLine}`.trim());
  }
  // Not MSAL's: e.g. Node's crypto refusing a malformed private key. Such messages name the failing routine,
  // never the key material.
  const detail = thrown instanceof Error ? thrown.message : String(thrown);
  return appError(ErrorCode.Internal, `${step} failed: ${detail}`);
}
