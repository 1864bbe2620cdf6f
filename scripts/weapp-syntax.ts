import fs from 'node:fs'
import path from 'node:path'
import { parse, type Node, type Options } from 'acorn'
import { SCRIPT_ECMA_VERSION, WXS_ECMA_VERSION } from '../config/platform-floor'

/**
 * Whether the JavaScript the mini-program loads parses on the oldest phone it supports
 * (config/platform-floor.js): ES2015 syntax, and regular expressions with ES2015's pattern syntax
 * and flags only. A file that does not parse there stops the whole mini-program at launch, so
 * every `.js` of the build is parsed, not sampled. `.wxs` files are WXS, an ES5 subset
 * (https://developers.weixin.qq.com/miniprogram/dev/reference/wxs/).
 */

export type SyntaxProblem = { file: string; line: number; column: number; feature: string }

type AstNode = Node & Record<string, unknown>

const LATEST: Options = { ecmaVersion: 'latest', sourceType: 'script', locations: true, allowHashBang: true, allowReturnOutsideFunction: true }

/** Regex flags by the edition that added them; ES2015 has g i m (ES3) and u y. */
const FLAG_FEATURES: Record<string, string> = { s: 'regex dotAll flag s (ES2018)', d: 'regex indices flag d (ES2022)', v: 'regex unicodeSets flag v (ES2024)' }
const ES2015_FLAGS = new Set(['g', 'i', 'm', 'u', 'y'])

/**
 * Pattern features past ES2015, found by reading the pattern the way the RegExp grammar does
 * (escapes and character classes skipped), so `[(?<=]` or `\(?<=` is not mistaken for a group.
 * Lookbehind needs iOS 16.4's JavaScriptCore; named groups iOS 11.3; property escapes iOS 11.3
 * (https://webkit.org/blog/13966/webkit-features-in-safari-16-4/, ECMAScript 2018).
 */
export function regexFeatures(pattern: string, flags: string): string[] {
  const found = new Set<string>()
  for (const flag of flags) {
    if (FLAG_FEATURES[flag]) found.add(FLAG_FEATURES[flag])
    else if (!ES2015_FLAGS.has(flag)) found.add(`regex flag ${flag}`)
  }
  let inClass = false
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]
    if (char === '\\') {
      const next = pattern[i + 1]
      if ((next === 'p' || next === 'P') && pattern[i + 2] === '{' && flags.includes('u')) found.add('regex Unicode property escape \\p{…} (ES2018)')
      if (next === 'k' && pattern[i + 2] === '<') found.add('regex named backreference \\k<…> (ES2018)')
      i++
    } else if (inClass) {
      if (char === ']') inClass = false
    } else if (char === '[') {
      inClass = true
    } else if (char === '(' && pattern.startsWith('?<', i + 1)) {
      const after = pattern[i + 3]
      found.add(after === '=' || after === '!' ? 'regex lookbehind (?<=…) / (?<!…) (ES2018)' : 'regex named capture group (?<name>…) (ES2018)')
    }
  }
  return [...found]
}

/** `/pattern/` written as a literal: unescaped slashes and line breaks escaped, so acorn can validate it. */
function asLiteral(pattern: string, flags: string): string {
  let out = ''
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]
    if (char === '\\') {
      out += char + (pattern[i + 1] ?? '')
      i++
    } else if (char === '/') out += '\\/'
    else if (char === '\n') out += '\\n'
    else if (char === '\r') out += '\\r'
    else if (char === '\u2028') out += '\\u2028'
    else if (char === '\u2029') out += '\\u2029'
    else out += char
  }
  return `/${out}/${flags}`
}

/** A pattern and flags given as a regex literal or as `new RegExp('…', '…')` / `RegExp('…')` with literal strings. */
function regexOf(node: AstNode): { pattern: string; flags: string } | null {
  const regex = node.regex as { pattern: string; flags: string } | undefined
  if (node.type === 'Literal' && regex) return regex
  if ((node.type === 'NewExpression' || node.type === 'CallExpression') && (node.callee as AstNode).type === 'Identifier' && (node.callee as AstNode).name === 'RegExp') {
    const [patternArg, flagsArg] = node.arguments as AstNode[]
    const text = (arg: AstNode | undefined): string | null => {
      if (!arg) return ''
      if (arg.type === 'Literal' && typeof arg.value === 'string') return arg.value
      if (arg.type === 'TemplateLiteral' && (arg.expressions as unknown[]).length === 0) return ((arg.quasis as AstNode[])[0].value as { cooked: string }).cooked
      return null
    }
    const pattern = text(patternArg)
    const flags = text(flagsArg)
    return pattern === null || flags === null ? null : { pattern, flags }
  }
  return null
}

