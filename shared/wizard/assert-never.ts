/**
 * Marks code that the type checker proves unreachable; throws if reached.
 *
 * Used at the end of exhaustive `switch` statements over unions.
 */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
