/** The value of a successful result; throws with the error's message otherwise (set-up steps that must work). */
export function value<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
