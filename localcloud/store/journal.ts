import fs from 'node:fs'
import path from 'node:path'
import { EJSON } from 'bson'
import type { Doc } from './types'

/** One acknowledged write: documents put (whole) or removed, applied all or nothing. */
export type Change = { c: string; put?: Doc[]; del?: string[] }

const FILE = 'store.ndjson'
const BOM = Buffer.from([0xef, 0xbb, 0xbf])
const NEWLINE = Buffer.from('\n')

/**
 * A line other than a torn tail cannot be read. Opening stops rather than drop it (and every
 * acknowledged write after it); nothing on disk has been changed.
 */
export class JournalDamagedError extends Error {
  constructor(
    readonly file: string,
    /** 1-based number of the first damaged line. */
    readonly line: number,
    readonly damagedLines: number,
    reason: string,
    dir: string,
  ) {
    const more = damagedLines > 1 ? `，共 ${damagedLines} 行损坏` : ''
    const moreEn = damagedLines > 1 ? ` (${damagedLines} damaged lines in all)` : ''
    super(
      `数据日志已损坏：${file} 第 ${line} 行无法读取${more}，未做任何改动。` +
        `（The journal is damaged: line ${line} of ${file} is ${reason}${moreEn}; nothing was changed.）\n` +
        `修复请运行（to repair, run）：npm run repair -- ${quoteArg(dir)}`,
    )
    this.name = 'JournalDamagedError'
  }
}

/** What `Journal.repair` did. */
export type RepairReport = {
  file: string
  /** Intact records written back, in their order. */
  kept: number
  /** Lines moved aside, by their original 1-based number. */
  moved: Array<{ line: number; reason: string }>
  /** Where the moved lines are, or null when nothing had to move. */
  damagedFile: string | null
}

/**
 * Append-only journal of changes, one JSON line per acknowledged write. A line is written in full
 * before the write is acknowledged, so it survives the process being killed; a torn last line
 * (killed mid-write, never acknowledged) is dropped on open. Any other unreadable line stops the
 * open (`JournalDamagedError`) and is left for `Journal.repair`. Compaction rewrites the live
 * documents into a new file and renames it over the old one, so the file on disk is always either
 * the old or the new complete journal.
 */
export class Journal {
  private fd: number
  /** Bytes of whole lines in the file: where a failed append is cut back to. */
  private size: number
  private linesSinceCompaction = 0

  private constructor(
    private readonly file: string,
    fd: number,
    lines: number,
  ) {
    this.fd = fd
    this.size = fs.fstatSync(fd).size
    this.linesSinceCompaction = lines
  }

  static open(dir: string, apply: (change: Change) => void): Journal {
    fs.mkdirSync(dir, { recursive: true })
    const file = path.join(dir, FILE)
    let lines = 0
    if (fs.existsSync(file)) {
      const scan = scanJournal(fs.readFileSync(file))
      const [first] = scan.damaged
      if (first) throw new JournalDamagedError(file, first.line, scan.damaged.length, first.reason, dir)
      // Applied only once the whole file is known good, so a refused open leaves no half store.
      for (const record of scan.records) apply(record.change)
      lines = scan.records.length
      if (scan.torn) fs.truncateSync(file, scan.torn.offset)
      else if (!scan.endsWithNewline) fs.appendFileSync(file, '\n')
    }
    return new Journal(file, fs.openSync(file, 'a'), lines)
  }

  /**
   * Keeps every intact record (in order), moves every unreadable line (a torn tail too) into
   * `store.damaged-<time>.ndjson` beside the journal with its original line number, and replaces
   * the journal atomically. Refuses while a live process holds the data folder.
   */
  static repair(dir: string): RepairReport {
    const file = path.join(dir, FILE)
    if (!fs.existsSync(file)) return { file, kept: 0, moved: [], damagedFile: null }
    // A running local cloud would go on appending to the file this replaces.
    const lock = acquireLock(dir)
    try {
      const scan = scanJournal(fs.readFileSync(file))
      const bad = scan.torn ? [...scan.damaged, scan.torn] : scan.damaged
      const report: RepairReport = { file, kept: scan.records.length, moved: bad.map(({ line, reason }) => ({ line, reason })), damagedFile: null }
      if (bad.length === 0) return report
      report.damagedFile = path.join(dir, `store.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}.ndjson`)
      // The damaged lines are safe on disk before the journal stops holding them.
      writeDurably(
        report.damagedFile,
        bad.map(({ line, reason, bytes }) => {
          const text = bytes.toString('utf8')
          // Bytes that are not UTF-8 do not survive as text: keep them exactly as well.
          const raw = Buffer.from(text, 'utf8').equals(bytes) ? {} : { base64: bytes.toString('base64') }
          return Buffer.from(`${JSON.stringify({ line, reason, text, ...raw })}\n`)
        }),
        'wx',
      )
      const tmp = `${file}.tmp`
      writeDurably(tmp, scan.records.flatMap(({ bytes }) => [bytes, NEWLINE]), 'w')
      fs.renameSync(tmp, file)
      fsyncDir(dir)
      return report
    } finally {
      fs.rmSync(lock, { force: true })
    }
  }

