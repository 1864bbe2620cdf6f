import { functionNames, FUNCTIONS_SOURCE_DIR } from '../../localcloud/function-host'
import { startTestCloud, type TestCloud } from '../../localcloud/testing'

/**
 * Every action of every function, called as every kind of caller with malformed, oversized and
 * operator-laden input, with database latency on. Each call must answer a clean envelope; a
 * refusal must change nothing; no answer may carry another person's phone or ID number.
 */
let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
  // Someone with an application, so there is an ID number and a phone to leak.
  const applied = await cloud.call('member', 'hostile-applicant', {
    action: 'apply', name: '王秀英', idNumber: '330602199001011231', phone: '13957509999',
    communityId: 'yulan', address: '柯桥街道玉兰花园3幢', consent: true, idConsent: true,
  })
  if (!applied.ok) throw new Error(applied.message)
  // Starting a cloud and a first call can pass 5 s while heavy suites run beside it on two cores.
}, 30_000)
afterAll(() => cloud.stop())

const CALLERS = ['demo-resident', 'demo-volunteer', 'demo-member', 'demo-staff', 'hostile-newcomer']
const ID_FIELDS = ['wishId', 'applicationId', 'volunteerId', 'aedId', 'reportId', 'lessonId', 'sessionId', 'signupId', 'communityId', 'messageIds']
const LONG = '长'.repeat(20_000)

/** Input no action accepts as it is: each must be refused before anything is read or written. */
const PAYLOADS: Array<[string, Record<string, unknown>]> = [
  ['operator objects in every id', Object.fromEntries(ID_FIELDS.map((field) => [field, { $ne: null }]))],
  ['arrays and numbers where strings go', Object.fromEntries(ID_FIELDS.map((field) => [field, ['x', 1]]))],
  ['prototype keys', JSON.parse('{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}, "page": 1e308}')],
  ['oversized text everywhere', Object.fromEntries([...ID_FIELDS, 'title', 'content', 'note', 'reason', 'name', 'phone'].map((field) => [field, LONG]))],
  ['wrong types in pages and dates', { page: -1, pageSize: 1e9, date: '2030-02-30', latitude: 'north', longitude: null, decision: { $in: ['approve'] } }],
]

const ALLOWED_CODES = ['INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'CONTENT_REJECTED']
const snapshot = () => JSON.stringify(cloud.store.collectionNames().map((name) => [name, cloud.docs(name)]))
const PHONE = /1[3-9]\d{9}/g

function actionsOf(fn: string): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { main } = require(`${FUNCTIONS_SOURCE_DIR}/${fn}/index.ts`) as { main: { actions?: string[] } }
  return main.actions ?? []
}

test('every action × caller × hostile input: a clean refusal, nothing written, nothing leaked', async () => {
  let calls = 0
  const covered = new Set<string>()
  for (const fn of functionNames()) {
    const actions = actionsOf(fn)
    for (const action of actions.length ? actions : ['(event)']) {
      for (const caller of CALLERS) {
        for (const [label, payload] of PAYLOADS) {
          const before = snapshot()
          const event = actions.length ? { ...payload, action } : payload
          const answer = (await cloud.call(fn, caller, event)) as { ok: boolean; code?: string; message?: string }
          calls += 1
          covered.add(`${fn}.${action}/${caller}`)
          const where = `${fn}.${action} as ${caller} with ${label}`
          expect({ where, ok: typeof answer.ok }).toEqual({ where, ok: 'boolean' })
          if (answer.ok) continue
          if (answer.code !== undefined) {
            expect({ where, code: ALLOWED_CODES.includes(answer.code) }).toEqual({ where, code: true })
            expect({ where, stack: /\n\s+at |Error:/.test(answer.message ?? '') }).toEqual({ where, stack: false })
          }
          expect({ where, changed: snapshot() !== before }).toEqual({ where, changed: false })
          const text = JSON.stringify(answer)
          expect({ where, leaked: text.match(PHONE) ?? [], id: /\d{17}[\dX]/.test(text) }).toEqual({ where, leaked: [], id: false })
        }
      }
    }
  }
  // eslint-disable-next-line no-console
  console.log(`hostile input: ${calls} calls, ${covered.size} action × caller pairs`)
  expect(calls).toBeGreaterThan(1000)
}, 300_000)
