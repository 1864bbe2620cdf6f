import type { PhotoApi } from '@/domain/photo/contract'
import { createClient } from './cloud-client'

const client = createClient<PhotoApi>('photo')

/** 照片审核: photos of the staff member's communities waiting for a decision. */
export const photoService = {
  queue: () => client('queue', {}),
  decide: (input: PhotoApi['decide']['input']) => client('decide', input),
}
