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

/** Lesson illustrations (600×400), shipped in the lessons subpackage; nothing is fetched at run time. */
const TORSO = '<path d="M210 40 C150 60 130 120 130 200 L130 380 L470 380 L470 200 C470 120 450 60 390 40 Z" fill="#fde8d8" stroke="#8c6e5d" stroke-width="4"/><circle cx="300" cy="30" r="0" />'
const LABEL = (x: number, y: number, text: string) => `<text x="${x}" y="${y}" font-size="26" font-family="Noto Sans CJK SC, sans-serif" fill="#1f1f1f">${text}</text>`
const ILLUSTRATIONS: Record<string, string> = {
  'cpr-hands': `${TORSO}<line x1="300" y1="60" x2="300" y2="300" stroke="#c9a18a" stroke-width="4" stroke-dasharray="8 8"/><ellipse cx="300" cy="220" rx="70" ry="40" fill="#f4c7a1" stroke="#8c6e5d" stroke-width="4"/><ellipse cx="300" cy="212" rx="55" ry="28" fill="#f8d9bf" stroke="#8c6e5d" stroke-width="3"/><path d="M300 120 L300 170" stroke="#c8102e" stroke-width="10" marker-end="url(#arrow)"/>${LABEL(380, 215, '胸部正中')}${LABEL(380, 250, '胸骨下半段')}${LABEL(40, 120, '垂直下压')}${LABEL(40, 155, '5–6厘米')}`,
  'aed-pads': `${TORSO}<rect x="170" y="90" width="90" height="60" rx="8" fill="#ffd666" stroke="#8c6e5d" stroke-width="3"/><rect x="360" y="210" width="60" height="100" rx="8" fill="#ffd666" stroke="#8c6e5d" stroke-width="3" transform="rotate(-15 390 260)"/>${LABEL(20, 110, '右锁骨下方')}${LABEL(440, 330, '左侧腋中线')}`,
  heimlich: `<circle cx="300" cy="70" r="45" fill="#fde8d8" stroke="#8c6e5d" stroke-width="4"/><path d="M230 120 L370 120 L390 380 L210 380 Z" fill="#e6f4ff" stroke="#8c6e5d" stroke-width="4"/><circle cx="300" cy="290" r="8" fill="#8c6e5d"/><circle cx="300" cy="245" r="26" fill="#f4c7a1" stroke="#8c6e5d" stroke-width="4"/><path d="M300 245 L260 205" stroke="#c8102e" stroke-width="8"/>${LABEL(340, 300, '肚脐')}${LABEL(340, 250, '拳眼在肚脐上方两横指')}${LABEL(60, 190, '向内、向上冲击')}`,
}

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
  const lessons = path.resolve(__dirname, '..', 'src', 'packages', 'lessons', 'assets')
  fs.mkdirSync(lessons, { recursive: true })
  await page.setViewportSize({ width: 600, height: 400 })
  for (const [name, drawing] of Object.entries(ILLUSTRATIONS)) {
    await page.setContent(
      `<html><body style="margin:0;background:#fff"><svg xmlns="http://www.w3.org/2000/svg" width="600" height="400" viewBox="0 0 600 400"><defs><marker id="arrow" markerWidth="6" markerHeight="6" refX="3" refY="3" orient="auto"><path d="M0 0 L6 3 L0 6 Z" fill="#c8102e"/></marker></defs>${drawing}</svg></body></html>`,
    )
    await page.screenshot({ path: path.join(lessons, `${name}.png`) })
  }
  await browser.close()
}

void main()
