/**
 * The Cortex XSOAR application method's non-secret data.
 *
 * The Token and Key live in the keychain; only the ID (a registration id,
 * not a credential) and the instance binding are kept here.
 */
export interface XsoarAppDraft {
  /** The ID from the consent page, possibly `<id>@<token URL>`. */
  readonly id: string;
  /**
   * The XSOAR instance the ID/Token/Key were captured for, or `''` when no
   * values are bound yet. The oproxy refresh token rotates into one
   * instance's context, so the values work for that instance only.
   */
  readonly boundInstanceName: string;
}

/** An empty block. */
export function emptyXsoarAppDraft(): XsoarAppDraft {
  return { id: '', boundInstanceName: '' };
}
