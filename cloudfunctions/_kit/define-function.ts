import type * as v from 'valibot'
import type { Api, InputOf, OutputOf } from '@/domain/contract'
import { fail, ok, type Envelope } from '@/domain/envelope'
import { AppError } from '@/domain/errors'
import { effectiveRoles, type Role } from '@/domain/roles'
import { defaultDisplayName, type UserDoc } from '@/domain/user/types'
import { parseInput, type InputSchema } from '@/domain/validation'
import { writeAudit, type AuditRule } from './audit'
import { cloud } from './cloud'
import { createUser, findUser } from './users'

export type ActionContext = {
  /** The caller, from the WeChat context only — never from the request body. */
  openid: string
  /** The caller's user record (created on first contact); loaded once per invocation. */
  user(): Promise<UserDoc>
  /** Throws FORBIDDEN unless the caller is staff of that community. */
  requireStaffOf(communityId: string): Promise<UserDoc>
  /** The communities a staff list covers: the one asked for (if the caller serves it) or all of theirs. */
  staffScope(communityId?: string): Promise<string[]>
  /**
   * Writes the action's audit entries for `answer` now, so a handler can put them side by side
   * with its last write (one round trip fewer); the router then writes none after it. `answer`
   * must be what the handler returns: the entries are keyed by it, so a retry rewrites the same
   * ones (_kit/audit.ts), and one written beside a write that then failed is the retry's entry.
   */
  auditAlongside(answer: unknown): Promise<void>
  /**
   * Work that follows the handler's writes and changes nothing it answers (a message telling
   * someone of them): run once the handler has answered, side by side with the action's audit
   * entry, and awaited before the caller has the answer (its failure is the action's, as before).
   */
  afterwards(work: () => Promise<unknown>): void
}

/** Who may call an action: anyone who opens the app, or holders of at least one of the roles. */
export type Audience = 'anyone' | readonly Role[]

/** A schema, or a function making one per call (rules that depend on today's date). */
type InputRule<S extends InputSchema> = S | (() => S)

/**
 * How a staff action is recorded in the audit trail (`_kit/audit.ts`), or `'read'` for a staff
 * action that only reads and changes or reveals nothing. Every action whose audience is not
 * `'anyone'` declares one (audit.test.ts fails otherwise).
 */
export type AuditDeclaration<I, O> = AuditRule<I, O> | 'read'

/** Checked like `handler` (a method): the table types an action's input before defaults, the rule after. */
type DeclaredAudit<I, O> = { rule(...args: Parameters<AuditRule<I, O>>): ReturnType<AuditRule<I, O>> }['rule'] | 'read'

export type Action<I, O, P = unknown> = {
  input: InputRule<InputSchema>
  audience: Audience
  /** Allowed while the caller's account is being erased (only 注销 itself, so a retry finishes it). */
  duringErasure?: true
  audit?: DeclaredAudit<I, O>
  /**
   * Reads the handler needs, started side by side with the caller's record (one round trip
   * instead of two). Only reads: what it finds reaches the handler, and its failure the caller,
   * once the caller has been let through.
   */
  preload?(input: I, openid: string): Promise<P>
  handler(input: I, ctx: ActionContext, preloaded: P): Promise<O>
}

/** Declares one action; the handler's input type is what its schema produces. */
export function action<S extends InputSchema, O, P = undefined>(def: {
  input: InputRule<S>
  audience: Audience
  duringErasure?: true
  audit?: AuditDeclaration<v.InferOutput<S>, O>
  preload?(input: v.InferOutput<S>, openid: string): Promise<P>
  handler(input: v.InferOutput<S>, ctx: ActionContext, preloaded: P): Promise<O>
}): Action<v.InferOutput<S>, O, P> {
  return def
}

export type ActionTable<A extends Api> = { [K in keyof A]: Action<InputOf<A, K>, OutputOf<A, K>> }

/** Keys the platform or the router put in the event; they are never action input. */
const RESERVED_EVENT_KEYS = new Set(['action', 'userInfo'])

type Context = ActionContext & {
  /** The caller's record if they have one: role checks read it without creating one. */
  record(): Promise<UserDoc | null>
  /** What `afterwards` was given, in order. */
  pending: Array<() => Promise<unknown>>
}

function contextFor(openid: string, audit: (ctx: Context, answer: unknown) => Promise<void>): Context {
  let found: Promise<UserDoc | null> | undefined
  let loaded: Promise<UserDoc> | undefined
  const record = () => (found ??= findUser(openid))
  // A refused call leaves no trace: the record is created only for a caller who gets through.
  const user = () => (loaded ??= record().then((doc) => doc ?? createUser(openid)))
  const requireStaffOf = async (communityId: string) => {
    const doc = await record()
    if (!doc || !doc.roles.includes('staff') || !doc.staffCommunityIds.includes(communityId)) {
      throw new AppError('FORBIDDEN', '只有本社区的工作人员可以进行这项操作')
    }
    return doc
  }
  const pending: Array<() => Promise<unknown>> = []
  const ctx: Context = {
    openid,
    user,
    record,
    requireStaffOf,
    async staffScope(communityId) {
      if (!communityId) return (await user()).staffCommunityIds
      await requireStaffOf(communityId)
      return [communityId]
    },
    auditAlongside: (answer) => audit(ctx, answer),
    pending,
    afterwards: (work) => void pending.push(work),
  }
  return ctx
}

