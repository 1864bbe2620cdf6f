import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'

/**
 * First step of `npm test`: the browser journeys need a Chromium and a CJK font (without one,
 * every Chinese character in a screenshot is a box). When either is missing, this installs
 * Debian's packages the way a person would (as root, or with sudo) and says why; when it cannot,
 * it stops before any build with one sentence naming the command to run.
 */

export const DEFAULT_CHROMIUM = '/usr/bin/chromium'
export const PACKAGES = ['chromium', 'fonts-noto-cjk'] as const
const INSTALL_COMMAND = `sudo apt-get install -y ${PACKAGES.join(' ')}`

export type Machine = {
  /** `CHROMIUM_PATH` when set (the browser tests use it), else Debian's path. */
  chromiumPath: string
  chromiumPathIsCustom: boolean
  hasChromium: boolean
  hasCjkFont: boolean
  hasApt: boolean
  isRoot: boolean
  /** `sudo` runs without asking for a password. */
  hasSudo: boolean
}

export type Plan =
  | { kind: 'ready' }
  | { kind: 'install'; missing: string[]; asRoot: boolean }
  | { kind: 'stop'; sentence: string }

/** What to do on this machine; pure, so every branch is tested without touching the system. */
export function plan(machine: Machine): Plan {
  const missing: string[] = []
  if (!machine.hasChromium) missing.push('Chromium')
  if (!machine.hasCjkFont) missing.push('a CJK font')
  if (missing.length === 0) return { kind: 'ready' }
  const what = missing.join(' and ')
  // An explicit CHROMIUM_PATH is the person's choice: installing Debian's would not put a browser there.
  if (!machine.hasChromium && machine.chromiumPathIsCustom) {
    return {
      kind: 'stop',
      sentence: `npm test needs ${what} for its browser tests, and CHROMIUM_PATH=${machine.chromiumPath} does not exist: point CHROMIUM_PATH at a Chromium, or unset it and run \`${INSTALL_COMMAND}\`.`,
    }
  }
  if (machine.hasApt && (machine.isRoot || machine.hasSudo)) return { kind: 'install', missing, asRoot: machine.isRoot }
  return { kind: 'stop', sentence: `npm test needs ${what} for its browser tests: run \`${INSTALL_COMMAND}\` (Debian or Ubuntu) and try again.` }
}

function succeeds(command: string, args: string[]): boolean {
  const run = spawnSync(command, args, { stdio: 'ignore', timeout: 10_000 })
  return run.status === 0
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK)
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}

function hasCjkFont(): boolean {
  const fonts = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8', timeout: 10_000 })
  return fonts.status === 0 && fonts.stdout.trim().length > 0
}

export function inspectMachine(env: NodeJS.ProcessEnv = process.env): Machine {
  const chromiumPath = env.CHROMIUM_PATH || DEFAULT_CHROMIUM
  const isRoot = process.getuid?.() === 0
  return {
    chromiumPath,
    chromiumPathIsCustom: Boolean(env.CHROMIUM_PATH) && env.CHROMIUM_PATH !== DEFAULT_CHROMIUM,
    hasChromium: isExecutable(chromiumPath),
    hasCjkFont: hasCjkFont(),
    hasApt: succeeds('apt-get', ['--version']),
    isRoot,
    hasSudo: !isRoot && succeeds('sudo', ['-n', 'true']),
  }
}

function install(asRoot: boolean): boolean {
  const run = (args: string[]) => {
    const [command, ...rest] = asRoot ? args : ['sudo', ...args]
    return spawnSync(command, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0
  }
  return run(['apt-get', 'update', '-qq']) && run(['apt-get', 'install', '-y', '-qq', ...PACKAGES])
}

function main(): number {
  const decided = plan(inspectMachine())
  if (decided.kind === 'ready') return 0
  if (decided.kind === 'stop') {
    console.error(decided.sentence)
    return 1
  }
  console.log(
    `npm test: installing ${PACKAGES.join(' and ')} with apt-get${decided.asRoot ? '' : ' (sudo)'}, because ${decided.missing.join(' and ')} ` +
      'is missing: the browser tests run the app in Debian\'s Chromium, and its screenshots need a CJK font to show Chinese.',
  )
  if (install(decided.asRoot) && plan(inspectMachine()).kind === 'ready') return 0
  console.error(`npm test could not install ${PACKAGES.join(' and ')}: run \`${INSTALL_COMMAND}\` and try again.`)
  return 1
}

if (createRequire(__filename).main === module) process.exit(main())
