import type { Page } from 'playwright-core'

/** One text or control as drawn, keyed by its place in the page so both modes can be compared. */
export type Box = { path: string; selector: string; text: string; fontSize: number; width: number; height: number }
export type Measured = { texts: Box[]; controls: Box[]; violations: string[] }

export const FLOORS = { minText: 12, bodyText: 15, bodyChars: 12, tap: 44, primary: 48, contrast: 4.5 }

/**
 * Measures the page in the browser. What counts:
 * - a text is a visible element with its own non-blank text (not only its children's), or a text box
 *   (input, textarea: what is typed there is read at body size); its size is
 *   the computed font size; body text is a text of FLOORS.bodyChars characters or more; a text that
 *   runs past the screen's edge (outside a sideways-scrolling strip) is cut off;
 * - a control is a visible element a person taps: buttons, links, inputs (their NutUI frame), switches,
 *   radios, checkboxes, tabs, tab bar items, role=button, and any element with a React click handler;
 *   a control inside another control of the same size counts once (the outer one);
 * - contrast: the text colour against the first opaque background up the tree (semi-transparent
 *   layers composited; every colour stop of a gradient tried); disabled controls are exempt (WCAG 1.4.3).
 * With `scope` (a CSS selector), only what is inside it is measured: an open picker, popup or modal.
 */
