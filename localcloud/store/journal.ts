import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { EJSON } from 'bson'
import type { Doc } from './types'

/** One acknowledged write: documents put (whole) or removed, applied all or nothing. */
export type Change = { c: string; put?: Doc[]; del?: string[] }

const FILE = 'store.ndjson'
/** Written once when a store is created in a folder: from then on the folder "has held data". */
const META = 'store.json'
const LOCK = 'store.lock'
const FORMAT = 2
/** The first line of every journal of this format (checksummed like every other line). */
const HEADER_PAYLOAD = JSON.stringify({ journal: 'boai-localcloud', format: FORMAT })
const BOM = Buffer.from([0xef, 0xbb, 0xbf])
const NEWLINE = Buffer.from('\n')

/**
 * Every line is `<checksum> <payload>`: the first 16 hex digits of the SHA-256 of the payload (the
 * canonical EJSON of one change). Any changed byte (inside a string, a digit, the checksum itself)
 * makes the line fail its check. SHA-256 from node:crypto rather than zlib.crc32, which Node has
 * only since 20.15 / 22.2.
 */
const checksum = (payload: string | Buffer): string => crypto.createHash('sha256').update(payload).digest('hex').slice(0, 16)
const encodeLine = (payload: string): Buffer => Buffer.from(`${checksum(payload)} ${payload}\n`)
const encodeChange = (change: Change): Buffer => encodeLine(EJSON.stringify(change, { relaxed: false }))

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

/**
 * The folder has held a store but its journal is gone or empty. Starting would silently begin
 * again from nothing (and re-seed the demo data over a store that had real data): refused.
 */
export class JournalMissingError extends Error {
  constructor(
    readonly dir: string,
    what: 'missing' | 'empty' | 'not a store',
  ) {
    const zh = what === 'not a store' ? `数据目录 ${dir} 不是空目录，也没有数据日志` : `数据目录 ${dir} 曾保存过数据，但数据日志 ${path.join(dir, FILE)} ${what === 'missing' ? '不存在' : '是空的'}`
    const en =
      what === 'not a store'
        ? `the data folder ${dir} is not empty and holds no store journal`
        : `the data folder ${dir} has held a store, but its journal ${FILE} is ${what}`
    super(
      `${zh}：拒绝启动，不会重新写入演示数据。（Refusing to start: ${en}; the demo data is seeded only into a new, empty folder.）\n` +
        `请从备份恢复 ${FILE}，或换一个新的空目录，或用 npm run seed -- --reset 清空并重新写入演示数据` +
        `（restore ${FILE} from a backup, point DATA_DIR at a new empty folder, or wipe it and start over with npm run seed -- --reset）。`,
    )
    this.name = 'JournalMissingError'
  }
}

/** A damaged line moved aside by `Journal.repair`, with the documents it named where still readable. */
export type MovedLine = { line: number; reason: string; collection: string | null; ids: string[] }

/** What `Journal.repair` did. */
export type RepairReport = {
  file: string
  /** Intact records written back, in their order. */
  kept: number
  /** Lines moved aside, by their original 1-based number. */
  moved: MovedLine[]
  /** Documents named by a moved line that the repaired journal no longer holds at all. */
  lost: Array<{ collection: string | null; id: string }>
  /** Documents named by a moved line that are still there, at an earlier version (or undeleted). */
  reverted: Array<{ collection: string | null; id: string }>
  /** Where the moved lines are, or null when nothing had to move. */
  damagedFile: string | null
}

