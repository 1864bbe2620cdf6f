import path from 'node:path'
import simulate from 'miniprogram-simulate'

/**
 * Renders a native custom component of `src/components/native/<name>/` (index.js, .wxml, .wxss,
 * .json) in jsdom with miniprogram-simulate and attaches it to the document.
 * Two facts worth knowing: taps are handled asynchronously, and jest's fake timers must be
 * installed before the component starts an interval. With fake timers, after
 * `dispatchEvent('tap')` use `await jest.advanceTimersByTimeAsync(ms)`: it lets the tap land and
 * then runs the component's timers (a tried pattern: a 120/min interval counted 4 in 2,000 ms).
 */
const loaded = new Map<string, string>()

export function renderNative(name: string, props: Record<string, unknown> = {}) {
  // A component is registered once per test file; rendering it again reuses the registration.
  let id = loaded.get(name)
  if (!id) loaded.set(name, (id = simulate.load(path.join(__dirname, name, 'index'))))
  const component = simulate.render(id, props)
  component.attach(document.createElement('parent-wrapper'))
  return component
}

export { simulate }
