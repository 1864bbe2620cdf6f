import cloud from 'wx-server-sdk'

// DYNAMIC_CURRENT_ENV: the function talks to the environment it is deployed in.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })

export { cloud }
export const db = cloud.database()
export const _ = db.command

/** Collections, named once. */
export const collections = {
  users: 'users',
  communities: 'communities',
  inbox: 'inbox',
  subscriptions: 'subscriptions',
} as const