/**
 * Append-only journal of changes, one checksummed line per acknowledged write, after a header
 * line. A line is written in full before the write is acknowledged, so it survives the process
 * being killed; a torn last line (killed mid-write, never acknowledged) is dropped on open. Any
 * other line that fails its checksum stops the open (`JournalDamagedError`) and is left for
 * `Journal.repair`. Compaction rewrites the live documents, one per line, into a new file and
 * renames it over the old one, so the file on disk is always either the old or the new complete
 * journal, and a damaged line never holds more than one document.
 *
 * A folder is new only when it is empty: then the journal is created and `store.json` marks the
 * folder as holding a store. A folder that holds anything but no journal, or a journal emptied
 * or without its header, refuses to open (`JournalMissingError`) instead of starting over.
 * A journal of the previous format (no checksums, no `store.json`) is read once by the old rules
 * and rewritten in this format.
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
    /** This open created the store in an empty folder (the only time seeding is allowed). */
    readonly fresh: boolean,
  ) {
    this.fd = fd
    this.size = fs.fstatSync(fd).size
    this.linesSinceCompaction = lines
  }

  static open(dir: string, apply: (change: Change) => void): Journal {
    fs.mkdirSync(dir, { recursive: true })
    const file = path.join(dir, FILE)
    if (!fs.existsSync(file)) {
      const others = fs.readdirSync(dir).filter((name) => name !== LOCK)
      if (others.length > 0) throw new JournalMissingError(dir, fs.existsSync(path.join(dir, META)) ? 'missing' : 'not a store')
      // Journal (with its header) first, then the marker: a crash between leaves a valid journal.
      writeDurably(file, [encodeLine(HEADER_PAYLOAD)], 'wx')
      writeMeta(dir)
      return new Journal(file, fs.openSync(file, 'a'), 0, true)
    }
    const scan = scanJournal(fs.readFileSync(file), fs.existsSync(path.join(dir, META)))
    if (scan.kind === 'empty') throw new JournalMissingError(dir, 'empty')
    const [first] = scan.damaged
    if (first) throw new JournalDamagedError(file, first.line, scan.damaged.length, first.reason, dir)
    // Applied only once the whole file is known good, so a refused open leaves no half store.
    for (const record of scan.records) apply(record.change)
    if (scan.kind === 'legacy') {
      // The previous format, read by its own rules: rewritten once with checksums.
      replaceJournal(dir, scan.records.map(({ change }) => encodeChange(change)))
    } else if (scan.torn) fs.truncateSync(file, scan.torn.offset)
    else if (!scan.endsWithNewline) fs.appendFileSync(file, '\n')
    if (!fs.existsSync(path.join(dir, META))) writeMeta(dir)
    return new Journal(file, fs.openSync(file, 'a'), scan.records.length, false)
  }

  /**
   * Keeps every intact record (in order), moves every damaged line (a torn tail too) into
   * `store.damaged-<time>.ndjson` beside the journal with its original line number, names the
   * documents each moved line held where they can still be read, and replaces the journal
   * atomically. Refuses while a live process holds the data folder.
   */
  static repair(dir: string): RepairReport {
    const file = path.join(dir, FILE)
    const report: RepairReport = { file, kept: 0, moved: [], lost: [], reverted: [], damagedFile: null }
    if (!fs.existsSync(file)) return report
    // A running local cloud would go on appending to the file this replaces.
    const lock = acquireLock(dir)
    try {
      const scan = scanJournal(fs.readFileSync(file), fs.existsSync(path.join(dir, META)))
      if (scan.kind === 'empty') throw new JournalMissingError(dir, 'empty')
      const bad = scan.torn ? [...scan.damaged, scan.torn] : scan.damaged
      report.kept = scan.records.length
      report.moved = bad.map(({ line, reason, bytes }) => ({ line, reason, ...namedIn(bytes) }))
      if (bad.length === 0 && scan.kind === 'current') return report
      const held = new Map<string, Set<string>>()
      for (const { change } of scan.records) {
        const ids = held.get(change.c) ?? new Set<string>()
        held.set(change.c, ids)
        for (const doc of change.put ?? []) ids.add(doc._id)
        for (const id of change.del ?? []) ids.delete(id)
      }
      for (const { collection, ids } of report.moved) {
        for (const id of ids) {
          const present = collection === null ? [...held.values()].some((set) => set.has(id)) : !!held.get(collection)?.has(id)
          ;(present ? report.reverted : report.lost).push({ collection, id })
        }
      }
      if (bad.length > 0) {
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
      }
      replaceJournal(
        dir,
        scan.records.map(({ bytes, change }) => (scan.kind === 'current' ? Buffer.concat([bytes, NEWLINE]) : encodeChange(change))),
      )
      if (!fs.existsSync(path.join(dir, META))) writeMeta(dir)
      return report
    } finally {
      fs.rmSync(lock, { force: true })
    }
  }

  /**
   * An empty journal in place of whatever the folder holds (`npm run seed -- --reset` on a folder
   * refused for a missing or emptied journal): the explicit way to start over there.
   */
  static startOver(dir: string): void {
    const lock = acquireLock(dir)
    try {
      replaceJournal(dir, [])
      if (!fs.existsSync(path.join(dir, META))) writeMeta(dir)
    } finally {
      fs.rmSync(lock, { force: true })
    }
  }

  append(change: Change): void {
    const bytes = encodeChange(change)
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

  /** Replaces the journal with the header and one line per change of `snapshot`. */
  compact(snapshot: Iterable<Change>): void {
    const tmp = `${this.file}.tmp`
    const fd = fs.openSync(tmp, 'w')
    let lines = 0
    writeAll(fd, encodeLine(HEADER_PAYLOAD))
    for (const change of snapshot) {
      writeAll(fd, encodeChange(change))
      lines += 1
    }
    fs.fsyncSync(fd)
    fs.closeSync(fd)
    fs.closeSync(this.fd)
    fs.renameSync(tmp, this.file)
    fsyncDir(path.dirname(this.file))
    this.fd = fs.openSync(this.file, 'a')
    this.size = fs.fstatSync(this.fd).size
    this.linesSinceCompaction = lines
  }

  close(): void {
    fs.fsyncSync(this.fd)
    fs.closeSync(this.fd)
  }
}

