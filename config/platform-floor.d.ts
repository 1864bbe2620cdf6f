export declare const MIN_BASE_LIBRARY: string
export declare const BASE_LIBRARY_NEEDS: ReadonlyArray<{ api: string; since: string }>
export declare const ENGINES_AT_FLOOR: readonly string[]
export declare const SCRIPT_ECMA_VERSION: 2015
export declare const BROWSERSLIST: readonly string[]
export declare const WXS_ECMA_VERSION: 5
