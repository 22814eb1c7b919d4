/** Resolves once the browser has painted the current frame, so follow-up work does not delay it. */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
