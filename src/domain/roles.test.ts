import { effectiveRoles } from './roles'

test('everyone is a resident; granted roles follow in a fixed order', () => {
  expect(effectiveRoles([])).toEqual(['resident'])
  expect(effectiveRoles(['staff', 'volunteer'])).toEqual(['resident', 'volunteer', 'staff'])
})
