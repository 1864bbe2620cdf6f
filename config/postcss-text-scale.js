/**
 * 大字模式 at the root of the build: every text size and control size, ours and NutUI's alike, is
 * multiplied by `var(--text-scale, 1)`. One variable set high in the tree (`.page-shell--large`,
 * and `<html>` on H5 where popups and the tab bar live outside the page) enlarges the whole page,
 * on weapp (rpx) and H5 (rem) the same way, and pages added later inherit it without a rule of their own.
 *
 * Runs after postcss-pxtransform, so lengths arrive as rpx (weapp) or rem (H5). Custom properties
 * are left as they are: a variable is scaled where it is used, so it follows the element's scale.
 */
const SCALE = 'var(--text-scale, 1)'

/** Properties that make text or a tap target bigger. Margins and borders keep their size. */
const LENGTH_PROPS = new Set([
  'font-size',
  'line-height',
  'height',
  'min-height',
  'width',
  'min-width',
  'padding',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'gap',
  'row-gap',
  'column-gap',
])

/**
 * Where a theme variable holds a single size (NutUI's `var(--nutui-…-height, 32px)`), it is scaled
 * too. Not for padding or width: such a variable may hold two values, or 100%.
 */
const VARIABLE_PROPS = new Set(['font-size', 'line-height', 'height', 'min-height'])

const LENGTH = /^-?(\d+\.?\d*|\.\d+)(rpx|rem|px)$/

/** Splits a value on spaces that are not inside parentheses. */
function tokens(value) {
  const out = []
  let depth = 0
  let current = ''
  for (const ch of value) {
    if (ch === '(') depth++
    if (ch === ')') depth--
    if (/\s/.test(ch) && depth === 0) {
      if (current) out.push(current)
      current = ''
    } else current += ch
  }
  if (current) out.push(current)
  return out
}

/** A `var(…)` or `calc(…)` that can only be a length (its fallback is one): never `100%`, `auto` or viewport units. */
const sizedExpression = (token) => /^(var|calc)\(/.test(token) && /\d(rpx|rem|px)\b/.test(token) && !/%|vh|vw|auto/.test(token)

function scaleToken(prop, token) {
  if (LENGTH.test(token)) return parseFloat(token) === 0 ? token : `calc(${token} * ${SCALE})`
  if (VARIABLE_PROPS.has(prop) && sizedExpression(token)) return `calc(${token} * ${SCALE})`
  return token
}

module.exports = () => ({
  postcssPlugin: 'postcss-text-scale',
  Declaration(decl) {
    if (!LENGTH_PROPS.has(decl.prop) || decl.value.includes('--text-scale')) return
    decl.value = tokens(decl.value)
      .map((token) => scaleToken(decl.prop, token))
      .join(' ')
  },
})
module.exports.postcss = true
