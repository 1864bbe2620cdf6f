import { Text, View } from '@tarojs/components'
import { Button, Switch, TextArea } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { ChoiceGroup } from '@/components/choice-group'
import { FormField } from '@/components/form-field'
import { PageShell } from '@/components/page-shell'
import type { LatLng } from '@/domain/geo'
import { ALERT_KINDS, type AlertKind } from '@/domain/rescue/rules'
import { withQuery } from '@/routes'
import { choosePlace, currentPosition } from '@/services/location'
import { rescueService } from '@/services/rescue'
import { messageOf } from '@/services/service-error'
import { rescuePages } from '../../routes'
import './index.scss'

const KINDS = (Object.keys(ALERT_KINDS) as AlertKind[]).map((value) => ({ value, label: ALERT_KINDS[value] }))

/**
 * Raising a 紧急呼 (issue #22): only after 120 (the person confirms they called), where the
 * patient is, what happened, and 楼栋/楼层 for those who come. Never a substitute for 120.
 */
export default function RescueRaisePage() {
  const [place, setPlace] = useState<LatLng | null>(null)
  const [locating, setLocating] = useState(true)
  const [kind, setKind] = useState<AlertKind>('cardiac_arrest')
  const [note, setNote] = useState('')
  const [called, setCalled] = useState(false)
  const [busy, setBusy] = useState(false)
  const requestId = useRef(`${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`)
  useEffect(() => {
    void currentPosition().then((here) => {
      setPlace(here)
      setLocating(false)
    })
  }, [])

  const pick = async () => {
    const chosen = await choosePlace()
    if (chosen) setPlace(chosen)
  }
  const raise = async () => {
    if (!place) return
    setBusy(true)
    try {
      const { alertId } = await rescueService.raise({ ...place, kind, note: note.trim(), requestId: requestId.current })
      void Taro.redirectTo({ url: withQuery(rescuePages.alert, { id: alertId }) })
    } catch (failure) {
      await Taro.showModal({ title: '未能发出', content: `${messageOf(failure)}\n请继续按120调度员的指导施救。`, showCancel: false, confirmText: '知道了' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell>
      <View className='card'>
        <Button type='danger' size='xlarge' block onClick={() => Taro.makePhoneCall({ phoneNumber: '120' })}>
          拨打 120
        </Button>
        <Text className='hint'>120永远第一。通知救护员不能代替120，只是让附近受过培训的人先赶来帮忙。</Text>
      </View>
      <View className='card'>
        <FormField label='病人在哪里' required hint={locating ? '正在获取位置…' : place ? '已取到位置' : '没有取到位置，请在地图上选'}>
          <Button block fill='outline' onClick={() => void pick()} data-testid='rescue-pick-place'>
            {place ? '重新选择位置' : '在地图上选择位置'}
          </Button>
        </FormField>
        <FormField label='发生了什么' required>
          <ChoiceGroup options={KINDS} value={kind} onChange={(value) => setKind(value as AlertKind)} testId='rescue-kind' />
        </FormField>
        <FormField label='楼栋、楼层、门牌' hint='只有接受呼救的救护员能看到' count={{ value: note, max: 60 }}>
          <TextArea value={note} maxLength={60} onChange={setNote} data-testid='rescue-note' />
        </FormField>
        <View className='rescue-raise__confirm'>
          <Text>我已拨打120</Text>
          <Switch checked={called} onChange={setCalled} aria-label='我已拨打120' data-testid='rescue-called-120' />
        </View>
        <Button block type='primary' size='large' loading={busy} disabled={!place || !called} onClick={() => void raise()} data-testid='rescue-raise'>
          通知附近救护员
        </Button>
      </View>
    </PageShell>
  )
}