export async function measurePage(page: Page, scope?: string): Promise<Measured> {
  // tsx compiles this file with esbuild's keepNames: the inner functions call a `__name` helper the page lacks.
  await page.evaluate('globalThis.__name ??= (f) => f')
  return page.evaluate(({ floors, scope }) => {
    type RGBA = [number, number, number, number]
    const parse = (css: string): RGBA[] =>
      [...css.matchAll(/rgba?\(([^)]+)\)/g)].map((m) => {
        const [r, g, b, a = '1'] = m[1].split(/[,\s/]+/).filter(Boolean)
        return [Number(r), Number(g), Number(b), Number(a)]
      })
    const over = (top: RGBA, bottom: RGBA): RGBA => {
      const a = top[3]
      return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1]
    }
    const luminance = ([r, g, b]: RGBA) => {
      const lin = (c: number) => {
        const s = c / 255
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
      }
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }
    const ratio = (a: RGBA, b: RGBA) => {
      const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p)
      return (x + 0.05) / (y + 0.05)
    }
    /** The backgrounds a text may sit on: semi-transparent layers composited down to the first opaque one. */
    const backgrounds = (el: Element): RGBA[] | null => {
      const layers: RGBA[][] = []
      for (let node: Element | null = el; node; node = node.parentElement) {
        const style = getComputedStyle(node)
        if (style.backgroundImage.includes('url(')) return null
        const stops = style.backgroundImage.includes('gradient') ? parse(style.backgroundImage) : []
        const colour = parse(style.backgroundColor)[0]
        const candidates = stops.length ? stops : colour && colour[3] > 0 ? [colour] : []
        if (candidates.length) {
          layers.push(candidates)
          if (candidates.every((c) => c[3] >= 1)) break
        }
      }
      let result: RGBA[] = [[255, 255, 255, 1]]
      for (const layer of layers.reverse()) result = layer.flatMap((top) => result.map((bottom) => over(top, bottom)))
      return result
    }
    const visible = (el: Element) => {
      const rect = el.getBoundingClientRect()
      if (rect.width < 1 || rect.height < 1 || rect.right <= 0 || rect.left >= innerWidth) return false
      for (let node: Element | null = el; node; node = node.parentElement) {
        const style = getComputedStyle(node)
        if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) return false
        if (node.getAttribute('aria-hidden') === 'true') return false
      }
      return true
    }
    const pathOf = (el: Element) => {
      const parts: string[] = []
      for (let node: Element | null = el; node && node !== document.body; node = node.parentElement) {
        const index = node.parentElement ? Array.from(node.parentElement.children).indexOf(node) : 0
        parts.unshift(`${node.tagName.toLowerCase()}:${index}`)
      }
      return parts.join('>')
    }
    const selectorOf = (el: Element) => {
      const parts: string[] = []
      for (let node: Element | null = el; node && parts.length < 3 && node !== document.body; node = node.parentElement) {
        const cls = Array.from(node.classList).filter((c) => !/^(taro_|hydrated)/.test(c)).slice(0, 2)
        parts.unshift(cls.length ? `.${cls.join('.')}` : node.tagName.toLowerCase())
      }
      return parts.join(' > ')
    }
    const ownText = (el: Element) =>
      Array.from(el.childNodes)
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .replace(/\s+/g, ' ')
        .trim()
    const hasClickHandler = (el: Element) => {
      const key = Object.keys(el).find((k) => k.startsWith('__reactProps$'))
      const props = key ? (el as unknown as Record<string, { onClick?: unknown; onTap?: unknown }>)[key] : undefined
      return Boolean(props && (props.onClick || props.onTap))
    }
    // H5's picker, modal and action sheet buttons are Taro's own elements with their own listeners.
    const CONTROL =
      '.weui-picker__action, .taro-model__btn, .taro-actionsheet__cell, button, a[href], taro-button-core, .nut-button, .nut-input, .nut-textarea, input:not([type=hidden]), textarea, .nut-switch, .nut-radio, .nut-checkbox, .nut-tabs-titles-item, .weui-tabbar__item, [role=button], [role=radio], [role=checkbox], [role=switch], [role=tab], [role=link]'
    // NutUI icons carry a click handler whether or not anything listens: an icon is never a target itself.
    const isControl = (el: Element) => el.matches(CONTROL) || (hasClickHandler(el) && !el.matches('.nut-icon'))
    function* ancestors(el: Element) {
      for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) yield node
    }
    // Text may run past the screen's edge only inside something that scrolls sideways (filter chips).
    const scrollsSideways = (el: Element) => [...ancestors(el)].some((node) => /auto|scroll/.test(getComputedStyle(node).overflowX))
    const disabled = (el: Element) => Boolean(el.closest('[disabled], [aria-disabled="true"], .nut-button-disabled, .nut-button--disabled'))

    const texts: Box[] = []
    const controls: Box[] = []
    const violations: string[] = []
    const say = (el: Element, text: string, measured: string) => violations.push(`${selectorOf(el)} · "${text.slice(0, 24)}" · ${measured}`)
    const round = (n: number) => Math.round(n * 10) / 10

    for (const el of Array.from(document.querySelectorAll(scope ? `${scope}, ${scope} *` : 'body *'))) {
      if (['SCRIPT', 'STYLE', 'svg', 'path'].includes(el.tagName) || !visible(el)) continue
      const style = getComputedStyle(el)
      const rect = el.getBoundingClientRect()
      const box = (text: string): Box => ({ path: pathOf(el), selector: selectorOf(el), text, fontSize: parseFloat(style.fontSize), width: rect.width, height: rect.height })

      const text = ownText(el)
      if (text) {
        const t = box(text)
        texts.push(t)
        if ((rect.right > innerWidth + 0.5 || rect.left < -0.5) && !scrollsSideways(el)) say(el, text, `cut off: ${round(rect.left)}–${round(rect.right)}px of ${innerWidth}`)
        const chars = [...text.replace(/\s/g, '')].length
        if (t.fontSize < floors.minText) say(el, text, `font ${round(t.fontSize)}px < ${floors.minText}px`)
        else if (chars >= floors.bodyChars && t.fontSize < floors.bodyText) say(el, text, `body text ${round(t.fontSize)}px < ${floors.bodyText}px`)
        const colour = parse(style.color)[0]
        const grounds = backgrounds(el)
        if (colour && grounds && !disabled(el)) {
          const worst = Math.min(...grounds.map((g) => ratio(over(colour, g), g)))
          if (worst < floors.contrast) say(el, text, `contrast ${worst.toFixed(2)}:1 (${style.color} on ${grounds.map((g) => `rgb(${g.slice(0, 3).map(Math.round).join(',')})`).join('/')})`)
        }
      }

      // What a person types is read like body text: a field's own text (typed or placeholder) is no text node.
      if (el.matches('input:not([type=hidden]):not([type=file]):not([type=checkbox]):not([type=radio]), textarea')) {
        const label = (el as HTMLInputElement).placeholder || (el as HTMLInputElement).value || el.tagName.toLowerCase()
        const t = box(label)
        texts.push(t)
        if (t.fontSize < floors.bodyText) say(el, label, `text box ${round(t.fontSize)}px < ${floors.bodyText}px`)
      }

      if (isControl(el)) {
        // Inside a control, only another real control (a button in a tappable card) is a target of its
        // own; an icon, a wrapper or the native field of a NutUI input is part of the outer control's area.
        const inner = [...ancestors(el)].some(isControl)
        if (inner && (!el.matches(CONTROL) || el.matches('input, textarea'))) continue
        const label = (el.textContent ?? '').replace(/\s+/g, ' ').trim() || el.getAttribute('aria-label') || el.tagName.toLowerCase()
        const c = box(label)
        controls.push(c)
        if (rect.width < floors.tap - 0.5 || rect.height < floors.tap - 0.5) say(el, label, `tap target ${round(rect.width)}×${round(rect.height)}px < ${floors.tap}×${floors.tap}`)
        if (el.matches('.nut-button-primary, .nut-button--primary') && rect.height < floors.primary - 0.5) say(el, label, `primary button ${round(rect.height)}px tall < ${floors.primary}px`)
      }
    }
    return { texts, controls, violations }
  }, { floors: FLOORS, scope })
}
