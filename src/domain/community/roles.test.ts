import { mayGrant, mayRemove, rolesIn, type RoleHolder } from './roles'

const person = (fields: Partial<RoleHolder>): RoleHolder => ({ roles: [], staffCommunityIds: [], ...fields })
const gangyue = { _id: 'gangyue', district: '绍兴市柯桥区' }
const elsewhere = { _id: 'x', district: '绍兴市越城区' }

describe('roles per community', () => {
  test('an admin is staff and admin there, nothing elsewhere', () => {
    const admin = person({ roles: ['staff'], staffCommunityIds: ['gangyue'], adminCommunityIds: ['gangyue'] })
    expect(rolesIn(admin, gangyue)).toEqual(['staff', 'admin'])
    expect(rolesIn(admin, elsewhere)).toEqual([])
  })

  test('a role taken away (staff) leaves no admin behind, even with a stale admin list', () => {
    expect(rolesIn(person({ roles: [], staffCommunityIds: [], adminCommunityIds: ['gangyue'] }), gangyue)).toEqual([])
  })

  test('the district role covers every community of its district and none other', () => {
    const district = person({ roles: ['district'], districts: ['绍兴市柯桥区'] })
    expect(rolesIn(district, gangyue)).toEqual(['district'])
    expect(rolesIn(district, elsewhere)).toEqual([])
  })

  test('nobody grants a role above their own; staff and editors grant nothing', () => {
    expect(mayGrant(['staff', 'admin'], 'admin')).toBe(true)
    expect(mayGrant(['staff', 'admin'], 'district')).toBe(false)
    expect(mayGrant(['staff'], 'editor')).toBe(false)
    expect(mayGrant(['editor'], 'editor')).toBe(false)
    expect(mayGrant(['district'], 'admin')).toBe(true)
  })

  test('an admin removes staff and admins, not the district', () => {
    expect(mayRemove(['staff', 'admin'], ['staff'])).toBe(true)
    expect(mayRemove(['staff', 'admin'], ['staff', 'admin'])).toBe(true)
    expect(mayRemove(['staff', 'admin'], ['district'])).toBe(false)
    expect(mayRemove(['staff'], ['editor'])).toBe(false)
  })
})
