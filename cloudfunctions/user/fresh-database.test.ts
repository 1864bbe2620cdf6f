import type { Me } from '@/domain/user/contract'
import { startTestCloud, type TestCloud } from '../../localcloud/testing'

/**
 * A fresh CloudBase environment: the collections and indexes of cloudfunctions/database.json,
 * no documents. MongoDB refuses a document giving one compound index two array values (error 171;
 * Multikey Indexes, "Compound Multikey Indexes",
 * https://www.mongodb.com/docs/manual/core/indexes/index-types/index-multikey/). A new user holds
 * two arrays, `roles` and `staffCommunityIds`; with an index over both (issue #19) every new
 * person's user.me answered INTERNAL.
 */
let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud({ seed: false })
})
afterAll(() => cloud.stop())

test('a new person\'s user.me works on a fresh database with the real manifest', async () => {
  const result = await cloud.call<Me>('user', 'wx-new-under-manifest', { action: 'me' })
  expect(result).toMatchObject({ ok: true, data: { userId: 'wx-new-under-manifest', roles: ['resident'] } })
  expect(cloud.store.find('users', { _id: 'wx-new-under-manifest' })[0]).toMatchObject({ roles: [], staffCommunityIds: [] })
})
