import { Text, View } from '@tarojs/components'
import { Button, Input, Switch } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { ChoiceGroup } from '@/components/choice-group'
import { FormField } from '@/components/form-field'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import type { ResponderArea } from '@/domain/rescue/contract'
import { DEFAULT_RADIUS_METERS, MAX_AREAS, PROFESSIONS } from '@/domain/rescue/rules'
import { useRemote } from '@/hooks/use-remote'
import { choosePlace } from '@/services/location'
import { rememberDuty, rescueService } from '@/services/rescue'
import { messageOf } from '@/services/service-error'
import { requestSubscriptions } from '@/services/subscriptions'
import './index.scss'

const RADII = [500, 1000, 1500, 2000].map((m) => ({ value: String(m), label: m < 1000 ? `${m}米` : `${m / 1000}公里` }))

/**
 * 紧急呼救护员 settings: whether the person may respond (and why not), consent, up to three places,
 * radius, the on-duty switch, and 还可接收 N 次紧急呼 with its top-up (each one-time grant lets one
 * alert through as a WeChat message; the inbox gets every alert regardless).
 */
export default function RescueSettingsPage() {
  const me = useRemote(() => rescueService.me(), [])
  const [areas, setAreas] = useState<ResponderArea[]>([])
  const [radius, setRadius] = useState(String(DEFAULT_RADIUS_METERS))
  const [label, setLabel] = useState('家')
  const [consent, setConsent] = useState(false)
  const [busy, setBusy] = useState(false)
  const m = me.data
  useEffect(() => {
    if (!m) return
    rememberDuty(m.enrolled && m.onDuty)
    setAreas(m.areas)
    setRadius(String(m.radiusMeters))
  }, [m])

  const act = async (work: () => Promise<unknown>, failTitle: string) => {
    setBusy(true)
    try {
      await work()
      await me.reload()
    } catch (failure) {
      await Taro.showModal({ title: failTitle, content: messageOf(failure), showCancel: false, confirmText: '知道了' })
    } finally {
      setBusy(false)
    }
  }

  const addPlace = async () => {
    const place = await choosePlace()
    if (!place) return void Taro.showToast({ title: '没有取到位置', icon: 'none' })
    setAreas((list) => [...list, { label: label.trim() || `地点${list.length + 1}`, latitude: place.latitude, longitude: place.longitude }].slice(0, MAX_AREAS))
  }
  const save = () => act(() => rescueService.enrol(areas, Number(radius)), '未能保存')
  const topUp = () => act(() => requestSubscriptions('rescueTopUp'), '未能订阅')
  const leave = async () => {
    const { confirm } = await Taro.showModal({ title: '退出紧急呼', content: '退出后不再收到紧急呼，您选的地点会立即删除。', confirmText: '退出', cancelText: '再想想' })
    if (confirm) await act(() => rescueService.leave(), '未能退出')
  }

  return (
    <PageShell>
      <LoadState loading={me.loading && !m} error={m ? undefined : me.error} onRetry={me.retry}>
        {m && (
          <>
            <View className='card' data-testid='rescue-eligibility'>
              <Text className='section-title'>{m.eligible ? '您可以参加紧急呼' : '暂时不能参加紧急呼'}</Text>
              {m.why && <Text className='hint'>{m.why}</Text>}
              {m.medic && <Text className='hint'>社区已核验：{PROFESSIONS[m.medic.profession]}</Text>}
              {m.certificateValidUntil && <Text className='hint'>救护员证有效至 {m.certificateValidUntil}</Text>}
              <Text className='hint'>紧急呼不能代替120：有人呼救时，发起人已先拨打120。您只在自己选的地点附近收到呼救，我们不会追踪您的位置。</Text>
            </View>

            {m.enrolled && (
              <View className='card'>
                <View className='rescue-settings__row'>
                  <Text>值守中（可以接收紧急呼）</Text>
                  <Switch checked={m.onDuty} disabled={busy} onChange={(on) => void act(() => rescueService.duty(on), '未能切换')} aria-label='值守' data-testid='rescue-duty' />
                </View>
                {!m.longTerm && (
                  <>
                    <Text className='rescue-settings__count' data-testid='rescue-grants'>还可接收 {m.grantsLeft} 次紧急呼</Text>
                    <Text className='hint'>微信每次订阅只允许发一条消息。次数用完后，呼救仍会进入“消息”，但手机上不会弹出提醒。</Text>
                    <Button block type='primary' loading={busy} onClick={() => void topUp()} data-testid='rescue-top-up'>
                      增加可接收次数
                    </Button>
                  </>
                )}
                <Text className='hint'>已响应 {m.answered} 次呼救</Text>
              </View>
            )}

            {m.eligible && (
              <View className='card'>
                <Text className='section-title'>接收呼救的地点（最多{MAX_AREAS}个）</Text>
                {areas.map((area, i) => (
                  <View key={`${area.label}-${i}`} className='rescue-settings__area'>
                    <Text>{area.label}</Text>
                    <Button fill='outline' onClick={() => setAreas((list) => list.filter((_a, j) => j !== i))}>
                      删除
                    </Button>
                  </View>
                ))}
                {areas.length < MAX_AREAS && (
                  <>
                    <FormField label='地点名称' hint='如 家、单位'>
                      <Input value={label} maxLength={10} onChange={setLabel} data-testid='rescue-area-label' />
                    </FormField>
                    <Button block fill='outline' onClick={() => void addPlace()} data-testid='rescue-add-area'>
                      添加当前位置或在地图上选
                    </Button>
                  </>
                )}
                <FormField label='接收范围' hint='离呼救地点在这个范围内才会通知您；无人响应时会扩大到2公里'>
                  <ChoiceGroup options={RADII} value={radius} onChange={(value) => setRadius(value as string)} testId='rescue-radius' />
                </FormField>
                {!m.enrolled && (
                  <View className='rescue-settings__row'>
                    <Text>我同意社区把我选的地点用于紧急呼匹配，并在我接受呼救时向发起人显示我的姓氏、距离和电话</Text>
                    <Switch checked={consent} onChange={setConsent} aria-label='同意' data-testid='rescue-consent' />
                  </View>
                )}
                <Button block type='primary' loading={busy} disabled={!areas.length || (!m.enrolled && !consent)} onClick={() => void save()} data-testid='rescue-enrol'>
                  {m.enrolled ? '保存设置' : '加入紧急呼'}
                </Button>
                {m.enrolled && (
                  <Button block fill='outline' loading={busy} onClick={() => void leave()}>
                    退出紧急呼
                  </Button>
                )}
              </View>
            )}
          </>
        )}
      </LoadState>
    </PageShell>
  )
}
