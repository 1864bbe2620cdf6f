/**
 * The queries functions send most (`{ status: 'open', communityId: _.in([...]) }`) tested with
 * plain comparisons instead of the general query engine: equality on strings, numbers and
 * booleans, and `$in` / `$eq` of those, on top-level fields. Anything else returns null and goes
 * to mingo, which stays the reference for semantics (simple-criteria.test.ts holds them equal).
 */
type Scalar = string | number | boolean

const isScalar = (value: unknown): value is Scalar => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'

/** As in MongoDB, a condition on an array field holds when it holds for any element. */
function matches(value: unknown, test: (value: unknown) => boolean): boolean {
  return test(value) || (Array.isArray(value) && value.some(test))
}

export function simplePredicate(criteria: Record<string, unknown>): ((doc: Record<string, unknown>) => boolean) | null {
  const tests: Array<(doc: Record<string, unknown>) => boolean> = []
  for (const [field, condition] of Object.entries(criteria)) {
    if (field.startsWith('$') || field.includes('.')) return null
    if (isScalar(condition)) {
      tests.push((doc) => matches(doc[field], (value) => value === condition))
      continue
    }
    if (!condition || typeof condition !== 'object' || Array.isArray(condition)) return null
    const operators = Object.entries(condition)
    if (operators.length !== 1) return null
    const [operator, operand] = operators[0]
    if (operator === '$eq' && isScalar(operand)) tests.push((doc) => matches(doc[field], (value) => value === operand))
    else if (operator === '$in' && Array.isArray(operand) && operand.every(isScalar)) {
      const allowed = new Set<unknown>(operand)
      tests.push((doc) => matches(doc[field], (value) => allowed.has(value)))
    } else return null
  }
  return (doc) => tests.every((test) => test(doc))
}
