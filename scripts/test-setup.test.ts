import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { plan, type Machine } from './test-setup'

const ROOT = path.resolve(__dirname, '..')

const ready: Machine = {
  chromiumPath: '/usr/bin/chromium',
  chromiumPathIsCustom: false,
  hasChromium: true,
  hasCjkFont: true,
  hasApt: true,
  isRoot: false,
  hasSudo: false,
}

describe('what npm test does before its first build', () => {
  test('nothing when Chromium and a CJK font are there', () => {
    expect(plan(ready)).toEqual({ kind: 'ready' })
  })

  test('installs what is missing with apt-get, as root or with sudo', () => {
    expect(plan({ ...ready, hasChromium: false, isRoot: true })).toEqual({ kind: 'install', missing: ['Chromium'], asRoot: true })
    expect(plan({ ...ready, hasCjkFont: false, hasSudo: true })).toEqual({ kind: 'install', missing: ['a CJK font'], asRoot: false })
  })

  test('stops with the command to run when it may not install', () => {
    for (const machine of [
      { ...ready, hasChromium: false, hasCjkFont: false }, // no root, no sudo
      { ...ready, hasChromium: false, isRoot: true, hasApt: false }, // not Debian-like
    ]) {
      const decided = plan(machine)
      expect(decided.kind).toBe('stop')
      expect(decided.kind === 'stop' && decided.sentence).toContain('sudo apt-get install -y chromium fonts-noto-cjk')
    }
  })

  test('a CHROMIUM_PATH that does not exist is named, not papered over with Debian’s Chromium', () => {
    const decided = plan({ ...ready, chromiumPath: '/opt/none/chrome', chromiumPathIsCustom: true, hasChromium: false, isRoot: true })
    expect(decided.kind).toBe('stop')
    expect(decided.kind === 'stop' && decided.sentence).toContain('CHROMIUM_PATH=/opt/none/chrome does not exist')
  })

  test('npm test with a missing CHROMIUM_PATH and no way to install exits within seconds, before any build', () => {
    // A PATH with node, npm and the shell npm runs scripts in: no apt-get, no sudo, no fc-list.
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'no-apt-'))
    fs.symlinkSync('/bin/sh', path.join(bin, 'sh'))
    fs.symlinkSync(process.execPath, path.join(bin, 'node'))
    fs.symlinkSync(fs.realpathSync(path.join(path.dirname(process.execPath), 'npm')), path.join(bin, 'npm'))
    const missing = path.join(bin, 'chromium')
    const builtBefore = fs.existsSync(path.join(ROOT, 'dist')) ? fs.statSync(path.join(ROOT, 'dist')).mtimeMs : null

    const started = Date.now()
    const run = spawnSync(path.join(bin, 'npm'), ['test'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, PATH: bin, CHROMIUM_PATH: missing },
    })
    const seconds = (Date.now() - started) / 1000

    expect(run.status).not.toBe(0)
    expect(seconds).toBeLessThan(30)
    expect(run.stderr).toContain(`npm test needs Chromium and a CJK font for its browser tests, and CHROMIUM_PATH=${missing} does not exist`)
    // Nothing after the set-up step ran: no type check, no jest, no build.
    expect(run.stdout).not.toMatch(/tsc --noEmit|jest|taro build/)
    const builtAfter = fs.existsSync(path.join(ROOT, 'dist')) ? fs.statSync(path.join(ROOT, 'dist')).mtimeMs : null
    expect(builtAfter).toBe(builtBefore)
    fs.rmSync(bin, { recursive: true, force: true })
  }, 60_000)
})