/**
 * A record gone right after it was written: its person's 注销 erased it meanwhile (the call had
 * passed the check before the tombstone). Answered plainly, not as a failure of the system.
 */
export const ERASED_MEANWHILE = () => new AppError('CONFLICT', '这个账号正在注销，刚才的操作没有保存')

/**
 * While a person's account is being erased (注销: the tombstone on their user record, written
 * first), every call of theirs is refused, so nothing new of theirs is written behind the erasure.
 * The user record is read once per call and shared with the audience check and the handler.
 */
async function refuseDuringErasure(def: Action<unknown, unknown>, ctx: Context): Promise<void> {
  if (def.duringErasure) return
  if ((await ctx.record())?.erasing) throw new AppError('FORBIDDEN', '您的账号正在注销，暂时不能使用，请稍后再试')
}

async function checkAudience(audience: Audience, ctx: Context): Promise<void> {
  if (audience === 'anyone') return
  const roles = effectiveRoles((await ctx.record())?.roles ?? [])
  if (!audience.some((role) => roles.includes(role))) throw new AppError('FORBIDDEN')
}

/** The action's audit entries, written before it answers (retry-safe: see `_kit/audit.ts`). */
async function recordAudit(fnName: string, actionName: string, def: Action<unknown, unknown>, input: unknown, output: unknown, ctx: Context): Promise<void> {
  if (typeof def.audit !== 'function') return
  const actor = await ctx.record()
  const facts = await def.audit(input, output, { openid: ctx.openid, districts: actor?.roles.includes('district') ? (actor.districts ?? []) : [] })
  const list = facts === null ? [] : Array.isArray(facts) ? facts : [facts]
  if (list.length === 0) return
  // Someone acting for the first time (joining by invitation) has no record yet: the name they will have.
  await writeAudit(fnName, actionName, { openid: ctx.openid, name: actor?.displayName ?? defaultDisplayName(ctx.openid) }, list)
}

function toFailure(error: unknown, fnName: string, actionName: string): Envelope<never> {
  if (error instanceof AppError) return fail(error.code, error.message, error.fields)
  // The stack goes to the function log only; the event is never logged (it may hold ID numbers).
  console.error(`[${fnName}.${actionName}] unexpected failure`, error instanceof Error ? error.stack : error)
  return fail('INTERNAL', '系统开小差了，请稍后再试')
}

/**
 * The `main` of a cloud function: routes `event.action` through the table, validates the input,
 * checks the caller, runs the handler, and answers with the envelope on every path.
 */
export function defineFunction<A extends Api>(fnName: string, table: ActionTable<A>) {
  // The action names (and declarations) travel with `main`, so a suite can call every action of every function.
  return Object.assign(main, { actions: Object.keys(table), table: table as Record<string, Action<unknown, unknown>> })

  async function main(event: unknown): Promise<Envelope<unknown>> {
    const body = (event && typeof event === 'object' ? event : {}) as Record<string, unknown>
    const actionName = typeof body.action === 'string' ? body.action : ''
    try {
      if (!Object.prototype.hasOwnProperty.call(table, actionName)) {
        throw new AppError('INVALID_INPUT', actionName ? `不支持的操作：${actionName}` : '缺少要执行的操作')
      }
      const def = table[actionName as keyof A] as Action<unknown, unknown>
      const { OPENID } = cloud.getWXContext()
      if (!OPENID) throw new AppError('UNAUTHENTICATED')
      const raw = Object.fromEntries(Object.entries(body).filter(([key]) => !RESERVED_EVENT_KEYS.has(key)))
      const input = parseInput(typeof def.input === 'function' ? def.input() : def.input, raw)
      // Written once: beside the handler's last write when it asks (auditAlongside), else after it.
      let audited: Promise<void> | undefined
      const ctx = contextFor(OPENID, (self, answer) => (audited ??= recordAudit(fnName, actionName, def, input, answer, self)))
      const preloaded = def.preload?.(input, OPENID)
      // Awaited below, after the checks; a refused caller's preload failing is nobody's error.
      preloaded?.catch(() => undefined)
      await refuseDuringErasure(def, ctx)
      await checkAudience(def.audience, ctx)
      const output = await def.handler(input, ctx, await preloaded)
      // The audit entry (unless written beside the handler's last write) and the work the handler
      // left for afterwards go side by side (independent writes).
      await Promise.all([audited ?? recordAudit(fnName, actionName, def, input, output, ctx), ...ctx.pending.map((work) => work())])
      return ok(output)
    } catch (error) {
      return toFailure(error, fnName, actionName || '?')
    }
  }
}
