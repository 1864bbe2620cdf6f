import { availableActions, canEdit, nextStatus, WALL_TABS, WISH_ACTIONS, WISH_STATUS_LABELS, WISH_STATUSES, type WishAction, type WishActor, type WishStatus } from './states'

/** Every allowed (status, action, actor) and where it leads; everything not listed is refused. */
const ALLOWED: Array<[WishStatus, WishAction, WishActor, WishStatus]> = [
  ['pending_review', 'approve', 'staff', 'open'],
  ['pending_review', 'reject', 'staff', 'rejected'],
  ['pending_review', 'cancel', 'owner', 'cancelled'],
  ['open', 'takeDown', 'staff', 'removed'],
  ['open', 'claim', 'volunteer', 'claimed'],
  ['open', 'cancel', 'owner', 'cancelled'],
  ['open', 'expire', 'system', 'expired'],
  ['claimed', 'release', 'claimer', 'open'],
  ['claimed', 'autoRelease', 'system', 'open'],
  ['claimed', 'fulfil', 'claimer', 'fulfilled'],
  ['claimed', 'cancel', 'owner', 'cancelled'],
  ['fulfilled', 'confirm', 'owner', 'completed'],
  ['fulfilled', 'reopen', 'owner', 'claimed'],
]
const ACTORS: WishActor[] = ['owner', 'claimer', 'volunteer', 'staff', 'system']

const cases = WISH_STATUSES.flatMap((status) => WISH_ACTIONS.flatMap((action) => ACTORS.map((actor) => [status, action, actor] as const)))

test.each(cases)('%s × %s × %s', (status, action, actor) => {
  const allowed = ALLOWED.find(([s, a, who]) => s === status && a === action && who === actor)
  expect(nextStatus(status, action, [actor])).toBe(allowed ? allowed[3] : null)
})

test('completed, rejected, removed, cancelled and expired wishes are final', () => {
  for (const status of ['completed', 'rejected', 'removed', 'cancelled', 'expired'] as const) {
    expect(availableActions(status, ACTORS)).toEqual([])
  }
})

test('the buttons follow the table: a volunteer on an open wish may claim; its owner may cancel', () => {
  expect(availableActions('open', ['volunteer'])).toEqual(['claim'])
  expect(availableActions('open', ['owner'])).toEqual(['cancel'])
  expect(availableActions('claimed', ['claimer', 'volunteer'])).toEqual(['release', 'fulfil'])
})

test('a taken-down wish reads 已下架, not 未通过', () => {
  expect(WISH_STATUS_LABELS[nextStatus('open', 'takeDown', ['staff']) ?? 'open']).toBe('已下架')
})

test('only the owner may edit, and only before anyone takes the wish on', () => {
  expect(canEdit('open', ['owner'])).toBe(true)
  expect(canEdit('pending_review', ['owner'])).toBe(true)
  for (const status of ['claimed', 'fulfilled', 'completed', 'rejected', 'removed', 'cancelled', 'expired'] as const) expect(canEdit(status, ['owner'])).toBe(false)
  expect(canEdit('open', ['staff', 'volunteer', 'claimer'])).toBe(false)
})

test('进行中 on the wall includes wishes waiting for their owner to confirm', () => {
  expect(WALL_TABS.in_progress).toEqual(['claimed', 'fulfilled'])
})
