import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DocumentStore } from './document-store'
import { Journal, JournalDamagedError } from './journal'

let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boai-journal-'))
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

const journal = () => path.join(dir, 'store.ndjson')
const record = (id: string) => JSON.stringify({ c: 'users', put: [{ _id: id }] })
const ids = (store: DocumentStore) => store.find('users', {}).map((doc) => doc._id)

/** Opens, reads the user ids, closes. */
function idsOnDisk(): string[] {
  const store = DocumentStore.open(dir)
  const found = ids(store)
  store.close()
  return found
}

test('a UTF-8 BOM at the start loses nothing', () => {
  fs.writeFileSync(journal(), `\uFEFF${record('u1')}\n${record('u2')}\n`)
  expect(idsOnDisk()).toEqual(['u1', 'u2'])
})

test('CRLF line ends lose nothing, and later appends read back', () => {
  fs.writeFileSync(journal(), `${record('u1')}\r\n${record('u2')}\r\n${record('u3')}`)
  const store = DocumentStore.open(dir)
  expect(ids(store)).toEqual(['u1', 'u2', 'u3'])
  store.insert('users', [{ _id: 'u4' }])
  store.close()
  expect(idsOnDisk()).toEqual(['u1', 'u2', 'u3', 'u4'])
})

test.each([
  ['not JSON', Buffer.from('{"c":"users","put":[{"_id":"u')],
  ['not a change record', Buffer.from('{"c":"users","put":"u2"}')],
  ['not UTF-8 text', Buffer.from([0x7b, 0xff, 0xfe, 0x7d])],
])('a damaged middle line (%s) stops the open, names the line and changes nothing', (_reason, bad) => {
  fs.writeFileSync(journal(), Buffer.concat([Buffer.from(`${record('u1')}\n\n`), bad, Buffer.from(`\n${record('u2')}\n`)]))
  const before = fs.readFileSync(journal())
  let error: unknown
  try {
    DocumentStore.open(dir)
  } catch (caught) {
    error = caught
  }
  expect(error).toBeInstanceOf(JournalDamagedError)
  const damaged = error as JournalDamagedError
  expect(damaged.file).toBe(journal())
  expect(damaged.line).toBe(3)
  expect(damaged.message).toContain(`${journal()} 第 3 行`)
  expect(damaged.message).toContain('nothing was changed')
  expect(damaged.message).toContain(`npm run repair -- ${dir}`)
  expect(fs.readFileSync(journal()).equals(before)).toBe(true)
  // The refused open holds nothing: the folder is free for the repair.
  expect(fs.existsSync(path.join(dir, 'store.lock'))).toBe(false)
})

test('a torn tail (killed mid-write, never acknowledged) is still dropped and the store opens', () => {
  fs.writeFileSync(journal(), `${record('u1')}\r\n${record('u2').slice(0, -5)}`)
  expect(idsOnDisk()).toEqual(['u1'])
  expect(fs.readFileSync(journal(), 'utf8')).toBe(`${record('u1')}\r\n`)
})

test('repair keeps every intact record in order and moves the damaged lines aside', () => {
  fs.writeFileSync(journal(), `\uFEFF${record('u1')}\r\ngarbage\n${record('u2')}\n{"c":"users","del":[1]}\n${record('u3')}\n{"c":"us`)
  expect(() => DocumentStore.open(dir)).toThrow(JournalDamagedError)

  const report = Journal.repair(dir)
  expect(report.kept).toBe(3)
  expect(report.moved).toEqual([
    { line: 2, reason: 'not JSON' },
    { line: 4, reason: 'not a change record' },
    { line: 6, reason: 'not JSON' },
  ])
  expect(report.damagedFile).toMatch(/store\.damaged-.+\.ndjson$/)
  expect(path.dirname(report.damagedFile as string)).toBe(dir)
  const aside = fs
    .readFileSync(report.damagedFile as string, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { line: number; text: string })
  expect(aside.map(({ line, text }) => [line, text])).toEqual([
    [2, 'garbage'],
    [4, '{"c":"users","del":[1]}'],
    [6, '{"c":"us'],
  ])
  expect(fs.existsSync(`${journal()}.tmp`)).toBe(false)
  expect(fs.existsSync(path.join(dir, 'store.lock'))).toBe(false)

  expect(idsOnDisk()).toEqual(['u1', 'u2', 'u3'])
  // A second run finds nothing to do.
  expect(Journal.repair(dir)).toMatchObject({ kept: 3, moved: [], damagedFile: null })
})

test('repair refuses while a live process holds the data folder, and changes nothing', async () => {
  const content = `${record('u1')}\ngarbage\n${record('u2')}\n`
  fs.writeFileSync(journal(), content)
  const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' })
  try {
    fs.writeFileSync(path.join(dir, 'store.lock'), String(holder.pid))
    expect(() => Journal.repair(dir)).toThrow(/正被进程/)
    expect(fs.readFileSync(journal(), 'utf8')).toBe(content)
    expect(fs.readdirSync(dir).sort()).toEqual(['store.lock', 'store.ndjson'])
  } finally {
    holder.kill('SIGKILL')
    await new Promise((resolve) => holder.once('exit', resolve))
  }
  // Once the holder is gone its lock is stale and the repair goes ahead.
  expect(Journal.repair(dir).kept).toBe(2)
})

test('`npm start` (localcloud/main.ts) prints the damaged-journal message and exits 1', () => {
  fs.writeFileSync(journal(), `${record('u1')}\ngarbage\n${record('u2')}\n`)
  const root = path.resolve(__dirname, '..', '..')
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'localcloud', 'main.ts')], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dir, PORT: '0', FUNCTIONS_FROM: 'source' },
    encoding: 'utf8',
    timeout: 30_000,
  })
  expect(run.status).toBe(1)
  expect(run.stderr.trim()).toBe(new JournalDamagedError(journal(), 2, 1, 'not JSON', dir).message)
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
