import { View, Text } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { ChoiceGroup } from '@/components/choice-group'
import { FormField } from '@/components/form-field'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import { INSPECTION_CYCLES, type InspectionCycle } from '@/domain/aed/inspection'
import type { SettingsView } from '@/domain/community/contract'
import type { SettingsUpdate } from '@/domain/community/settings'
import { DUES_CAP_FEN, formatYuan } from '@/domain/member/dues'
import { useRemote } from '@/hooks/use-remote'
import { communityService } from '@/services/community'
import { useSubmit } from '@/hooks/use-submit'
import { CommunityPicker } from '../../components/community-picker'
import { useMyCommunities } from '../../use-my-communities'

type TextKey = 'name' | 'address' | 'contact' | 'orgName' | 'leaderName' | 'psychSupportContact' | 'privacyOrganisation' | 'privacyContact'
type NumberKey = 'wishClaimDays' | 'pointsPerHour' | 'checkInRadiusMeters'
type Draft = Record<TextKey | NumberKey | 'aidYuan' | 'duesAdultYuan' | 'duesYouthYuan', string> & { volunteerApprovalRequired: boolean; aedInspectionCycle: InspectionCycle }

const TEXTS: Array<{ key: TextKey; label: string; max: number; hint?: string }> = [
  { key: 'name', label: '社区名称', max: 30 },
  { key: 'address', label: '地址', max: 60, hint: '居民找到服务站的地址' },
  { key: 'contact', label: '联系方式', max: 40, hint: '电话或办公时间，公开显示' },
  { key: 'orgName', label: '红十字会名称', max: 40, hint: '出具证明等文件时使用的组织全称' },
  { key: 'leaderName', label: '负责人', max: 10, hint: '证明等文件上署名的负责人' },
  { key: 'psychSupportContact', label: '心理援建联系方式', max: 60, hint: '需要心理支持的居民联系谁，可不填' },
  { key: 'privacyOrganisation', label: '个人信息处理者', max: 40, hint: '隐私说明中写明的组织' },
  { key: 'privacyContact', label: '个人信息保护联系方式', max: 40 },
]
const NUMBERS: Array<{ key: NumberKey; label: string; hint: string }> = [
  { key: 'wishClaimDays', label: '心愿认领期限（天）', hint: '志愿者认领后要在几天内完成，1–30天' },
  { key: 'pointsPerHour', label: '每小时积分', hint: '每服务1小时记多少嘉许回馈积分，0–100' },
  { key: 'checkInRadiusMeters', label: '活动签到范围（米）', hint: '新建活动时默认的签到距离，50–2000米' },
]

const fenOf = (yuan: string) => Math.round(Number(yuan) * 100)
const yuanOf = (fen: number) => String(fen / 100)

function draftOf(s: SettingsView): Draft {
  return {
    ...Object.fromEntries(TEXTS.map(({ key }) => [key, s[key]])),
    ...Object.fromEntries(NUMBERS.map(({ key }) => [key, String(s[key])])),
    aidYuan: yuanOf(s.aidSecondApprovalFen),
    duesAdultYuan: yuanOf(s.dues.adultFen),
    duesYouthYuan: yuanOf(s.dues.youthFen),
    volunteerApprovalRequired: s.volunteerApprovalRequired,
    aedInspectionCycle: s.aedInspectionCycle,
  } as Draft
}

/** Only what the admin changed goes to the server (each change is validated and recorded there). */
function changesOf(saved: SettingsView, draft: Draft): SettingsUpdate {
  const changes: Record<string, unknown> = { communityId: saved.communityId }
  for (const { key } of TEXTS) if (draft[key].trim() !== saved[key]) changes[key] = draft[key].trim()
  for (const { key } of NUMBERS) if (Number(draft[key]) !== saved[key]) changes[key] = Number(draft[key])
  if (fenOf(draft.aidYuan) !== saved.aidSecondApprovalFen) changes.aidSecondApprovalFen = fenOf(draft.aidYuan)
  if (fenOf(draft.duesAdultYuan) !== saved.dues.adultFen || fenOf(draft.duesYouthYuan) !== saved.dues.youthFen) changes.dues = { adultFen: fenOf(draft.duesAdultYuan), youthFen: fenOf(draft.duesYouthYuan) }
  if (draft.volunteerApprovalRequired !== saved.volunteerApprovalRequired) changes.volunteerApprovalRequired = draft.volunteerApprovalRequired
  if (draft.aedInspectionCycle !== saved.aedInspectionCycle) changes.aedInspectionCycle = draft.aedInspectionCycle
  return changes as SettingsUpdate
}

