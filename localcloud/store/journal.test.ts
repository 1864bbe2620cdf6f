import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startLocalCloud } from '../server'
import { DocumentStore } from './document-store'
import { Journal, JournalDamagedError, JournalMissingError } from './journal'

let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boai-journal-'))
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

const journal = () => path.join(dir, 'store.ndjson')
const ids = (store: DocumentStore) => store.find('users', {}).map((doc) => doc._id)
const lines = () => fs.readFileSync(journal(), 'utf8').split('\n')

/** Opens, reads the user ids, closes. */
function idsOnDisk(): string[] {
  const store = DocumentStore.open(dir)
  const found = ids(store)
  store.close()
  return found
}

/** A journal written by the store itself, holding these users (one line each). */
function writeUsers(users: Array<Record<string, unknown> & { _id: string }>): void {
  const store = DocumentStore.open(dir)
  for (const user of users) store.insert('users', [user])
  store.close()
}

/** The error opening the folder fails with (the test fails if it opens). */
function openError(): Error {
  try {
    DocumentStore.open(dir).close()
  } catch (error) {
    return error as Error
  }
  throw new Error('the store opened')
}

/** Replaces the first occurrence of `from` in the journal's bytes by `to` (same length: a flipped byte, a changed digit). */
function damage(from: string, to: string): void {
  const text = fs.readFileSync(journal(), 'utf8')
  expect(text).toContain(from)
  fs.writeFileSync(journal(), text.replace(from, to))
}

test('a UTF-8 BOM at the start and CRLF line ends (an editor) lose nothing, and later appends read back', () => {
  writeUsers([{ _id: 'u1' }, { _id: 'u2' }])
  fs.writeFileSync(journal(), `\uFEFF${fs.readFileSync(journal(), 'utf8').replace(/\n/g, '\r\n')}`)
  const store = DocumentStore.open(dir)
  expect(ids(store)).toEqual(['u1', 'u2'])
  store.insert('users', [{ _id: 'u3' }])
  store.close()
  expect(idsOnDisk()).toEqual(['u1', 'u2', 'u3'])
})

describe('every line carries a checksum: damage anywhere in it stops the open', () => {
  test.each([
    ['a flipped byte inside a string value', '"displayName":"王秀英"', '"displayName":"王秀荚"'],
    ['a changed digit in a number', '"hours":{"$numberInt":"36"}', '"hours":{"$numberInt":"86"}'],
    ['a changed id', '"_id":"u2"', '"_id":"u9"'],
  ])('%s', (_case, from, to) => {
    writeUsers([{ _id: 'u1', displayName: '李志强', hours: 12 }, { _id: 'u2', displayName: '王秀英', hours: 36 }, { _id: 'u3' }])
    damage(from, to)
    const before = fs.readFileSync(journal())
    const error = openError()
    expect(error).toBeInstanceOf(JournalDamagedError)
    // Line 1 is the header; u2 is on line 3.
    expect((error as JournalDamagedError).line).toBe(3)
    expect(error.message).toContain('failing its checksum')
    expect(error.message).toContain(`npm run repair -- ${dir}`)
    expect(fs.readFileSync(journal()).equals(before)).toBe(true)
    // The refused open holds nothing: the folder is free for the repair.
    expect(fs.existsSync(path.join(dir, 'store.lock'))).toBe(false)
  })

  test.each([
    ['without a checksum', Buffer.from('{"c":"users","put":[{"_id":"u9"}]}')],
    ['not UTF-8 text', Buffer.from([0x7b, 0xff, 0xfe, 0x7d])],
  ])('a line %s in the middle', (reason, bad) => {
    writeUsers([{ _id: 'u1' }, { _id: 'u2' }])
    const [header, first, ...rest] = lines()
    fs.writeFileSync(journal(), Buffer.concat([Buffer.from(`${header}\n${first}\n\n`), bad, Buffer.from(`\n${rest.join('\n')}`)]))
    const error = openError()
    expect(error).toBeInstanceOf(JournalDamagedError)
    expect((error as JournalDamagedError).line).toBe(4)
    expect(error.message).toContain(`${journal()} 第 4 行`)
    expect(error.message).toContain(reason)
  })
})

test('a torn tail (killed mid-write, never acknowledged) is still dropped and the store opens', () => {
  writeUsers([{ _id: 'u1' }, { _id: 'u2' }])
  const whole = fs.readFileSync(journal(), 'utf8')
  fs.writeFileSync(journal(), whole.slice(0, -6))
  expect(idsOnDisk()).toEqual(['u1'])
  expect(fs.readFileSync(journal(), 'utf8')).toBe(whole.slice(0, whole.lastIndexOf('\n', whole.length - 2) + 1))
})

