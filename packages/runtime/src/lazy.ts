/**
 * Leaf: imports nothing.
 *
 * A module loaded by a dynamic `import()` (an application's bundler makes it a lazy chunk),
 * once: the first caller loads it, later ones get the same promise (an `import()` per call
 * costs ~0.1 ms in Node). A load that failed (a chunk the network did not deliver) is tried
 * again by the next caller.
 */
export function lazy<M>(load: () => Promise<M>): () => Promise<M> {
  let module: Promise<M> | undefined;
  return () =>
    (module ??= load().catch((error: unknown) => {
      module = undefined;
      throw error;
    }));
}