/** 社区设置: anyone of the station reads them; its admins change them. */
export default function CommunitySettingsPage() {
  const { me, communities, chosen, choose } = useMyCommunities()
  const settings = useRemote(async () => (chosen ? communityService.settings(chosen) : undefined), [chosen])
  return (
    <PageShell>
      <CommunityPicker communities={communities} value={chosen} onChange={choose} />
      <LoadState loading={(me.loading || settings.loading) && !settings.data} error={settings.data ? undefined : settings.error ?? me.error} empty={!chosen && !me.loading ? '您还不是任何社区的工作人员' : false} onRetry={settings.retry}>
        {settings.data && <SettingsForm key={settings.data.communityId} saved={settings.data} onSaved={() => void settings.reload()} />}
      </LoadState>
    </PageShell>
  )
}

function SettingsForm({ saved, onSaved }: { saved: SettingsView; onSaved(): void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(saved))
  useEffect(() => setDraft(draftOf(saved)), [saved])
  const { busy, errors, run } = useSubmit()
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }))
  const readOnly = !saved.canManage
  const changes = changesOf(saved, draft)
  const changed = Object.keys(changes).length > 1
  const save = async () => {
    const done = await run(() => communityService.update(changes), '未能保存')
    if (done) {
      await Taro.showToast({ title: '已保存', icon: 'success' })
      onSaved()
    }
  }
  return (
    <View className='card' data-testid='community-settings'>
      <Text className='section-title'>{saved.name}</Text>
      {readOnly && <Text className='hint'>只有本社区的管理员可以修改这些设置。</Text>}
      {TEXTS.map(({ key, label, max, hint }) => (
        <FormField key={key} label={label} hint={hint} error={errors[key]} count={readOnly ? undefined : { value: draft[key], max }} testId={`setting-${key}`}>
          <Input value={draft[key]} maxLength={max} disabled={readOnly} onChange={(value) => set(key, value)} />
        </FormField>
      ))}
      <FormField label='志愿者需要审核' hint='开启后，新注册的志愿者经工作人员审核才能参加服务' error={errors.volunteerApprovalRequired}>
        <ChoiceGroup options={[{ value: 'yes', label: '需要审核' }, { value: 'no', label: '不需要' }]} value={draft.volunteerApprovalRequired ? 'yes' : 'no'} onChange={(v) => !readOnly && set('volunteerApprovalRequired', v === 'yes')} testId='setting-approval' />
      </FormField>
      {NUMBERS.map(({ key, label, hint }) => (
        <FormField key={key} label={label} hint={hint} error={errors[key]} testId={`setting-${key}`}>
          <Input value={draft[key]} type='number' disabled={readOnly} onChange={(value) => set(key, value.replace(/\D/g, ''))} />
        </FormField>
      ))}
      <FormField label='AED巡检周期' error={errors.aedInspectionCycle}>
        <ChoiceGroup options={(Object.keys(INSPECTION_CYCLES) as InspectionCycle[]).map((value) => ({ value, label: INSPECTION_CYCLES[value] }))} value={draft.aedInspectionCycle} onChange={(v) => !readOnly && set('aedInspectionCycle', v as InspectionCycle)} testId='setting-cycle' />
      </FormField>
      <FormField label='互助金复核金额（元）' hint='超过这个金额的救助，需要第二位工作人员同意' error={errors.aidSecondApprovalFen} testId='setting-aid'>
        <Input value={draft.aidYuan} type='digit' disabled={readOnly} onChange={(value) => set('aidYuan', value)} />
      </FormField>
      <FormField label='成人会员会费（元/年）' hint={`最多${formatYuan(DUES_CAP_FEN.adult)}（《中国红十字会会费管理办法》）`} error={errors['dues.adultFen'] ?? errors.dues} testId='setting-dues-adult'>
        <Input value={draft.duesAdultYuan} type='digit' disabled={readOnly} onChange={(value) => set('duesAdultYuan', value)} />
      </FormField>
      <FormField label='青少年会员会费（元/年）' hint={`最多${formatYuan(DUES_CAP_FEN.youth)}（《中国红十字会会费管理办法》）`} error={errors['dues.youthFen']} testId='setting-dues-youth'>
        <Input value={draft.duesYouthYuan} type='digit' disabled={readOnly} onChange={(value) => set('duesYouthYuan', value)} />
      </FormField>
      {!readOnly && (
        <Button block type='primary' loading={busy} disabled={!changed} onClick={save} data-testid='settings-save'>
          {changed ? '保存修改' : '没有修改'}
        </Button>
      )}
    </View>
  )
}
