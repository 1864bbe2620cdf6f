/**
 * Runs `step` on every item with at most `cap` steps in flight, and answers their results in the
 * items' order. A fan-out inside a function must finish within its timeout without flooding the
 * database or WeChat: one after another is too slow (1,000 writes of 1–8 ms each take seconds),
 * all at once is unbounded.
 */
export async function mapWithCap<T, R>(items: readonly T[], cap: number, step: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await step(items[index])
    }
  }
  await Promise.all(Array.from({ length: Math.min(cap, items.length) }, worker))
  return results
}
