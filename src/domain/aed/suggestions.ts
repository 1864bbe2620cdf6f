/** Where a resident's AED suggestion stands, as its suggester sees it (我建议的AED). */
export const SUGGESTION_STATUSES = { pending: '待核实', verified: '已核实上线', withdrawn: '已撤回' } as const
export type SuggestionStatus = keyof typeof SUGGESTION_STATUSES

type Suggestion = { verified: boolean; withdrawnAt?: unknown }

/** Verified on site wins: staff publish only what has not been withdrawn (verify is conditional on it). */
export function suggestionStatusOf(suggestion: Suggestion): SuggestionStatus {
  if (suggestion.verified) return 'verified'
  return suggestion.withdrawnAt ? 'withdrawn' : 'pending'
}

/** The suggester may take it back while staff have not yet verified it; once published it is the community's. */
export const mayWithdrawSuggestion = (suggestion: Suggestion): boolean => suggestionStatusOf(suggestion) === 'pending'