test('compaction writes one document per line: one damaged line of 563 wishes loses exactly that wish, and repair names it', () => {
  const store = DocumentStore.open(dir)
  const wishes = Array.from({ length: 563 }, (_unused, i) => ({ _id: `w${String(i).padStart(3, '0')}`, status: 'open', title: `心愿 ${i}`, n: i }))
  store.insert('wishes', wishes)
  store.compact()
  store.close()
  expect(lines().filter((line) => line.includes('"c":"wishes"'))).toHaveLength(563)

  damage('"title":"心愿 300"', '"title":"心愿 301"')
  expect(openError()).toBeInstanceOf(JournalDamagedError)
  const report = Journal.repair(dir)
  expect(report.kept).toBe(562)
  expect(report.moved).toEqual([{ line: 302, reason: 'failing its checksum', collection: 'wishes', ids: ['w300'] }])
  expect(report.lost).toEqual([{ collection: 'wishes', id: 'w300' }])

  const repaired = DocumentStore.open(dir)
  const left = repaired.find('wishes', {}).map((doc) => doc._id)
  repaired.close()
  expect(left).toHaveLength(562)
  expect(left).not.toContain('w300')
})

test('repair keeps every intact record in order, moves the damaged lines aside and names what they held', () => {
  writeUsers([{ _id: 'u1' }, { _id: 'u2' }, { _id: 'u3', displayName: '张三' }, { _id: 'u4' }])
  const store = DocumentStore.open(dir)
  store.update('users', { _id: 'u1' }, { $set: { displayName: '新名字' } })
  store.close()
  const [header, u1, u2, u3, u4, u1b] = lines()
  // u2: a byte flipped (still JSON); u3: cut in half (not JSON, its _id still readable); u1's update: no checksum.
  const flipped = u2.replace('"u2"', '"u7"')
  fs.writeFileSync(journal(), `\uFEFF${header}\r\n${u1}\n${flipped}\n${u3.slice(0, u3.indexOf('张'))}\n${u4}\n${u1b.slice(17)}\n`)
  expect(openError()).toBeInstanceOf(JournalDamagedError)

  const report = Journal.repair(dir)
  expect(report.kept).toBe(2)
  expect(report.moved).toEqual([
    { line: 3, reason: 'failing its checksum', collection: 'users', ids: ['u7'] },
    { line: 4, reason: 'failing its checksum', collection: 'users', ids: ['u3'] },
    { line: 6, reason: 'without a checksum', collection: 'users', ids: ['u1'] },
  ])
  expect(report.lost).toEqual([
    { collection: 'users', id: 'u7' },
    { collection: 'users', id: 'u3' },
  ])
  // u1 is still there, at its version before the lost update.
  expect(report.reverted).toEqual([{ collection: 'users', id: 'u1' }])
  const aside = fs
    .readFileSync(report.damagedFile as string, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { line: number; text: string })
  expect(aside.map(({ line, text }) => [line, text])).toEqual([
    [3, flipped],
    [4, u3.slice(0, u3.indexOf('张'))],
    [6, u1b.slice(17)],
  ])
  expect(path.dirname(report.damagedFile as string)).toBe(dir)
  expect(fs.existsSync(`${journal()}.tmp`)).toBe(false)
  expect(fs.existsSync(path.join(dir, 'store.lock'))).toBe(false)

  const repaired = DocumentStore.open(dir)
  expect(repaired.find('users', {})).toEqual([{ _id: 'u1' }, { _id: 'u4' }])
  repaired.close()
  // A second run finds nothing to do.
  expect(Journal.repair(dir)).toMatchObject({ kept: 2, moved: [], damagedFile: null })
})

