/** Dates come back from the database as `Date`; responses carry ISO 8601 strings. */
export function toIso(value: Date | string | number): string {
  return new Date(value).toISOString()
}
