import fs from 'node:fs'
import path from 'node:path'
import { EJSON } from 'bson'
import type { Doc } from './types'

/** One acknowledged write: documents put (whole) or removed, applied all or nothing. */
export type Change = { c: string; put?: Doc[]; del?: string[] }

const FILE = 'store.ndjson'

/**
 * Append-only journal of changes, one JSON line per acknowledged write. A line is written with a
 * single write(2) before the write is acknowledged, so it survives the process being killed; a
 * torn last line (killed mid-write, never acknowledged) is dropped on open. Compaction rewrites
 * the live documents into a new file and renames it over the old one, so the file on disk is
 * always either the old or the new complete journal.
 */
export class Journal {
  private fd: number
  private linesSinceCompaction = 0

  private constructor(
    private readonly file: string,
    fd: number,
    lines: number,
  ) {
    this.fd = fd
    this.linesSinceCompaction = lines
  }

  static open(dir: string, apply: (change: Change) => void): Journal {
    fs.mkdirSync(dir, { recursive: true })
    const file = path.join(dir, FILE)
    let lines = 0
    if (fs.existsSync(file)) {
      const text = fs.readFileSync(file, 'utf8')
      let validBytes = 0
      for (const line of text.split('\n')) {
        const lineBytes = Buffer.byteLength(line) + 1
        if (line.trim() === '') {
          validBytes += lineBytes
          continue
        }
        let change: Change
        try {
          change = EJSON.parse(line, { relaxed: true }) as Change
        } catch {
          break // a torn tail: everything from here was never acknowledged
        }
        apply(change)
        lines += 1
        validBytes += lineBytes
      }
      const size = fs.statSync(file).size
      if (validBytes < size) fs.truncateSync(file, validBytes)
      else if (size > 0 && !text.endsWith('\n')) fs.appendFileSync(file, '\n')
    }
    return new Journal(file, fs.openSync(file, 'a'), lines)
  }

  append(change: Change): void {
    fs.writeSync(this.fd, `${EJSON.stringify(change, { relaxed: false })}\n`)
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
      fs.writeSync(fd, `${EJSON.stringify(change, { relaxed: false })}\n`)
      lines += 1
    }
    fs.fsyncSync(fd)
    fs.closeSync(fd)
    fs.closeSync(this.fd)
    fs.renameSync(tmp, this.file)
    this.fd = fs.openSync(this.file, 'a')
    this.linesSinceCompaction = lines
  }

  close(): void {
    fs.fsyncSync(this.fd)
    fs.closeSync(this.fd)
  }
}
