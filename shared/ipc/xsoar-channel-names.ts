/** The Send-to-XSOAR channels (constants only, so the sandboxed preload can bundle them). */
export const XSOAR_CHANNEL_NAMES = [
  'xsoar:list-connections',
  'xsoar:add-connection',
  'xsoar:remove-connection',
  'xsoar:set-playground',
  'xsoar:list-engines',
  'xsoar:list-instances',
  'xsoar:plan-send',
  'xsoar:send',
  'xsoar:run-test',
  'xsoar:auth-reset',
  'xsoar:pull',
  'xsoar:cancel',
] as const;
