import fs from 'node:fs'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/browser'

/**
 * Renders the app's few bitmap images from the SVG shapes below: the tab bar icons (81×81, as
 * WeChat recommends) and the empty-state picture (NutUI's default is fetched from a CDN, which
 * the app must never depend on). Run after changing a shape:
 * `npx tsx scripts/render-images.ts`; the PNGs are committed.
 */
const SHAPES: Record<string, string> = {
  home: '<path d="M12 40 L40 16 L68 40 V68 H50 V50 H30 V68 H12 Z" fill="none" stroke-width="6" stroke-linejoin="round"/>',
  wish: '<path d="M40 68 C16 52 10 40 10 30 C10 20 18 12 27 12 C33 12 37 15 40 20 C43 15 47 12 53 12 C62 12 70 20 70 30 C70 40 64 52 40 68 Z" fill="none" stroke-width="6" stroke-linejoin="round"/>',
  firstaid: '<path d="M31 10 H49 V31 H70 V49 H49 V70 H31 V49 H10 V31 H31 Z" fill="none" stroke-width="6" stroke-linejoin="round"/>',
  mine: '<circle cx="40" cy="27" r="14" fill="none" stroke-width="6"/><path d="M12 70 C12 52 24 44 40 44 C56 44 68 52 68 70" fill="none" stroke-width="6" stroke-linecap="round"/>',
}
const COLORS = { '': '#595959', '-active': '#c8102e' }

const EMPTY_STATE =
  '<rect x="30" y="50" width="100" height="70" rx="10" fill="#f5f5f5" stroke="#d9d9d9" stroke-width="4"/>' +
  '<path d="M30 70 H130" stroke="#d9d9d9" stroke-width="4"/>' +
  '<path d="M80 108 C66 99 62 92 62 86 C62 80 67 76 72 76 C75 76 78 78 80 81 C82 78 85 76 88 76 C93 76 98 80 98 86 C98 92 94 99 80 108 Z" fill="#f4c7cc"/>'

async function main() {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  const page = await browser.newPage({ viewport: { width: 81, height: 81 } })
  const out = path.resolve(__dirname, '..', 'src', 'assets', 'tab')
  fs.mkdirSync(out, { recursive: true })
  for (const [name, shape] of Object.entries(SHAPES)) {
    for (const [suffix, color] of Object.entries(COLORS)) {
      await page.setContent(
        `<html><body style="margin:0;background:transparent"><svg xmlns="http://www.w3.org/2000/svg" width="81" height="81" viewBox="0 0 80 80" stroke="${color}">${shape}</svg></body></html>`,
      )
      await page.screenshot({ path: path.join(out, `${name}${suffix}.png`), omitBackground: true })
    }
  }
  await page.setViewportSize({ width: 160, height: 160 })
  await page.setContent(
    `<html><body style="margin:0;background:transparent"><svg xmlns="http://www.w3.org/2000/svg" width="160" height="160" viewBox="0 0 160 160">${EMPTY_STATE}</svg></body></html>`,
  )
  await page.screenshot({ path: path.join(out, '..', 'empty.png'), omitBackground: true })
  await browser.close()
}

void main()
