// Test-only module hook: resolves the bare specifier `electron` to the
// recording stand-in beside this file. Registered only by drive-main.mjs;
// the product never loads it.
const STUB = new URL('./electron-stub.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: STUB, shortCircuit: true };
  return nextResolve(specifier, context);
}
