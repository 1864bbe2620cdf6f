/** A stored document: plain values, `Date`s and GeoJSON points, keyed by `_id`. */
export type Doc = { _id: string; [field: string]: unknown }

export type FindOptions = {
  sort?: Record<string, 1 | -1>
  skip?: number
  limit?: number
  projection?: Record<string, 0 | 1>
}

export class StoreError extends Error {
  constructor(
    readonly code: 'DUPLICATE_KEY' | 'PARALLEL_ARRAYS' | 'INVALID_VALUE' | 'INVALID_QUERY' | 'INVALID_UPDATE' | 'UNINDEXED_QUERY' | 'COLLECTION_NOT_EXIST' | 'COLLECTION_EXISTS',
    message: string,
    /** MongoDB's own error code, where the refusal is MongoDB's (171 CannotIndexParallelArrays). */
    readonly mongoCode?: number,
  ) {
    super(message)
  }
}