/**
 * One process per data folder: a second one would interleave journal lines. The lock names the
 * holder's pid and, on Linux, its start time (/proc/<pid>/stat) and boot id, so a lock left by a
 * process killed with kill -9 is taken over at once even when its pid is a zombie not yet reaped
 * or has been reused by another process. Elsewhere only the pid is checked: a reused pid keeps
 * the folder refused (safe) until the lock file is removed.
 */
export function acquireLock(dir: string): string {
  fs.mkdirSync(dir, { recursive: true })
  const lockFile = path.join(dir, LOCK)
  if (fs.existsSync(lockFile)) {
    const holder = parseLock(fs.readFileSync(lockFile, 'utf8'))
    if (holder && holder.pid !== process.pid && isRunning(holder)) {
      throw new Error(`数据目录 ${dir} 正被进程 ${holder.pid} 使用（another local cloud is running on this data folder）`)
    }
  }
  const self = processIdentity(process.pid)
  fs.writeFileSync(lockFile, JSON.stringify({ pid: process.pid, ...self }))
  return lockFile
}

type LockHolder = { pid: number; startTime?: string; bootId?: string }

/** The lock's content: JSON of this version, or a bare pid (previous version). */
function parseLock(text: string): LockHolder | null {
  if (/^\s*\d+\s*$/.test(text)) return { pid: Number(text) }
  try {
    const value = JSON.parse(text) as Partial<LockHolder>
    return typeof value.pid === 'number' ? { pid: value.pid, startTime: value.startTime, bootId: value.bootId } : null
  } catch {
    return null
  }
}

/** Start time (clock ticks since boot) and boot id of a process, where the system tells them. */
function processIdentity(pid: number): { startTime?: string; bootId?: string } {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name (which may hold spaces): state is field 3, starttime field 22.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return { startTime: fields[19], bootId: fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() }
  } catch {
    return {}
  }
}

