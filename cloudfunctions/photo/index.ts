import type { PhotoApi } from '@/domain/photo/contract'
import { defineFunction } from '../_kit/define-function'
import { decide } from './actions/decide'
import { queue } from './actions/queue'

export const main = defineFunction<PhotoApi>('photo', { queue, decide })