  append(change: Change): void {
    const bytes = Buffer.from(`${EJSON.stringify(change, { relaxed: false })}\n`)
    try {
      writeAll(this.fd, bytes)
    } catch (error) {
      // A partial line (disk full) would glue onto the next append and damage the journal.
      fs.ftruncateSync(this.fd, this.size)
      throw error
    }
    this.size += bytes.length
    this.linesSinceCompaction += 1
  }

  get lines(): number {
    return this.linesSinceCompaction
  }

  /** Replaces the journal with one line per collection chunk of the live documents. */
  compact(snapshot: Iterable<Change>): void {
    const tmp = `${this.file}.tmp`
    const fd = fs.openSync(tmp, 'w')
    let lines = 0
    for (const change of snapshot) {
      writeAll(fd, Buffer.from(`${EJSON.stringify(change, { relaxed: false })}\n`))
      lines += 1
    }
    fs.fsyncSync(fd)
    fs.closeSync(fd)
    fs.closeSync(this.fd)
    fs.renameSync(tmp, this.file)
    this.fd = fs.openSync(this.file, 'a')
    this.size = fs.fstatSync(this.fd).size
    this.linesSinceCompaction = lines
  }

  close(): void {
    fs.fsyncSync(this.fd)
    fs.closeSync(this.fd)
  }
}

/** One process per data folder: a second one would interleave journal lines. */
export function acquireLock(dir: string): string {
  fs.mkdirSync(dir, { recursive: true })
  const lockFile = path.join(dir, 'store.lock')
  if (fs.existsSync(lockFile)) {
    const pid = Number(fs.readFileSync(lockFile, 'utf8'))
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(`数据目录 ${dir} 正被进程 ${pid} 使用（another local cloud is running on this data folder）`)
    }
  }
  fs.writeFileSync(lockFile, String(process.pid))
  return lockFile
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

type Line = { line: number; bytes: Buffer }
type Scan = {
  records: Array<Line & { change: Change }>
  damaged: Array<Line & { reason: string }>
  /** The unreadable last line without a newline: a write killed mid-way, never acknowledged. */
  torn: (Line & { reason: string; offset: number }) | null
  endsWithNewline: boolean
}

/** Reads the journal by bytes, so offsets stay exact whatever a damaged line holds. */
function scanJournal(data: Buffer): Scan {
  const scan: Scan = { records: [], damaged: [], torn: null, endsWithNewline: true }
  // Editors may add a BOM or CRLF line ends; neither is damage.
  let offset = data.subarray(0, BOM.length).equals(BOM) ? BOM.length : 0
  const decoder = new TextDecoder('utf-8', { fatal: true })
  for (let line = 1; offset < data.length; line++) {
    const newline = data.indexOf(0x0a, offset)
    const end = newline === -1 ? data.length : newline
    const bytes = data[end - 1] === 0x0d && end > offset ? data.subarray(offset, end - 1) : data.subarray(offset, end)
    const read = readLine(bytes, decoder)
    if (read.kind === 'change') scan.records.push({ line, bytes, change: read.change })
    else if (read.kind === 'bad' && newline === -1 && !read.parses) scan.torn = { line, bytes, reason: read.reason, offset }
    else if (read.kind === 'bad') scan.damaged.push({ line, bytes, reason: read.reason })
    if (newline === -1) scan.endsWithNewline = false
    offset = end + 1
  }
  return scan
}

type LineRead = { kind: 'change'; change: Change } | { kind: 'blank' } | { kind: 'bad'; reason: string; parses: boolean }

function readLine(bytes: Buffer, decoder: TextDecoder): LineRead {
  let text: string
  try {
    text = decoder.decode(bytes)
  } catch {
    return { kind: 'bad', reason: 'not UTF-8 text', parses: false }
  }
  if (text.trim() === '') return { kind: 'blank' }
  let value: unknown
  try {
    value = EJSON.parse(text, { relaxed: true })
  } catch {
    return { kind: 'bad', reason: 'not JSON', parses: false }
  }
  return isChange(value) ? { kind: 'change', change: value } : { kind: 'bad', reason: 'not a change record', parses: true }
}

function isChange(value: unknown): value is Change {
  if (!isRecord(value)) return false
  const { c, put, del, ...rest } = value
  return (
    typeof c === 'string' &&
    c !== '' &&
    Object.keys(rest).length === 0 &&
    (put === undefined || (Array.isArray(put) && put.every((doc) => isRecord(doc) && typeof doc._id === 'string'))) &&
    (del === undefined || (Array.isArray(del) && del.every((id) => typeof id === 'string')))
  )
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
}

/** write(2) may write less than asked (disk full): go on until all is written or it fails. */
function writeAll(fd: number, bytes: Buffer): void {
  for (let done = 0; done < bytes.length; ) done += fs.writeSync(fd, bytes, done)
}

function writeDurably(file: string, chunks: Buffer[], flag: 'w' | 'wx'): void {
  const fd = fs.openSync(file, flag)
  try {
    for (const chunk of chunks) writeAll(fd, chunk)
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

/** Makes a rename durable. Windows cannot open a folder for fsync; there it is best effort. */
function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r')
    try {
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
  } catch {
    // best effort, see above
  }
}

/** The folder as one shell word, for a command the user copies. */
function quoteArg(arg: string): string {
  return /^[\w@%+=:,./\\-]+$/.test(arg) ? arg : `"${arg}"`
}