/** Syntax past ES2015 by the AST node that carries it (the edition that added it). */
function nodeFeature(node: AstNode): string | null {
  switch (node.type) {
    case 'ChainExpression':
      return 'optional chaining ?. (ES2020)'
    case 'LogicalExpression':
      return node.operator === '??' ? 'nullish coalescing ?? (ES2020)' : null
    case 'BinaryExpression':
      return node.operator === '**' ? 'exponent operator ** (ES2016)' : null
    case 'AssignmentExpression':
      if (node.operator === '**=') return 'exponent assignment **= (ES2016)'
      return ['&&=', '||=', '??='].includes(node.operator as string) ? `logical assignment ${String(node.operator)} (ES2021)` : null
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      if (node.async && node.generator) return 'async generator (ES2018)'
      return node.async ? 'async function (ES2017)' : null
    case 'ForOfStatement':
      return node.await ? 'for await (ES2018)' : null
    case 'ObjectExpression':
      return (node.properties as AstNode[]).some((p) => p.type === 'SpreadElement') ? 'object spread {...x} (ES2018)' : null
    case 'ObjectPattern':
      return (node.properties as AstNode[]).some((p) => p.type === 'RestElement') ? 'object rest {...x} (ES2018)' : null
    case 'CatchClause':
      return node.param === null ? 'optional catch binding (ES2019)' : null
    case 'Literal':
      if (node.bigint !== undefined) return 'BigInt literal (ES2020)'
      return typeof node.value === 'number' && String(node.raw).includes('_') ? 'numeric separator (ES2021)' : null
    case 'ImportExpression':
      return 'dynamic import() (ES2020)'
    case 'MetaProperty':
      return (node.meta as AstNode).name === 'import' ? 'import.meta (ES2020)' : null
    case 'PropertyDefinition':
      return 'class field (ES2022)'
    case 'PrivateIdentifier':
      return 'private class member #x (ES2022)'
    case 'StaticBlock':
      return 'class static block (ES2022)'
    default:
      return null
  }
}

function walk(node: AstNode, visit: (node: AstNode) => void): void {
  visit(node)
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) {
      for (const item of value) if (item && typeof item === 'object' && typeof (item as AstNode).type === 'string') walk(item as AstNode, visit)
    } else if (value && typeof value === 'object' && typeof (value as AstNode).type === 'string') walk(value as AstNode, visit)
  }
}

const at = (node: AstNode) => node.loc as { start: { line: number; column: number } }

/**
 * Every place in one script that the target cannot parse: syntax past ES2015 named by feature,
 * regex literals and literal `RegExp(…)` patterns with features or flags past ES2015, and — as a
 * backstop for anything not named above (e.g. a trailing comma after the last parameter) —
 * acorn's own complaint at `ecmaVersion: 2015`, which also validates each literal's pattern.
 */
export function scriptProblems(code: string, file: string, ecmaVersion: 5 | 2015 = SCRIPT_ECMA_VERSION): SyntaxProblem[] {
  const problems: SyntaxProblem[] = []
  const report = (line: number, column: number, feature: string) => problems.push({ file, line, column: column + 1, feature })
  let ast: AstNode
  try {
    ast = parse(code, LATEST) as unknown as AstNode
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc ?? { line: 1, column: 0 }
    report(loc.line, loc.column, `does not parse at all: ${(error as Error).message}`)
    return problems
  }
  walk(ast, (node) => {
    const feature = nodeFeature(node)
    if (feature) report(at(node).start.line, at(node).start.column, feature)
    const regex = regexOf(node)
    if (!regex) return
    const features = regexFeatures(regex.pattern, regex.flags)
    for (const name of features) report(at(node).start.line, at(node).start.column, `${name} in ${asLiteral(regex.pattern, regex.flags)}`)
    if (features.length === 0 && node.type !== 'Literal') {
      try {
        parse(asLiteral(regex.pattern, regex.flags), { ecmaVersion })
      } catch (error) {
        report(at(node).start.line, at(node).start.column, `RegExp pattern not valid in ES${ecmaVersion}: ${(error as Error).message.replace(/ \(\d+:\d+\)$/, '')}`)
      }
    }
  })
  if (problems.length === 0) {
    try {
      parse(code, { ecmaVersion, sourceType: 'script', allowHashBang: true, allowReturnOutsideFunction: true, locations: true })
    } catch (error) {
      const loc = (error as { loc?: { line: number; column: number } }).loc ?? { line: 1, column: 0 }
      report(loc.line, loc.column, `not ES${ecmaVersion} syntax: ${(error as Error).message.replace(/ \(\d+:\d+\)$/, '')}`)
    }
  }
  return problems
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(full) : [full]
  })
}

/** Every `.js` (ES2015) and `.wxs` (ES5) file under a build folder, checked. Paths are relative to it. */
export function buildProblems(dir: string): { files: number; problems: SyntaxProblem[] } {
  const files = filesUnder(dir).filter((file) => file.endsWith('.js') || file.endsWith('.wxs'))
  const problems = files.flatMap((file) => {
    const relative = path.relative(dir, file).split(path.sep).join('/')
    return scriptProblems(fs.readFileSync(file, 'utf8'), relative, file.endsWith('.wxs') ? WXS_ECMA_VERSION : SCRIPT_ECMA_VERSION)
  })
  return { files: files.length, problems }
}
