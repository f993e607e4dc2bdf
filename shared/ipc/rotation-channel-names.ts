/** The channels of Rotate (see `rotation-contract.ts`); spread into `CHANNEL_NAMES`. */
export const ROTATION_CHANNEL_NAMES = ['rotation:start', 'rotation:progress', 'rotation:unfinished', 'rotation:recover', 'rotation:cancel'] as const;
