/**
 * The CloudBase environment id the weapp build calls (`Taro.cloud.init({ env })` in
 * src/services/cloud-client.ts), decided once per build. A release build never falls back to a
 * default: with a wrong id every cloud call of every user fails, and nothing shows it until then.
 * Builds made only to be checked (`npm run test:weapp`, `npm run bench`) say so with `--mode check`,
 * carry CHECK_BUILD_ENV_ID and go to their own folder, so they can never be uploaded from dist/weapp.
 */

/** Taro's `--mode` of a build made for checks, never for upload. */
export const CHECK_MODE = 'check'

/** What a check build carries instead of an environment id. */
export const CHECK_BUILD_ENV_ID = 'check-build-not-for-upload'

/** Ids that are known not to be anyone's environment: the default earlier builds shipped, and the check build's. */
export const NOT_AN_ENVIRONMENT = ['boai-home-prod', CHECK_BUILD_ENV_ID] as const

/** H5 never calls Taro.cloud (it reaches the local cloud over HTTP), so its builds need no id. */
export const H5_ENV_ID = 'local-cloud'

export type BuildTarget = { platform: string; mode: string; wxCloudEnv: string | undefined }

/** Why a build may not go on, as one sentence a person can act on. */
export class CloudEnvError extends Error {}

/** The weapp output folder: check builds beside the release one, never in it. */
export function weappOutputRoot(target: Pick<BuildTarget, 'platform' | 'mode'>): string {
  return target.platform === 'weapp' && target.mode === CHECK_MODE ? 'dist/weapp-check' : `dist/${target.platform}`
}

/**
 * The id to build in, or a CloudEnvError. Environment ids are the 环境 ID of 云开发控制台 → 设置 →
 * 环境设置 (letters, digits and `-`); anything with spaces or quotes is a copy-paste slip.
 */
export function cloudEnvId(target: BuildTarget): string {
  if (target.platform !== 'weapp') return H5_ENV_ID
  if (target.mode === CHECK_MODE) return CHECK_BUILD_ENV_ID
  const id = (target.wxCloudEnv ?? '').trim()
  if (!id) throw new CloudEnvError('The WeChat build needs your CloudBase environment id: run `WX_CLOUD_ENV=<环境 ID> npm run build:weapp` (云开发控制台 → 设置 → 环境设置 shows it).')
  if ((NOT_AN_ENVIRONMENT as readonly string[]).includes(id)) throw new CloudEnvError(`WX_CLOUD_ENV=${id} is a placeholder of this repository, not your environment id: set it to the 环境 ID shown in 云开发控制台 → 设置 → 环境设置.`)
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(id)) throw new CloudEnvError(`WX_CLOUD_ENV=${JSON.stringify(id)} is not an environment id (letters, digits and "-" only): copy the 环境 ID from 云开发控制台 → 设置 → 环境设置.`)
  return id
}
