/**
 * The shape shared by a cloud function and its service client: for each action, what goes in and
 * what comes out. Each area declares one (`UserApi`, `WishApi`, …) next to its input schemas.
 */
export type ActionSpec<I, O> = { input: I; output: O }

export type Api = Record<string, ActionSpec<unknown, unknown>>

export type ActionName<A extends Api> = Extract<keyof A, string>
export type InputOf<A extends Api, K extends keyof A> = A[K]['input']
export type OutputOf<A extends Api, K extends keyof A> = A[K]['output']

/**
 * Every list action answers this (DESIGN.md value conventions). `hasMore` comes from reading one
 * item beyond the page: no list counts a total its page does not show (issue 25).
 */
export type Page<T> = { items: T[]; hasMore: boolean; page: number; pageSize: number }
