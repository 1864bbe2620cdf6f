import { availableActions, nextStatus, WISH_ACTIONS, WISH_STATUSES, type WishAction, type WishActor, type WishStatus } from './states'

/** Every allowed (status, action, actor) and where it leads; everything not listed is refused. */
const ALLOWED: Array<[WishStatus, WishAction, WishActor, WishStatus]> = [
  ['pending_review', 'approve', 'staff', 'open'],
  ['pending_review', 'reject', 'staff', 'rejected'],
  ['pending_review', 'cancel', 'owner', 'cancelled'],
  ['open', 'takeDown', 'staff', 'rejected'],
  ['open', 'claim', 'volunteer', 'claimed'],
  ['open', 'cancel', 'owner', 'cancelled'],
  ['open', 'expire', 'system', 'expired'],
  ['claimed', 'release', 'claimer', 'open'],
  ['claimed', 'autoRelease', 'system', 'open'],
  ['claimed', 'fulfil', 'claimer', 'fulfilled'],
  ['claimed', 'cancel', 'owner', 'cancelled'],
  ['fulfilled', 'confirm', 'owner', 'completed'],
]
const ACTORS: WishActor[] = ['owner', 'claimer', 'volunteer', 'staff', 'system']

const cases = WISH_STATUSES.flatMap((status) => WISH_ACTIONS.flatMap((action) => ACTORS.map((actor) => [status, action, actor] as const)))

test.each(cases)('%s × %s × %s', (status, action, actor) => {
  const allowed = ALLOWED.find(([s, a, who]) => s === status && a === action && who === actor)
  expect(nextStatus(status, action, [actor])).toBe(allowed ? allowed[3] : null)
})

test('completed, rejected, cancelled and expired wishes are final', () => {
  for (const status of ['completed', 'rejected', 'cancelled', 'expired'] as const) {
    expect(availableActions(status, ACTORS)).toEqual([])
  }
})

test('the buttons follow the table: a volunteer on an open wish may claim; its owner may cancel', () => {
  expect(availableActions('open', ['volunteer'])).toEqual(['claim'])
  expect(availableActions('open', ['owner'])).toEqual(['cancel'])
  expect(availableActions('claimed', ['claimer', 'volunteer'])).toEqual(['release', 'fulfil'])
})
