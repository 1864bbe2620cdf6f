import { View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { ChoiceGroup } from '@/components/choice-group'
import { FormField } from '@/components/form-field'
import type { CommunityStats } from '@/domain/stats/contract'
import { TARGET_KEYS, TARGET_LABELS, type Targets } from '@/domain/stats/figures'
import { messageOf } from '@/services/service-error'
import { statsService } from '@/services/stats'

const asText = (targets: Targets) => Object.fromEntries(TARGET_KEYS.map((key) => [key, targets[key] === undefined ? '' : String(targets[key])]))

/** 区红十字会 sets a community's yearly targets; an empty box means no target for that figure. */
export function TargetsForm({ communities, year, onSaved }: { communities: CommunityStats[]; year: number; onSaved(): void }) {
  const [communityId, setCommunityId] = useState(communities[0]?.communityId)
  const current = communities.find((c) => c.communityId === communityId)
  const [values, setValues] = useState<Record<string, string>>(() => asText(current?.targets ?? {}))
  const [busy, setBusy] = useState(false)
  useEffect(() => setValues(asText(current?.targets ?? {})), [current])
  const save = async () => {
    if (!communityId) return
    const targets = Object.fromEntries(TARGET_KEYS.filter((key) => values[key].trim() !== '').map((key) => [key, Number(values[key].trim())])) as Targets
    setBusy(true)
    try {
      await statsService.setTargets(communityId, year, targets)
      await Taro.showToast({ title: '目标已保存', icon: 'success' })
      onSaved()
    } catch (failure) {
      await Taro.showModal({ title: '未能保存', content: messageOf(failure), showCancel: false, confirmText: '知道了' })
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='card' data-testid='stats-targets'>
      <ChoiceGroup options={communities.map((c) => ({ value: c.communityId, label: c.communityName }))} value={communityId} onChange={(value) => setCommunityId(value as string)} />
      {TARGET_KEYS.map((key) => (
        <FormField key={key} label={`${year}年${TARGET_LABELS[key]}目标`}>
          <Input type='digit' value={values[key]} maxLength={9} placeholder='不设目标' onChange={(value) => setValues((v) => ({ ...v, [key]: value }))} />
        </FormField>
      ))}
      <Button block type='primary' loading={busy} onClick={() => void save()} data-testid='stats-targets-save'>
        保存目标
      </Button>
    </View>
  )
}
