import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { wgs84ToGcj02, type LatLng } from '@/domain/geo'
import { startLocalCloud, type LocalCloud } from '../../localcloud/server'
import { TEST_DB_LATENCY } from '../../localcloud/testing'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser'

const ROOT = path.resolve(__dirname, '..', '..')
export const SCREENSHOT_DIR = path.join(ROOT, 'tests', 'e2e', 'screenshots')

export type E2E = {
  cloud: LocalCloud
  browser: Browser
  /** A phone-sized page (390×844, zh-CN) acting as `openid`, collecting console errors. */
  open(openid: string, options?: { geolocation?: { latitude: number; longitude: number }; timezoneId?: string }): Promise<{ page: Page; errors: string[] }>
  close(): Promise<void>
}

/** The H5 build served by a fresh local cloud (own data folder, free port) and Debian's Chromium; `tempUrlMaxAgeS` shortens file links (TEMP_URL_MAX_AGE_S). */
export async function startE2E(options: { tempUrlMaxAgeS?: number } = {}): Promise<E2E> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'boai-e2e-'))
  const cloud = await startLocalCloud({ dataDir, port: 0, staticDir: path.join(ROOT, 'dist', 'h5'), functionsFrom: 'dist', dbLatencyMs: TEST_DB_LATENCY, tempUrlMaxAgeS: options.tempUrlMaxAgeS })
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  return {
    cloud,
    browser,
    async open(openid, options = {}) {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        locale: 'zh-CN',
        deviceScaleFactor: 2,
        hasTouch: true,
        ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
        ...(options.geolocation ? { geolocation: options.geolocation, permissions: ['geolocation'] } : {}),
      })
      // The starting identity; the in-app switcher may change it later (Taro's storage format).
      await context.addInitScript((id) => {
        if (!localStorage.getItem('boai.dev.openid')) localStorage.setItem('boai.dev.openid', JSON.stringify({ data: id }))
      }, openid)
      const page = await context.newPage()
      const errors: string[] = []
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text())
      })
      page.on('pageerror', (error) => errors.push(error.message))
      return { page, errors }
    },
    async close() {
      await browser.close()
      await cloud.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })

/** Small helpers for Taro H5 + NutUI pages. */
export const ui = {
  /** Types into the NutUI Input marked `data-testid`. */
  fill: (page: Page, testId: string, text: string) => page.locator(`[data-testid="${testId}"] input, [data-testid="${testId}"] textarea`).first().fill(text),
  /** Taps a NutUI Button by its label (its children do not take pointer events). */
  button: (page: Page, label: string) => page.locator('.nut-button', { hasText: label }).last().click(),
  /** Taps one choice of a ChoiceGroup. */
  choose: (page: Page, testId: string, label: string) => page.locator(`[data-testid="${testId}"] [role]`, { hasText: label }).first().click(),
  /** Taps a choice and waits until it shows as chosen. */
  pick: async (page: Page, testId: string, label: string) => {
    const option = page.locator(`[data-testid="${testId}"] [role]`, { hasText: label }).first()
    await option.click()
    await page.locator(`[data-testid="${testId}"] [role][aria-checked="true"]`, { hasText: label }).first().waitFor()
  },
  /** Taps a Taro H5 modal's button (Taro.showModal). */
  modal: (page: Page, label: string) => page.locator('.taro-modal__foot div', { hasText: label }).click(),
}

/** The browser's WGS-84 position that the app turns into this GCJ-02 point (inverse by iteration). */
export function browserPositionAt(target: LatLng): LatLng {
  let guess = target
  for (let i = 0; i < 5; i++) {
    const shifted = wgs84ToGcj02(guess)
    guess = { latitude: guess.latitude - (shifted.latitude - target.latitude), longitude: guess.longitude - (shifted.longitude - target.longitude) }
  }
  return guess
}
