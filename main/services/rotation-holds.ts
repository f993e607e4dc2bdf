import type { Result } from '../../shared/result';

/**
 * What unfinished credential rotations hold on to, as the profiles see it. A rotation keeps the new credential in a
 * keychain slot of its own (`rotation-<id>`) and needs its profile's current credential to undo itself, so neither
 * may be removed until it is finished or undone: "Remove leftovers" keeps the slots, and deleting the profile (or
 * replacing it by an import, or "Forget everything") is refused meanwhile. Implemented by the rotation journal
 * store; the profiles service only knows this interface.
 */
export interface RotationHolds {
  /** The keychain scope ids of every unfinished rotation's slot: never leftovers. */
  heldScopeIds(): Promise<ReadonlySet<string>>;
  /** The profiles an unfinished rotation names (a journal in the data folder). */
  unfinishedProfileIds(): Promise<readonly string[]>;
  /**
   * Runs `task` while no rotation of `profileId` runs or waits unfinished, holding that profile's rotation claim so
   * none starts meanwhile; a failed {@link Result} (`rotation/in-progress`) otherwise.
   */
  whileNotRotating<T>(profileId: string, task: () => Promise<Result<T>>): Promise<Result<T>>;
}

/** No rotations (unit tests of profiles without the data folder's journals). */
export const NO_ROTATIONS: RotationHolds = {
  heldScopeIds: async () => new Set(),
  unfinishedProfileIds: async () => [],
  whileNotRotating: (_profileId, task) => task(),
};
