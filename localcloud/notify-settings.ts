import { localTemplateSetting, STATE_VARIABLE, TEMPLATES_VARIABLE } from '@/domain/notify/deployment'

/**
 * The functions' subscribe-message setting, as a deployer sets it on CloudBase (README → Deploying
 * to WeChat), unless the environment already sets it: the catalogue's local template ids, and
 * `developer`, since the local cloud serves a development build.
 */
export function ensureNotifySettings(): void {
  process.env[TEMPLATES_VARIABLE] ??= localTemplateSetting()
  process.env[STATE_VARIABLE] ??= 'developer'
}
