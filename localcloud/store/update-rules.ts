import type { Doc } from './types'

/**
 * MongoDB's refusals for an update, which CloudBase passes on (its database is MongoDB; the SDK
 * sends `$set` with dotted paths for nested objects). Messages are MongoDB's own.
 * Source: https://www.mongodb.com/docs/manual/reference/operator/update/set/ ("Set Fields in
 * Embedded Documents"), https://www.mongodb.com/docs/manual/core/document/#the-_id-field
 * (immutable _id), and the server's PathNotViable / ConflictingUpdateOperators errors.
 */
export class UpdateRefused extends Error {}

/** Operators that create the path they name when it is missing. */
const CREATING = new Set(['$set', '$setOnInsert', '$inc', '$mul', '$min', '$max', '$push', '$addToSet', '$currentDate', '$rename'])
const ARRAY_OPERATORS = new Set(['$push', '$addToSet', '$pull', '$pullAll', '$pop'])

const preview = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? '[...]' : typeof value === 'object' ? '{...}' : JSON.stringify(value))

/** Throws UpdateRefused when MongoDB would refuse to apply `expr` to `doc`. */
export function checkUpdate(doc: Doc, expr: Record<string, unknown>): void {
  const paths: string[] = []
  for (const [operator, fields] of Object.entries(expr)) {
    if (!fields || typeof fields !== 'object') throw new UpdateRefused(`Modifiers operate on fields but we found type ${typeof fields} instead`)
    for (const [path, value] of Object.entries(fields as Record<string, unknown>)) {
      paths.push(path)
      if (operator === '$rename') paths.push(String(value))
      if ((path === '_id' || path.startsWith('_id.')) && !(operator === '$set' && path === '_id' && value === doc._id)) {
        throw new UpdateRefused("Performing an update on the path '_id' would modify the immutable field '_id'")
      }
      checkPath(doc, path, operator)
    }
  }
  const sorted = [...paths].sort()
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1], sorted[i]]
    if (a === b || b.startsWith(`${a}.`)) throw new UpdateRefused(`Updating the path '${b}' would create a conflict at '${a}'`)
  }
}

function checkPath(doc: Doc, path: string, operator: string): void {
  const segments = path.split('.')
  let current: unknown = doc
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]
    const isLast = i === segments.length - 1
    if (current === undefined) return // the rest of the path is created (or, for $unset, nothing to do)
    if (current === null || typeof current !== 'object' || current instanceof Date) {
      if (!CREATING.has(operator)) return
      const parent = segments[i - 1]
      throw new UpdateRefused(`Cannot create field '${segment}' in element {${parent}: ${preview(current)}}`)
    }
    if (Array.isArray(current) && !/^\d+$/.test(segment)) {
      if (!CREATING.has(operator)) return
      throw new UpdateRefused(`Cannot create field '${segment}' in element {${segments[i - 1]}: ${preview(current)}}`)
    }
    current = (current as Record<string, unknown>)[segment]
    if (isLast && ARRAY_OPERATORS.has(operator) && current !== undefined && !Array.isArray(current)) {
      throw new UpdateRefused(`The field '${path}' must be an array but is of type ${current === null ? 'null' : typeof current} in document {_id: "${doc._id}"}`)
    }
  }
}
