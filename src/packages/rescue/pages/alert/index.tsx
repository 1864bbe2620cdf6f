import { Text, View } from '@tarojs/components'
import { Button, Switch } from '@nutui/nutui-react-taro'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { CprMetronome } from '@/components/cpr-metronome'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import { CPR_RATE_PER_MINUTE } from '@/domain/firstaid/cpr'
import { formatDistance } from '@/domain/geo'
import type { AlertView, Debrief } from '@/domain/rescue/contract'
import { ALERT_KINDS, AUTO_CLOSED, etaMinutes, OUTCOMES, ROLE_LABELS, type ClosedBy, type Outcome } from '@/domain/rescue/rules'
import { navigateTo } from '@/services/location'
import { rescueService } from '@/services/rescue'
import { messageOf } from '@/services/service-error'
import { requestSubscriptions } from '@/services/subscriptions'
import { useAlert } from '../../use-alert'
import './index.scss'

const CLOSED_LABELS: Record<ClosedBy, string> = { ...OUTCOMES, [AUTO_CLOSED]: '60分钟后自动结束' }
const OUTCOME_CHOICES = Object.keys(OUTCOMES) as Outcome[]

/** One 紧急呼, as the person who raised it or a responder may see it (refreshing every 5 s while open). */
export default function RescueAlertPage() {
  const alertId = useRouter().params.id ?? ''
  const alert = useAlert(alertId)
  const [busy, setBusy] = useState(false)
  const a = alert.data

  const act = async (work: () => Promise<unknown>, failTitle: string) => {
    setBusy(true)
    try {
      await work()
      await alert.reload()
    } catch (failure) {
      await Taro.showModal({ title: failTitle, content: messageOf(failure), showCancel: false, confirmText: '知道了' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell>
      <LoadState loading={alert.loading && !a} error={a ? undefined : alert.error} onRetry={alert.retry}>
        {a && (
          <>
            <Text className={`rescue-alert__banner ${a.drill ? 'rescue-alert__drill' : ''}`} data-testid='rescue-alert-banner'>
              {a.drill ? '【演练】' : ''}
              {ALERT_KINDS[a.kind]} · {a.status === 'open' ? '进行中' : `已结束：${a.closedBy ? CLOSED_LABELS[a.closedBy] : ''}`}
            </Text>
            {a.viewer === 'raiser' ? <RaiserView a={a} busy={busy} act={act} /> : <ResponderView a={a} busy={busy} act={act} />}
          </>
        )}
      </LoadState>
    </PageShell>
  )
}

type ViewProps = { a: AlertView; busy: boolean; act(work: () => Promise<unknown>, failTitle: string): Promise<void> }

function RaiserView({ a, busy, act }: ViewProps) {
  const close = async () => {
    const { tapIndex } = await Taro.showActionSheet({ itemList: OUTCOME_CHOICES.map((o) => OUTCOMES[o]) }).catch(() => ({ tapIndex: -1 }))
    const outcome = OUTCOME_CHOICES[tapIndex]
    if (!outcome) return
    const { confirm } = await Taro.showModal({ title: '结束呼救', content: `结果：${OUTCOMES[outcome]}。结束后救护员将看不到病人位置。`, confirmText: '结束', cancelText: '再想想' })
    if (confirm) await act(() => rescueService.close(a._id, outcome), '未能结束')
  }
  return (
    <>
      <View className='card' data-testid='rescue-raiser'>
        <Text className='rescue-alert__big' data-testid='rescue-alerted'>已通知 {a.alerted} 位救护员</Text>
        {a.widened && <Text className='hint'>90秒内无人接受，已扩大到2公里范围</Text>}
        <Text className='hint'>继续按120调度员的指导施救，不要挂断电话。</Text>
      </View>
      <View className='card'>
        <Text className='section-title'>正在赶来（{a.accepters.length}）</Text>
        {a.accepters.length === 0 && <Text className='hint'>还没有人接受，请继续施救</Text>}
        {a.accepters.map((p, i) => (
          <View key={i} className='rescue-alert__person' data-testid='rescue-accepter'>
            <View>
              <Text className='rescue-alert__big'>
                {p.name} · {ROLE_LABELS[p.role]}
              </Text>
              <Text className='hint'>
                {formatDistance(p.distanceMeters)}，约{p.etaMinutes}分钟 {p.aedFetched ? '· 已取到AED' : ''} {p.arrived ? '· 已到达' : ''}
              </Text>
            </View>
            {p.phone && (
              <Button size='large' type='primary' onClick={() => Taro.makePhoneCall({ phoneNumber: p.phone! })}>
                打电话
              </Button>
            )}
          </View>
        ))}
      </View>
      {a.bystanderAed && (
        <View className='card' data-testid='rescue-bystander-aed'>
          <Text className='section-title'>请身边的人去取AED</Text>
          <Text className='rescue-alert__big'>{a.bystanderAed.name}</Text>
          <Text className='hint'>
            {a.bystanderAed.landmark}，距病人{formatDistance(a.bystanderAed.distanceMeters)}
          </Text>
        </View>
      )}
      {a.status === 'open' && (
        <Button block fill='outline' size='large' loading={busy} onClick={() => void close()} data-testid='rescue-close'>
          结束
        </Button>
      )}
    </>
  )
}

function ResponderView({ a, busy, act }: ViewProps) {
  const mine = a.mine
  if (!mine) return null
  const accepted = mine.answer === 'accepted'
  return (
    <>
      {a.status === 'open' && !accepted && (
        <View className='card' data-testid='rescue-invite'>
          <Text className='rescue-alert__big'>距您约{formatDistance(mine.distanceMeters)}，步行约{etaMinutes(mine.distanceMeters)}分钟</Text>
          <Text className='hint'>发起人已拨打120。接受后您会看到病人位置和说明。</Text>
          <View className='rescue-alert__actions'>
            <Button block type='primary' size='large' loading={busy} onClick={() => void act(() => rescueService.respond(a._id, 'accept'), '未能接受')} data-testid='rescue-accept'>
              我能去
            </Button>
            {mine.answer === 'alerted' && (
              <Button block fill='outline' loading={busy} onClick={() => void act(() => rescueService.respond(a._id, 'decline'), '未能提交')}>
                去不了
              </Button>
            )}
          </View>
        </View>
      )}
      {a.status === 'open' && accepted && <OnTheWay a={a} busy={busy} act={act} />}
      {a.status === 'closed' && (
        <View className='card'>
          <Text className='rescue-alert__big'>呼救已结束，谢谢您</Text>
          {mine.debriefDue && <DebriefForm busy={busy} onSubmit={(answers) => act(() => rescueService.debrief(a._id, answers), '未能提交')} />}
          {mine.debrief && <Text className='hint' data-testid='rescue-debrief-done'>回访已提交</Text>}
          {a.psychSupportContact && <Text className='hint'>心理援建：{a.psychSupportContact}</Text>}
          <Button block fill='outline' onClick={() => void requestSubscriptions('rescueAfterAlert')}>
            再接收一次紧急呼
          </Button>
        </View>
      )}
    </>
  )
}

function OnTheWay({ a, busy, act }: ViewProps) {
  const mine = a.mine!
  const [handsOnly, setHandsOnly] = useState(true)
  return (
    <>
      <View className='card' data-testid='rescue-role'>
        <Text className='rescue-alert__big'>您的任务：{mine.role ? ROLE_LABELS[mine.role] : '赶往现场'}</Text>
        {a.note && <Text className='rescue-alert__big'>{a.note}</Text>}
        {a.location && (
          <Button block type='primary' size='large' onClick={() => navigateTo({ ...a.location!, name: '呼救地点', address: a.note ?? '' }) || Taro.showToast({ title: '请在微信中打开导航', icon: 'none' })}>
            导航到病人
          </Button>
        )}
        {mine.aed && (
          <View data-testid='rescue-my-aed'>
            <Text className='rescue-alert__big'>先去取：{mine.aed.name}</Text>
            <Text className='hint'>{mine.aed.landmark}</Text>
            <Button block fill='outline' onClick={() => navigateTo({ ...mine.aed!.location, name: mine.aed!.name, address: mine.aed!.address })}>
              导航到AED
            </Button>
          </View>
        )}
        {a.bystanderAed && <Text className='hint'>最近可用的AED：{a.bystanderAed.name}（{a.bystanderAed.landmark}）</Text>}
        <View className='rescue-alert__actions'>
          {mine.role === 'aed' && (
            <Button block type='primary' disabled={mine.aedFetched} loading={busy} onClick={() => void act(() => rescueService.progress(a._id, 'aed_fetched'), '未能更新')} data-testid='rescue-aed-fetched'>
              {mine.aedFetched ? '已取到AED' : '已取到AED，正在赶去'}
            </Button>
          )}
          <Button block type='primary' disabled={mine.arrived} loading={busy} onClick={() => void act(() => rescueService.progress(a._id, 'arrived'), '未能更新')} data-testid='rescue-arrived'>
            {mine.arrived ? '已到达' : '我已到达'}
          </Button>
        </View>
      </View>
      <View className='card'>
        <View className='rescue-alert__question'>
          <Text>只做胸外按压</Text>
          <Switch checked={handsOnly} onChange={setHandsOnly} aria-label='只做胸外按压' />
        </View>
        {process.env.TARO_ENV === 'weapp' ? <cpr-metronome rate={CPR_RATE_PER_MINUTE} breaths={!handsOnly} /> : <CprMetronome handsOnly={handsOnly} />}
      </View>
    </>
  )
}

const QUESTIONS: Array<[keyof Debrief, string]> = [
  ['arrivedBefore120', '您比120先到吗？'],
  ['cprGiven', '您做了心肺复苏吗？'],
  ['aedUsed', '用上AED了吗？'],
]

function DebriefForm({ busy, onSubmit }: { busy: boolean; onSubmit(answers: Debrief): Promise<void> }) {
  const [answers, setAnswers] = useState<Debrief>({ arrivedBefore120: false, cprGiven: false, aedUsed: false })
  return (
    <View data-testid='rescue-debrief'>
      <Text className='section-title'>三个问题的回访</Text>
      {QUESTIONS.map(([key, question]) => (
        <View key={key} className='rescue-alert__question'>
          <Text>{question}</Text>
          <Switch checked={answers[key]} onChange={(on) => setAnswers((a) => ({ ...a, [key]: on }))} aria-label={question} />
        </View>
      ))}
      <Button block type='primary' loading={busy} onClick={() => void onSubmit(answers)} data-testid='rescue-debrief-submit'>
        提交回访
      </Button>
    </View>
  )
}
