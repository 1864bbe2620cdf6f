import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { MIN_BASE_LIBRARY, SCRIPT_ECMA_VERSION } from '../config/platform-floor'
import { kb, measureWeappPackages, PACKAGE_LIMIT, TOTAL_LIMIT, WEAPP_CHECK_DIR } from './weapp-packages'
import { buildProblems, type SyntaxProblem } from './weapp-syntax'

/**
 * Checks the production weapp build (the `--mode check` one in dist/weapp-check) the way WeChat
 * would: every WXML and WXSS file compiles with WeChat's own compilers (wcc/wcsc, shipped in
 * miniprogram-compiler), every script parses on the oldest phone the app supports
 * (config/platform-floor.js), and no package passes the size limits (DESIGN.md §4). Prints the sizes.
 */
function compileWithWeChat(): void {
  const nodeRequire = createRequire(__filename)
  const compilerDir = path.dirname(nodeRequire.resolve('miniprogram-compiler/package.json'))
  // npm does not always keep the run bit on the bundled Linux binaries.
  for (const binary of ['wcc', 'wcsc']) fs.chmodSync(path.join(compilerDir, 'bin', 'linux', binary), 0o755)
  const compiler = nodeRequire('miniprogram-compiler') as { wxmlToJs(root: string): string; wxssToJs(root: string): string }
  compiler.wxmlToJs(WEAPP_CHECK_DIR)
  compiler.wxssToJs(WEAPP_CHECK_DIR)
  console.log('weapp WXML and WXSS compile with WeChat’s wcc/wcsc')
}

/** Shown per file before the rest is counted: a minified vendors.js can hold hundreds of one mistake. */
const SHOWN_PER_FILE = 10

function checkSyntax(): boolean {
  const { files, problems } = buildProblems(WEAPP_CHECK_DIR)
  if (problems.length === 0) {
    console.log(`weapp scripts: all ${files} .js/.wxs files parse as ES${SCRIPT_ECMA_VERSION} (WXS as ES5), regexes included — base library ${MIN_BASE_LIBRARY}+`)
    return true
  }
  const byFile = new Map<string, SyntaxProblem[]>()
  for (const problem of problems) byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem])
  console.error(`weapp scripts: ${problems.length} uses of syntax the oldest supported phones cannot parse (config/platform-floor.js):`)
  for (const [file, list] of byFile) {
    for (const { line, column, feature } of list.slice(0, SHOWN_PER_FILE)) console.error(`  ${file}:${line}:${column}  ${feature}`)
    if (list.length > SHOWN_PER_FILE) console.error(`  ${file}: … and ${list.length - SHOWN_PER_FILE} more`)
  }
  console.error('Transpile the package that brings it (TRANSPILED_PACKAGES in config/index.ts) or rewrite our code.')
  return false
}

function checkSizes(): boolean {
  const sizes = measureWeappPackages()
  const total = sizes.reduce((sum, p) => sum + p.bytes, 0)
  console.log('weapp package sizes (limit 2 MB each, 20 MB in all):')
  for (const { name, bytes } of sizes) console.log(`  ${name.padEnd(24)} ${kb(bytes).padStart(10)}`)
  console.log(`  ${'total'.padEnd(24)} ${kb(total).padStart(10)}`)
  const over = sizes.filter((p) => p.bytes > PACKAGE_LIMIT)
  if (over.length === 0 && total <= TOTAL_LIMIT) return true
  console.error(`Too large: ${over.map((p) => p.name).join(', ') || 'total'}`)
  return false
}

compileWithWeChat()
const syntaxOk = checkSyntax()
if (!checkSizes() || !syntaxOk) process.exit(1)
