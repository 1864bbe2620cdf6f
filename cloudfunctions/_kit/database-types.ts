import type { DB } from 'wx-server-sdk'

/**
 * The part of the `wx-server-sdk` database the functions use, typed by what it returns when
 * awaited. The SDK's own typings answer `Promise<…> | void | string` (its callback overloads),
 * which would force a cast at every call site; this facade puts the one cast in `cloud.ts`.
 */
export type Command = DB.DatabaseCommand

export interface Query {
  /** Criteria, or one logic command over several (`_.or([...])`). */
  where(criteria: Record<string, unknown> | DB.DatabaseLogicCommand): Query
  orderBy(field: string, direction: 'asc' | 'desc'): Query
  skip(offset: number): Query
  limit(max: number): Query
  field(projection: Record<string, boolean>): Query
  get<T = Record<string, unknown>>(): Promise<{ data: T[] }>
  count(): Promise<{ total: number }>
  update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}

export interface DocumentRef {
  get<T = Record<string, unknown>>(): Promise<{ data: T }>
  update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>
  set(options: { data: Record<string, unknown> }): Promise<{ _id: string; stats: { updated: number; created: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}

export interface Collection extends Query {
  doc(id: string): DocumentRef
  add(options: { data: Record<string, unknown> }): Promise<{ _id: string }>
}

export interface Database {
  collection(name: string): Collection
  command: Command
  serverDate(options?: { offset: number }): unknown
  Geo: DB.IGeo
  /** A pattern match (`db.RegExp`): a range for the index rules, so only after equality and sort keys. */
  RegExp: DB.IRegExpConstructor
}
