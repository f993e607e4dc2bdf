import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import { typedInputs, type TypedInputMemory } from './typed-input-memory';

/**
 * Whose typed input the inputs below remember: the open profile's id (or a
 * key of this wizard run before it has one); `null` outside the wizard,
 * where nothing is remembered.
 */
export const TypedInputScope = createContext<string | null>(null);

/**
 * `useState` for an input whose value must survive navigation but may not
 * enter the profile (see {@link TypedInputMemory}): restored from the
 * session memory of the open profile when the step is shown again.
 */
export function useTypedInput<T>(key: string, initial: T, memory: TypedInputMemory = typedInputs): readonly [T, (value: T) => void] {
  const scope = useContext(TypedInputScope);
  const [value, setValue] = useState<T>(() => (scope === null ? initial : memory.get(scope, key, initial)));
  // Written at once, not in an effect: a component that unmounts right after clearing a consumed secret
  // must not leave the secret behind in the memory.
  const set = useCallback(
    (next: T) => {
      if (scope !== null) memory.set(scope, key, next);
      setValue(next);
    },
    [memory, scope, key],
  );
  // Carried over when the wizard's profile is created after typing began.
  useEffect(() => {
    if (scope !== null) memory.set(scope, key, value);
  }, [memory, scope, key, value]);
  return [value, set];
}
