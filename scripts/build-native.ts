import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { buildSync } from 'esbuild'

/**
 * Native components (src/components/native/<name>/) are written in TypeScript as component.ts,
 * using src/domain; WeChat needs one plain index.js beside the WXML, so it is bundled here and
 * committed. scripts/build-native.test.ts fails when a bundle is out of date.
 */
export const NATIVE_DIR = path.resolve(__dirname, '..', 'src', 'components', 'native')
const BANNER = '// Generated from component.ts by scripts/build-native.ts; do not edit.'

export function nativeBundles(): Array<{ file: string; contents: string }> {
  return fs
    .readdirSync(NATIVE_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(NATIVE_DIR, entry.name, 'component.ts')))
    .map((entry) => {
      const result = buildSync({
        entryPoints: [path.join(NATIVE_DIR, entry.name, 'component.ts')],
        bundle: true,
        format: 'iife',
        target: 'es2015',
        write: false,
        banner: { js: BANNER },
        legalComments: 'none',
      })
      return { file: path.join(NATIVE_DIR, entry.name, 'index.js'), contents: result.outputFiles[0].text }
    })
}

if (createRequire(__filename).main === module) {
  for (const { file, contents } of nativeBundles()) fs.writeFileSync(file, contents)
}
