import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DocumentStore } from './store/document-store'

/**
 * Acknowledged writes survive `kill -9`: a real local cloud process takes a burst of writes over
 * HTTP and is killed in the middle of it; every write it had answered must be there after.
 */
const root = path.resolve(__dirname, '..')

function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'localcloud', 'main.ts')], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', FUNCTIONS_FROM: 'source' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolve, reject) => {
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = output.match(/App:\s+(http:\/\/[\d.]+:\d+)/)
      if (match) resolve({ child, url: match[1] })
    })
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)))
  })
}

test('every acknowledged write is found after SIGKILL mid-burst', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'boai-crash-'))
  const { child, url } = await startServer(dataDir)
  const acknowledged: string[] = []
  let killed = false

  const write = async (i: number) => {
    const openid = `burst-${i}`
    try {
      const response = await fetch(`${url}/api/functions/user`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
        body: JSON.stringify({ action: 'me' }),
      })
      const body = (await response.json()) as { ok: boolean }
      if (body.ok) acknowledged.push(openid)
    } catch {
      // The process died before answering: not acknowledged, no promise made.
    }
    if (!killed && acknowledged.length >= 150) {
      killed = true
      child.kill('SIGKILL')
    }
  }
  // Waves of concurrent writes until the kill lands mid-wave.
  for (let wave = 0; wave < 40 && !killed; wave++) {
    await Promise.all(Array.from({ length: 25 }, (_unused, j) => write(wave * 25 + j)))
  }
  await new Promise((resolve) => (child.exitCode !== null || child.signalCode ? resolve(null) : child.once('exit', resolve)))
  expect(killed).toBe(true)
  expect(acknowledged.length).toBeGreaterThanOrEqual(150)

  const store = DocumentStore.open(dataDir)
  const stored = new Set(store.find('users', {}).map((doc) => doc._id))
  const missing = acknowledged.filter((openid) => !stored.has(openid))
  store.close()
  expect(missing).toEqual([])

  // And the data folder still serves: a restarted local cloud answers with the same data.
  const again = await startServer(dataDir)
  const response = await fetch(`${again.url}/api/functions/user`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': 'demo-staff' },
    body: JSON.stringify({ action: 'me' }),
  })
  expect(((await response.json()) as { ok: boolean }).ok).toBe(true)
  again.child.kill('SIGKILL')
  fs.rmSync(dataDir, { recursive: true, force: true })
}, 60_000)

/** Blocks (no event-loop turn, so this process cannot reap the child) until the kernel shows the child dead. */
function waitUntilZombie(pid: number): void {
  const until = Date.now() + 5000
  while (Date.now() < until) {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) return
  }
  throw new Error(`process ${pid} did not die`)
}

test('a restart right after kill -9 takes over the dead process’s lock at once', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'boai-crash-'))
  const { child } = await startServer(dataDir)
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGKILL')
  // Killed but not yet reaped, its pid still answers kill(pid, 0): the lock must not be trusted for it.
  waitUntilZombie(child.pid as number)
  expect(fs.readFileSync(path.join(dataDir, 'store.lock'), 'utf8')).toContain(String(child.pid))
  const store = DocumentStore.open(dataDir)
  expect(store.count('users', {})).toBeGreaterThan(0)
  store.close()
  await exited

  // And a real local cloud restarted on the folder serves the same data.
  const again = await startServer(dataDir)
  const response = await fetch(`${again.url}/api/functions/user`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': 'demo-staff' },
    body: JSON.stringify({ action: 'me' }),
  })
  expect(((await response.json()) as { ok: boolean }).ok).toBe(true)
  again.child.kill('SIGKILL')
  fs.rmSync(dataDir, { recursive: true, force: true })
}, 60_000)
