import * as v from 'valibot'
import type { ActionSpec } from '../contract'
import { fields } from '../validation'
import { TARGET_KEYS, type Figures, type TargetKey, type Targets } from './figures'

const year = v.pipe(v.number('年份应为数字'), v.integer('年份应为整数'), v.minValue(2000, '年份不正确'), v.maxValue(2100, '年份不正确'))
const target = v.pipe(v.number('目标应为数字'), v.integer('目标应为整数'), v.minValue(0, '目标不能为负数'), v.maxValue(100_000_000, '目标过大'))

export const statsInputs = {
  community: v.object({ communityId: fields.community(), year }),
  /** `district` as communities name it (绍兴市柯桥区); the caller's own district when left out. */
  district: v.object({ year, district: v.optional(v.pipe(v.string('区县格式不正确'), v.trim(), v.maxLength(40, '区县格式不正确'))) }),
  setTargets: v.object({
    communityId: fields.community(),
    year,
    targets: v.strictObject(Object.fromEntries(TARGET_KEYS.map((key) => [key, v.optional(target)])) as Record<TargetKey, v.OptionalSchema<typeof target, undefined>>, '目标项目不正确'),
  }),
  export: v.object({ year, district: v.optional(v.pipe(v.string('区县格式不正确'), v.trim(), v.maxLength(40, '区县格式不正确'))) }),
}

/** Completion per target in percent (two decimals), null where no target is set. */
export type Completion = Partial<Record<TargetKey, number | null>>

export type CommunityStats = {
  communityId: string
  communityName: string
  district: string
  year: number
  figures: Figures
  /** Service hours by month of the year (12 values, January first). */
  hoursByMonth: number[]
  targets: Targets
  completion: Completion
  /** When the figures were last derived from the data (null: not yet). */
  computedAt: string | null
}

export type DistrictStats = {
  district: string
  year: number
  communities: CommunityStats[]
  total: Figures
  targets: Targets
  completion: Completion
  hoursByMonth: number[]
}

export type StatsApi = {
  community: ActionSpec<v.InferInput<typeof statsInputs.community>, CommunityStats>
  district: ActionSpec<v.InferInput<typeof statsInputs.district>, DistrictStats>
  setTargets: ActionSpec<v.InferInput<typeof statsInputs.setTargets>, CommunityStats>
  export: ActionSpec<v.InferInput<typeof statsInputs.export>, { filename: string; csv: string; rows: number }>
}
