import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { kb, measureWeappPackages, PACKAGE_LIMIT, TOTAL_LIMIT, WEAPP_DIR } from './weapp-packages'

/**
 * Checks the production weapp build the way WeChat would: every WXML and WXSS file compiles with
 * WeChat's own compilers (wcc/wcsc, shipped in miniprogram-compiler), and no package passes the
 * size limits (DESIGN.md §4). Prints the sizes.
 */
function compileWithWeChat(): void {
  const nodeRequire = createRequire(__filename)
  const compilerDir = path.dirname(nodeRequire.resolve('miniprogram-compiler/package.json'))
  // npm does not always keep the run bit on the bundled Linux binaries.
  for (const binary of ['wcc', 'wcsc']) fs.chmodSync(path.join(compilerDir, 'bin', 'linux', binary), 0o755)
  const compiler = nodeRequire('miniprogram-compiler') as { wxmlToJs(root: string): string; wxssToJs(root: string): string }
  compiler.wxmlToJs(WEAPP_DIR)
  compiler.wxssToJs(WEAPP_DIR)
  console.log('weapp WXML and WXSS compile with WeChat’s wcc/wcsc')
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
if (!checkSizes()) process.exit(1)
