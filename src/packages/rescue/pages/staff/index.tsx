import { Text, View } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { ChoiceGroup } from '@/components/choice-group'
import { FormField } from '@/components/form-field'
import { PagedList } from '@/components/paged-list'
import { PageShell } from '@/components/page-shell'
import { formatChinaTime } from '@/domain/dates'
import type { AlertFigures } from '@/domain/rescue/contract'
import { ALERT_KINDS, AUTO_CLOSED, OUTCOMES, PROFESSIONS, ROLE_LABELS, type ClosedBy, type Profession, type RescueRole } from '@/domain/rescue/rules'
import { usePagedList } from '@/hooks/use-paged-list'
import { rescueService } from '@/services/rescue'
import { messageOf } from '@/services/service-error'

const CLOSED_LABELS: Record<ClosedBy, string> = { ...OUTCOMES, [AUTO_CLOSED]: '超时自动结束' }
const PROFESSION_CHOICES = (Object.keys(PROFESSIONS) as Profession[]).map((value) => ({ value, label: PROFESSIONS[value] }))
const seconds = (s: number | null) => (s === null ? '—' : s < 60 ? `${s}秒` : `${Math.floor(s / 60)}分${s % 60}秒`)

/**
 * Staff: their communities' 紧急呼 as anonymous figures (never who raised it or where), and, opened
 * from a volunteer (`?volunteerId=&name=`), recording that they saw a medical licence offline.
 */
export default function RescueStaffPage() {
  const { volunteerId, name } = useRouter().params
  const list = usePagedList<AlertFigures>((page) => rescueService.list(page), [])
  return (
    <PageShell>
      {volunteerId && <VerifyMedic volunteerId={volunteerId} name={decodeURIComponent(name ?? '')} />}
      <PagedList list={list} empty='还没有紧急呼记录'>
        {(f) => (
          <View key={f._id} className='card' data-testid='rescue-figures'>
            <Text className='section-title'>
              {f.drill ? '【演练】' : ''}
              {ALERT_KINDS[f.kind]} · {formatChinaTime(f.raisedAt)}
            </Text>
            <Text className='hint'>
              {f.status === 'open' ? '进行中' : `已结束：${f.closedBy ? CLOSED_LABELS[f.closedBy] : ''}`} · 通知{f.alerted}人 · 接受{f.accepted}人
            </Text>
            <Text className='hint'>
              首位接受用时 {seconds(f.secondsToFirstAccept)} · 首位到达用时 {seconds(f.secondsToFirstArrival)}
            </Text>
            <Text className='hint'>
              {(Object.keys(f.roles) as RescueRole[]).map((role) => `${ROLE_LABELS[role]} ${f.roles[role]}人`).join('，') || '无人接受'}
            </Text>
          </View>
        )}
      </PagedList>
    </PageShell>
  )
}

function VerifyMedic({ volunteerId, name }: { volunteerId: string; name: string }) {
  const [profession, setProfession] = useState<Profession>('doctor')
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    const { confirm } = await Taro.showModal({ title: '核验医务人员', content: `确认已线下查看${name}的执业证书？核验记录会保存您的姓名和时间。`, confirmText: '确认', cancelText: '再想想' })
    if (!confirm) return
    setBusy(true)
    try {
      await rescueService.verifyMedic(volunteerId, profession, note.trim())
      await Taro.showToast({ title: '已核验', icon: 'success' })
    } catch (failure) {
      await Taro.showModal({ title: '未能核验', content: messageOf(failure), showCancel: false, confirmText: '知道了' })
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='card' data-testid='rescue-verify-medic'>
      <Text className='section-title'>核验医务人员：{name}</Text>
      <FormField label='职业' required>
        <ChoiceGroup options={PROFESSION_CHOICES} value={profession} onChange={(value) => setProfession(value as Profession)} />
      </FormField>
      <FormField label='核验说明' required hint='如：已查看护士执业证书原件' count={{ value: note, max: 100 }}>
        <TextArea value={note} maxLength={100} onChange={setNote} />
      </FormField>
      <Button block type='primary' loading={busy} onClick={() => void submit()}>
        确认核验
      </Button>
    </View>
  )
}