function isRunning(holder: LockHolder): boolean {
  try {
    process.kill(holder.pid, 0)
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
  try {
    const stat = fs.readFileSync(`/proc/${holder.pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // A zombie (killed, not yet reaped by its parent) holds nothing any more.
    if (fields[0] === 'Z' || fields[0] === 'X') return false
    if (holder.bootId && holder.bootId !== fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()) return false
    return !holder.startTime || holder.startTime === fields[19]
  } catch {
    return true // no /proc: the pid alone decides
  }
}

type Line = { line: number; bytes: Buffer }
type Scan = {
  /** `current`: this format; `legacy`: the previous one (no checksums); `empty`: nothing at all. */
  kind: 'current' | 'legacy' | 'empty'
  records: Array<Line & { change: Change }>
  damaged: Array<Line & { reason: string }>
  /** The unreadable last line without a newline: a write killed mid-way, never acknowledged. */
  torn: (Line & { reason: string; offset: number }) | null
  endsWithNewline: boolean
}

type RawLine = Line & { offset: number; last: boolean }

/** Splits by bytes, so offsets stay exact whatever a damaged line holds. BOM and CRLF are an editor's doing, not damage. */
function splitLines(data: Buffer): RawLine[] {
  const lines: RawLine[] = []
  let offset = data.subarray(0, BOM.length).equals(BOM) ? BOM.length : 0
  for (let line = 1; offset < data.length; line++) {
    const newline = data.indexOf(0x0a, offset)
    const end = newline === -1 ? data.length : newline
    const bytes = data[end - 1] === 0x0d && end > offset ? data.subarray(offset, end - 1) : data.subarray(offset, end)
    lines.push({ line, bytes, offset, last: newline === -1 })
    offset = end + 1
  }
  return lines
}

function scanJournal(data: Buffer, hasMeta: boolean): Scan {
  const lines = splitLines(data)
  const scan: Scan = { kind: 'current', records: [], damaged: [], torn: null, endsWithNewline: lines.length === 0 || !lines[lines.length - 1].last }
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const content = lines.filter(({ bytes }) => bytes.toString('utf8').trim() !== '')
  if (content.length === 0) return { ...scan, kind: 'empty' }
  const [first] = content
  const header = readCurrent(first.bytes, decoder)
  const isHeader = header.kind === 'payload' && header.text === HEADER_PAYLOAD
  // The previous format has neither the marker file nor a single checksummed line.
  if (!isHeader && !hasMeta && !content.some(({ bytes }) => /^[0-9a-f]{16} /.test(bytes.toString('latin1')))) return scanLegacy(lines, scan, decoder)
  for (const raw of lines) {
    if (raw === first) {
      if (!isHeader) scan.damaged.push({ line: raw.line, bytes: raw.bytes, reason: header.kind === 'bad' ? `${header.reason} (the journal header)` : 'not the journal header' })
      continue
    }
    const read = readCurrent(raw.bytes, decoder)
    if (read.kind === 'blank') continue
    if (read.kind === 'bad' && raw.last) scan.torn = { line: raw.line, bytes: raw.bytes, reason: read.reason, offset: raw.offset }
    else if (read.kind === 'bad') scan.damaged.push({ line: raw.line, bytes: raw.bytes, reason: read.reason })
    else {
      const change = parseChange(read.text)
      if (change) scan.records.push({ line: raw.line, bytes: raw.bytes, change })
      else scan.damaged.push({ line: raw.line, bytes: raw.bytes, reason: 'not a change record' })
    }
  }
  return scan
}

type CurrentRead = { kind: 'payload'; text: string } | { kind: 'blank' } | { kind: 'bad'; reason: string }

/** A line of this format: its checksum must match its payload byte for byte. */
function readCurrent(bytes: Buffer, decoder: TextDecoder): CurrentRead {
  let text: string
  try {
    text = decoder.decode(bytes)
  } catch {
    return { kind: 'bad', reason: 'not UTF-8 text' }
  }
  if (text.trim() === '') return { kind: 'blank' }
  const match = /^([0-9a-f]{16}) ([\s\S]*)$/.exec(text)
  if (!match) return { kind: 'bad', reason: 'without a checksum' }
  return checksum(match[2]) === match[1] ? { kind: 'payload', text: match[2] } : { kind: 'bad', reason: 'failing its checksum' }
}

/** The previous format: one JSON change per line, no checksum, no header. */
function scanLegacy(lines: RawLine[], scan: Scan, decoder: TextDecoder): Scan {
  scan.kind = 'legacy'
  for (const raw of lines) {
    let text: string
    try {
      text = decoder.decode(raw.bytes)
    } catch {
      if (raw.last) scan.torn = { line: raw.line, bytes: raw.bytes, reason: 'not UTF-8 text', offset: raw.offset }
      else scan.damaged.push({ line: raw.line, bytes: raw.bytes, reason: 'not UTF-8 text' })
      continue
    }
    if (text.trim() === '') continue
    let value: unknown
    try {
      value = EJSON.parse(text, { relaxed: true })
    } catch {
      if (raw.last) scan.torn = { line: raw.line, bytes: raw.bytes, reason: 'not JSON', offset: raw.offset }
      else scan.damaged.push({ line: raw.line, bytes: raw.bytes, reason: 'not JSON' })
      continue
    }
    if (isChange(value)) scan.records.push({ line: raw.line, bytes: raw.bytes, change: value })
    else scan.damaged.push({ line: raw.line, bytes: raw.bytes, reason: 'not a change record' })
  }
  if (scan.records.length === 0 && scan.damaged.length === 0) return { ...scan, kind: 'empty' }
  return scan
}

function parseChange(text: string): Change | null {
  try {
    const value: unknown = EJSON.parse(text, { relaxed: true })
    return isChange(value) ? value : null
  } catch {
    return null
  }
}

/** The collection and document ids a damaged line held, as far as they can still be read. */
function namedIn(bytes: Buffer): { collection: string | null; ids: string[] } {
  const text = bytes.toString('utf8')
  const payload = /^[0-9a-f]{16} /.test(text) ? text.slice(17) : text
  try {
    const value = JSON.parse(payload) as { c?: unknown; put?: Array<{ _id?: unknown }>; del?: unknown[] }
    const ids = [...(Array.isArray(value.put) ? value.put.map((doc) => doc?._id) : []), ...(Array.isArray(value.del) ? value.del : [])]
    return { collection: typeof value.c === 'string' ? value.c : null, ids: ids.filter((id): id is string => typeof id === 'string') }
  } catch {
    // Not JSON any more: the ids still spelled out in it are the best left to say.
    const collection = /^\{"c":"((?:[^"\\]|\\.)*)"/.exec(payload)?.[1] ?? null
    const ids = [...payload.matchAll(/"_id":"((?:[^"\\]|\\.)*)"/g)].map((match) => match[1])
    return { collection, ids }
  }
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

function writeMeta(dir: string): void {
  const tmp = path.join(dir, `${META}.tmp`)
  writeDurably(tmp, [Buffer.from(`${JSON.stringify({ format: FORMAT, createdAt: new Date().toISOString() })}\n`)], 'w')
  fs.renameSync(tmp, path.join(dir, META))
  fsyncDir(dir)
}

/** Header plus `lines`, written aside and renamed over the journal. */
function replaceJournal(dir: string, lines: Buffer[]): void {
  const file = path.join(dir, FILE)
  const tmp = `${file}.tmp`
  writeDurably(tmp, [encodeLine(HEADER_PAYLOAD), ...lines], 'w')
  fs.renameSync(tmp, file)
  fsyncDir(dir)
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
