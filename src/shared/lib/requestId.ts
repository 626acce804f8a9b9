/** A fresh id for one submission; retries of the same submission reuse it so nothing happens twice. */
export function newRequestId(): string {
  return `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`;
}
