/** Values the crash child writes and the crash tests expect to find afterwards. */
export const CRASH_VALUES = Object.freeze({
  newToken: `0.AXkA${'n1-_Q'.repeat(40)}`,
  newMailbox: 'new@contoso.example',
  passphrase: 'crash test passphrase violet 17',
});
