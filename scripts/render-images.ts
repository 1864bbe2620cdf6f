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
  bleeding: `<path d="M120 220 C200 170 400 170 480 220 L480 300 C400 260 200 260 120 300 Z" fill="#fde8d8" stroke="#8c6e5d" stroke-width="4"/><rect x="250" y="200" width="110" height="70" rx="10" fill="#ffffff" stroke="#8c6e5d" stroke-width="4"/><path d="M305 110 L305 185" stroke="#c8102e" stroke-width="10" marker-end="url(#arrow)"/>${LABEL(330, 140, '用力按压')}${LABEL(330, 175, '至少10分钟')}${LABEL(120, 350, '敷料浸透不要揭掉，再加一层继续压')}`,
  fracture: `<rect x="100" y="190" width="400" height="40" rx="20" fill="#fde8d8" stroke="#8c6e5d" stroke-width="4"/><rect x="100" y="160" width="400" height="18" fill="#d6b38a" stroke="#8c6e5d" stroke-width="3"/><rect x="100" y="242" width="400" height="18" fill="#d6b38a" stroke="#8c6e5d" stroke-width="3"/>${[150, 300, 450].map((x) => `<rect x="${x - 10}" y="150" width="20" height="120" fill="#ffffff" stroke="#8c6e5d" stroke-width="3"/>`).join('')}<path d="M290 195 L310 225" stroke="#c8102e" stroke-width="6"/>${LABEL(130, 110, '夹板长度超过上下两个关节')}${LABEL(170, 320, '不要复位，原位固定后送医')}`,
  burns: `<path d="M250 60 L250 150" stroke="#1677ff" stroke-width="8" stroke-dasharray="14 10"/><rect x="200" y="40" width="100" height="30" rx="8" fill="#8c8c8c"/><path d="M120 200 C200 160 400 160 480 200 L480 280 C400 250 200 250 120 280 Z" fill="#fde8d8" stroke="#8c6e5d" stroke-width="4"/><ellipse cx="260" cy="215" rx="50" ry="22" fill="#ff9c6e" opacity="0.7"/>${LABEL(320, 110, '流动凉水冲20分钟')}${LABEL(320, 145, '最少10分钟')}${LABEL(110, 340, '不涂牙膏酱油，不挑破水疱')}`,
  heatstroke: `<circle cx="90" cy="90" r="40" fill="#ffd666"/><rect x="230" y="120" width="260" height="200" rx="20" fill="#e6f4ff" stroke="#8c6e5d" stroke-width="4"/><circle cx="300" cy="200" r="30" fill="#fde8d8" stroke="#8c6e5d" stroke-width="4"/><rect x="330" y="185" width="130" height="30" rx="14" fill="#fde8d8" stroke="#8c6e5d" stroke-width="4"/><path d="M140 140 L220 190" stroke="#c8102e" stroke-width="8" marker-end="url(#arrow)"/>${LABEL(250, 110, '神志改变：立即拨打120')}${LABEL(200, 360, '颈部以下浸入冷水，马上降温')}`,
  drowning: `<path d="M0 260 C60 240 120 280 180 260 C240 240 300 280 360 260 C420 240 480 280 600 260 L600 400 L0 400 Z" fill="#91caff"/><circle cx="420" cy="250" r="22" fill="#fde8d8" stroke="#8c6e5d" stroke-width="4"/><circle cx="420" cy="285" r="34" fill="none" stroke="#fa541c" stroke-width="12"/><rect x="60" y="170" width="90" height="90" fill="#d6b38a"/><circle cx="105" cy="140" r="22" fill="#fde8d8" stroke="#8c6e5d" stroke-width="4"/><path d="M120 150 Q260 60 395 255" fill="none" stroke="#8c6e5d" stroke-width="3" stroke-dasharray="8 6"/>${LABEL(170, 70, '不会游泳不下水：叫、伸、抛、划')}`,
  psychological: `<circle cx="210" cy="120" r="40" fill="#fde8d8" stroke="#8c6e5d" stroke-width="4"/><path d="M160 170 L260 170 L280 330 L140 330 Z" fill="#fff1f0" stroke="#8c6e5d" stroke-width="4"/><circle cx="390" cy="130" r="40" fill="#fde8d8" stroke="#8c6e5d" stroke-width="4"/><path d="M340 180 L440 180 L460 330 L320 330 Z" fill="#e6f4ff" stroke="#8c6e5d" stroke-width="4"/>${LABEL(230, 380, '看 · 听 · 连接')}`,
  stroke: `<circle cx="300" cy="150" r="95" fill="#fde8d8" stroke="#8c6e5d" stroke-width="4"/><circle cx="265" cy="125" r="9" fill="#595959"/><circle cx="335" cy="125" r="9" fill="#595959"/><path d="M255 195 Q290 190 345 215" fill="none" stroke="#c8102e" stroke-width="6" stroke-linecap="round"/><path d="M120 300 L250 300" stroke="#8c6e5d" stroke-width="18" stroke-linecap="round"/><path d="M350 300 L470 330" stroke="#8c6e5d" stroke-width="18" stroke-linecap="round"/>${LABEL(20, 60, '1 看脸：口角歪')}${LABEL(20, 360, '2 查手臂：一侧抬不起')}${LABEL(400, 60, '0 听说话')}${LABEL(400, 390, '立即拨打120')}`,
  'chest-pain': `${TORSO}<path d="M300 150 L315 185 L350 190 L322 212 L330 248 L300 228 L270 248 L278 212 L250 190 L285 185 Z" fill="#c8102e" opacity="0.8"/><path d="M360 200 C420 220 450 260 460 330" fill="none" stroke="#c8102e" stroke-width="6" stroke-dasharray="10 8"/>${LABEL(20, 110, '胸口压榨样疼痛')}${LABEL(20, 370, '立即拨打120')}${LABEL(330, 370, '嚼服阿司匹林')}`,
  seizure: `<rect x="60" y="240" width="480" height="16" fill="#d9d9d9"/><circle cx="130" cy="205" r="32" fill="#fde8d8" stroke="#8c6e5d" stroke-width="4"/><ellipse cx="130" cy="245" rx="55" ry="12" fill="#ffd666" stroke="#8c6e5d" stroke-width="3"/><path d="M165 215 L420 215" stroke="#8c6e5d" stroke-width="30" stroke-linecap="round"/><circle cx="480" cy="120" r="45" fill="#ffffff" stroke="#8c6e5d" stroke-width="4"/><path d="M480 120 L480 88 M480 120 L505 132" stroke="#c8102e" stroke-width="5" stroke-linecap="round"/>${LABEL(40, 60, '头下垫软物，移开硬物')}${LABEL(40, 320, '不掐人中，不往嘴里塞东西')}${LABEL(40, 360, '记下时间，超过5分钟拨打120')}`,
  hypoglycemia: `<rect x="90" y="120" width="110" height="200" rx="16" fill="#e6f4ff" stroke="#8c6e5d" stroke-width="4"/><rect x="110" y="90" width="70" height="34" rx="6" fill="#ff9c6e"/><rect x="260" y="200" width="60" height="60" rx="10" fill="#ffffff" stroke="#8c6e5d" stroke-width="4"/><rect x="340" y="200" width="60" height="60" rx="10" fill="#ffffff" stroke="#8c6e5d" stroke-width="4"/><rect x="420" y="200" width="60" height="60" rx="10" fill="#ffffff" stroke="#8c6e5d" stroke-width="4"/>${LABEL(250, 150, '葡萄糖片、含糖饮料')}${LABEL(60, 370, '能吞咽就给糖；不能吞咽不喂，拨打120')}`,
  'infant-cpr': `<circle cx="300" cy="52" r="42" fill="#fde8d8" stroke="#8c6e5d" stroke-width="4"/><path d="M235 95 C195 105 185 150 185 200 L185 330 L415 330 L415 200 C415 150 405 105 365 95 Z" fill="#fde8d8" stroke="#8c6e5d" stroke-width="4"/><line x1="255" y1="165" x2="345" y2="165" stroke="#c9a18a" stroke-width="4" stroke-dasharray="8 8"/><circle cx="255" cy="165" r="6" fill="#c9a18a"/><circle cx="345" cy="165" r="6" fill="#c9a18a"/><path d="M190 185 C150 205 150 285 200 305" fill="none" stroke="#e8b48f" stroke-width="30" stroke-linecap="round"/><path d="M410 185 C450 205 450 285 400 305" fill="none" stroke="#e8b48f" stroke-width="30" stroke-linecap="round"/><ellipse cx="288" cy="200" rx="11" ry="24" fill="#f4c7a1" stroke="#8c6e5d" stroke-width="3"/><ellipse cx="312" cy="200" rx="11" ry="24" fill="#f4c7a1" stroke="#8c6e5d" stroke-width="3"/>${LABEL(20, 120, '双拇指环抱法')}${LABEL(440, 160, '两乳头连线')}${LABEL(440, 195, '中点稍下方')}${LABEL(90, 380, '也可用一只手的掌根；深约4厘米')}`,
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