describe('seeding only into a new folder: a folder that has held data never starts over', () => {
  test('an emptied journal refuses to start and is not re-seeded', async () => {
    const first = await startLocalCloud({ dataDir: dir, port: 0, functionsFrom: 'source' })
    expect(first.store.count('users', {})).toBeGreaterThan(0)
    await first.close()
    fs.truncateSync(journal(), 0)
    await expect(startLocalCloud({ dataDir: dir, port: 0, functionsFrom: 'source' })).rejects.toThrow(JournalMissingError)
    expect(fs.statSync(journal()).size).toBe(0)
    expect(fs.existsSync(path.join(dir, 'store.lock'))).toBe(false)
  })

  test('a deleted journal refuses to start', () => {
    writeUsers([{ _id: 'u1' }])
    fs.rmSync(journal())
    const error = openError()
    expect(error).toBeInstanceOf(JournalMissingError)
    expect(error.message).toContain('不会重新写入演示数据')
    expect(fs.existsSync(journal())).toBe(false)
    // Starting over there is an explicit choice (npm run seed -- --reset).
    Journal.startOver(dir)
    expect(idsOnDisk()).toEqual([])
  })

  test('a store with nothing written yet reopens (its header says it is a journal), and is not new', () => {
    const store = DocumentStore.open(dir)
    expect(store.isNew).toBe(true)
    store.close()
    const again = DocumentStore.open(dir)
    expect(again.isNew).toBe(false)
    again.close()
  })
})

test('a journal of the previous format (no checksums) is read once and rewritten with checksums', () => {
  fs.writeFileSync(journal(), `${JSON.stringify({ c: 'users', put: [{ _id: 'u1' }, { _id: 'u2' }] })}\n${JSON.stringify({ c: 'users', del: ['u1'] })}\n`)
  expect(idsOnDisk()).toEqual(['u2'])
  expect(lines()[1]).toMatch(/^[0-9a-f]{16} \{"c":"users","put":\[\{"_id":"u1"\},\{"_id":"u2"\}\]\}$/)
  expect(fs.existsSync(path.join(dir, 'store.json'))).toBe(true)
  expect(idsOnDisk()).toEqual(['u2'])
})

test('repair refuses while a live process holds the data folder, and changes nothing', async () => {
  writeUsers([{ _id: 'u1' }, { _id: 'u2' }])
  damage('"u2"', '"u3"')
  const content = fs.readFileSync(journal(), 'utf8')
  const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' })
  try {
    fs.writeFileSync(path.join(dir, 'store.lock'), String(holder.pid))
    expect(() => Journal.repair(dir)).toThrow(/正被进程/)
    expect(fs.readFileSync(journal(), 'utf8')).toBe(content)
    expect(fs.readdirSync(dir).sort()).toEqual(['store.json', 'store.lock', 'store.ndjson'])
  } finally {
    holder.kill('SIGKILL')
    await new Promise((resolve) => holder.once('exit', resolve))
  }
  // Once the holder is gone its lock is stale and the repair goes ahead.
  expect(Journal.repair(dir).kept).toBe(1)
})

test('a lock naming a live process that started at another time (a reused pid) is taken over', () => {
  const bootId = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
  fs.writeFileSync(path.join(dir, 'store.lock'), JSON.stringify({ pid: process.ppid, startTime: '1', bootId }))
  const store = DocumentStore.open(dir)
  store.close()
})

test('`npm start` (localcloud/main.ts) prints the damaged-journal message and exits 1', () => {
  writeUsers([{ _id: 'u1' }, { _id: 'u2' }])
  damage('"u1"', '"u5"')
  const root = path.resolve(__dirname, '..', '..')
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'localcloud', 'main.ts')], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dir, PORT: '0', FUNCTIONS_FROM: 'source' },
    encoding: 'utf8',
    timeout: 30_000,
  })
  expect(run.status).toBe(1)
  expect(run.stderr.trim()).toBe(new JournalDamagedError(journal(), 2, 1, 'failing its checksum', dir).message)
  expect(run.stdout).not.toContain('running')
}, 40_000)

test('a write that fails part-way (disk full) leaves no partial line to damage the journal', () => {
  const store = DocumentStore.open(dir)
  store.insert('users', [{ _id: 'u1' }])
  const realWrite = fs.writeSync
  // The first 10 bytes reach the file, then the disk is full.
  const spy = jest.spyOn(fs, 'writeSync').mockImplementationOnce((fd: number, data: string | NodeJS.ArrayBufferView) => {
    realWrite(fd, Buffer.from(typeof data === 'string' ? data : new Uint8Array(data.buffer, data.byteOffset, data.byteLength)).subarray(0, 10))
    throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
  })
  expect(() => store.insert('users', [{ _id: 'u2' }])).toThrow(/ENOSPC/)
  spy.mockRestore()
  store.insert('users', [{ _id: 'u3' }])
  store.close()
  expect(idsOnDisk()).toEqual(['u1', 'u3'])
})
