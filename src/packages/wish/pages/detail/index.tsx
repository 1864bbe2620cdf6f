import { View, Text } from '@tarojs/components'
import { Button, Input, Tag, TextArea } from '@nutui/nutui-react-taro'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { CloudImage } from '@/components/cloud-image'
import { LoadState } from '@/components/load-state'
import { PhotoPicker } from '@/components/photo-picker'
import { PageShell } from '@/components/page-shell'
import { Timeline } from '@/components/timeline'
import { formatChinaTime } from '@/domain/dates'
import type { WishDetail } from '@/domain/wish/contract'
import { MAX_WISH_IMAGES, WISH_HOURS_LABELS, WISH_MINUTES } from '@/domain/wish/rules'
import { WISH_STATUS_LABELS, WISH_STATUS_TONES, type WishAction } from '@/domain/wish/states'
import { pages, withQuery } from '@/routes'
import { usePhotoUpload } from '@/hooks/use-photo-upload'
import { useRemote } from '@/hooks/use-remote'
import { useShare } from '@/hooks/use-share'
import { messageOf, ServiceError } from '@/services/service-error'
import { requestSubscriptions } from '@/services/subscriptions'
import { wishService } from '@/services/wish'
import { wishTimeline } from '../../wish-timeline'
import './index.scss'

/** Actions that need words from the person, with what the box asks for and whether it is required. */
const NOTE_PROMPTS: Partial<Record<WishAction, { label: string; placeholder: string; required: boolean }>> = {
  fulfil: { label: '完成说明', placeholder: '做了什么、什么时候完成的', required: true },
  confirm: { label: '感谢信（选填）', placeholder: '想对志愿者说的话', required: false },
  cancel: { label: '取消原因', placeholder: '例如：家里人已经帮忙解决了', required: true },
  reopen: { label: '还差什么', placeholder: '例如：灯还是不亮，请再来看看', required: true },
  release: { label: '放弃原因（选填）', placeholder: '例如：临时有事去不了', required: false },
  reject: { label: '不通过的原因', placeholder: '心愿主人会看到', required: true },
  takeDown: { label: '下架原因', placeholder: '心愿主人会看到', required: true },
}

const BUTTONS: Record<WishAction, { label: string; type: 'primary' | 'default' | 'danger'; confirm?: string }> = {
  claim: { label: '我来认领', type: 'primary', confirm: '认领后请尽快联系心愿主人，并在本社区规定的期限内完成（认领后显示截止时间）；超时未完成会自动释放给其他志愿者。' },
  fulfil: { label: '标记已完成', type: 'primary' },
  confirm: { label: '确认心愿已完成', type: 'primary', confirm: '确认后心愿完成。志愿者报告的服务时间由社区工作人员核定后记入。' },
  reopen: { label: '还没完成', type: 'default', confirm: '心愿会退回给这位志愿者继续完成，对方会收到您写的说明。' },
  release: { label: '放弃认领', type: 'default', confirm: '放弃后心愿会重新开放给其他志愿者，心愿主人会收到通知。' },
  cancel: { label: '取消心愿', type: 'danger', confirm: '取消后不能恢复，确定要取消这个心愿吗？' },
  approve: { label: '审核通过', type: 'primary' },
  reject: { label: '审核不通过', type: 'danger' },
  takeDown: { label: '下架', type: 'danger', confirm: '下架后心愿不再显示在心愿墙上。' },
  autoRelease: { label: '', type: 'default' },
  expire: { label: '', type: 'default' },
}

function perform(wish: WishDetail, action: WishAction, note: string, photos: string[], minutes: number): Promise<WishDetail> {
  switch (action) {
    case 'claim':
      return wishService.claim(wish._id)
    case 'release':
      return wishService.release(wish._id, note)
    case 'fulfil':
      return wishService.fulfil(wish._id, note, photos, minutes)
    case 'confirm':
      return wishService.confirm(wish._id, note)
    case 'reopen':
      return wishService.reopen(wish._id, note)
    case 'cancel':
      return wishService.cancel(wish._id, note)
    case 'approve':
      return wishService.review(wish._id, 'approve')
    case 'reject':
      return wishService.review(wish._id, 'reject', note)
    default:
      return wishService.takeDown(wish._id, note)
  }
}

export default function WishDetailPage() {
  const id = useRouter().params.id ?? ''
  const remote = useRemote(() => wishService.get(id), [id])
  const shown = remote.data
  // Back from 修改心愿: show the wish as it is now.
  useDidShow(() => {
    if (remote.data) void remote.reload()
  })
  // To friends only (not the timeline): a wish is about someone's circumstances.
  useShare({ title: shown && `红心愿：${shown.title}`, page: pages.wishDetail, id })
  const [pending, setPending] = useState<WishAction>()
  // One draft per action: switching between 放弃认领 and 标记已完成 keeps what was typed for each.
  const [notes, setNotes] = useState<Partial<Record<WishAction, string>>>({})
  const note = (pending && notes[pending]) || ''
  const [photos, setPhotos] = useState<string[]>([])
  const photoUpload = usePhotoUpload('fulfilments')
  const [busy, setBusy] = useState(false)
  const [noteError, setNoteError] = useState<string>()
  const [minutes, setMinutes] = useState('')
  const [minutesError, setMinutesError] = useState<string>()

  const act = async (action: WishAction) => {
    if (!shown) return
    const prompt = NOTE_PROMPTS[action]
    if (prompt && pending !== action) {
      setPending(action)
      setNoteError(undefined)
      return
    }
    if (prompt?.required && note.trim().length < 2) {
      setNoteError(`请填写${prompt.label}，至少2个字`)
      return
    }
    const spent = Number(minutes)
    if (action === 'fulfil' && !(Number.isInteger(spent) && spent >= WISH_MINUTES.min && spent <= WISH_MINUTES.max)) {
      setMinutesError(`请填写实际服务的分钟数，${WISH_MINUTES.min}到${WISH_MINUTES.max}之间`)
      return
    }
    const button = BUTTONS[action]
    if (button.confirm) {
      const { confirm } = await Taro.showModal({ title: button.label, content: button.confirm, confirmText: '确定', cancelText: '再想想' })
      if (!confirm) return
    }
    // The claimer will want to hear when the owner confirms, or if the claim is released: asked
    // from the confirming tap, before any request.
    const subscribing = action === 'claim' ? requestSubscriptions('wishClaim') : undefined
    setBusy(true)
    try {
      await subscribing
      await perform(shown, action, note.trim(), photos, spent)
      setPending(undefined)
      setNotes((drafts) => ({ ...drafts, [action]: '' }))
      setPhotos([])
      await Taro.showToast({ title: '已提交', icon: 'success' })
      await remote.reload()
    } catch (error) {
      if (error instanceof ServiceError && error.code === 'CONFLICT') {
        // Someone else was faster (e.g. claimed it first): show how things stand now.
        await Taro.showToast({ title: error.message, icon: 'none' })
        await remote.reload()
      } else {
        await Taro.showModal({ title: '操作未完成', content: messageOf(error), showCancel: false, confirmText: '知道了' })
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell>
      <LoadState loading={remote.loading && !shown} error={shown ? undefined : remote.error} onRetry={remote.retry}>
        {shown && (
          <>
            <View className='card' data-testid='wish-detail'>
              <View className='wish-detail__head'>
                <Text className='section-title'>{shown.title}</Text>
                <View data-testid='wish-status'>
                  <Tag type={WISH_STATUS_TONES[shown.status]}>{WISH_STATUS_LABELS[shown.status]}</Tag>
                </View>
              </View>
              <Text className='hint'>
                {shown.category} · {shown.communityName} · {shown.ownerName}
                {shown.dueDate ? ` · 希望 ${shown.dueDate} 前完成` : ''}
              </Text>
              <Text className='wish-detail__content'>{shown.content}</Text>
              {shown.relation !== 'owner' && shown.relation !== 'claimer' && shown.relation !== 'staff' && shown.content.endsWith('…') && (
                <Text className='hint'>完整内容和联系方式在认领后可见</Text>
              )}
              {shown.editable && (
                <Button fill='outline' onClick={() => Taro.navigateTo({ url: withQuery(pages.wishEdit, { id: shown._id }) })} data-testid='wish-edit'>
                  修改心愿
                </Button>
              )}
              {shown.images.length > 0 && (
                <View className='wish-detail__images'>
                  {shown.images.map((src, index) => (
                    // Keyed by position: a fresh link for an expired one keeps the same image.
                    <CloudImage key={index} className='wish-detail__image' src={src} onExpired={remote.reload} onClick={() => Taro.previewImage({ urls: shown.images, current: src })} testId='wish-image' />
                  ))}
                </View>
              )}
              {shown.imagesPending > 0 && <Text className='hint'>{shown.imagesPending} 张照片正在审核，通过后显示</Text>}
            </View>

            {shown.contact && (
              <View className='card wish-detail__contact' data-testid='wish-contact'>
                <View>
                  <Text className='wish-detail__contact-name'>联系人：{shown.contact.name}</Text>
                  <Text className='wish-detail__contact-phone'>{shown.contact.phone}</Text>
                  {shown.claimDeadline && shown.status === 'claimed' && <Text className='hint'>请在 {formatChinaTime(shown.claimDeadline)} 前完成</Text>}
                </View>
                {shown.relation !== 'owner' && (
                  <Button type='primary' onClick={() => Taro.makePhoneCall({ phoneNumber: shown.contact?.phone ?? '' })}>
                    拨打电话
                  </Button>
                )}
              </View>
            )}

            {shown.claimerName && (shown.relation === 'owner' || shown.relation === 'staff') && (
              <View className='card wish-detail__contact' data-testid='wish-claimer'>
                <View>
                  <Text className='wish-detail__contact-name'>认领志愿者：{shown.claimerName}</Text>
                  {shown.claimerPhone && <Text className='wish-detail__contact-phone'>{shown.claimerPhone}</Text>}
                </View>
                {shown.claimerPhone && (
                  <Button type='primary' onClick={() => Taro.makePhoneCall({ phoneNumber: shown.claimerPhone ?? '' })}>
                    联系志愿者
                  </Button>
                )}
              </View>
            )}

            {shown.contactReleases && shown.contactReleases.length > 0 && (
              <View className='card' data-testid='wish-releases'>
                <Text className='section-title'>看到联系方式后放弃认领</Text>
                {shown.contactReleases.map((r) => (
                  <Text key={r.name} className='hint'>
                    {r.name} · {r.count} 次 · 最近 {formatChinaTime(r.lastAt)}
                  </Text>
                ))}
              </View>
            )}

            {shown.fulfilment && (
              <View className='card' data-testid='wish-fulfilment'>
                <Text className='section-title'>完成情况</Text>
                <Text>{shown.fulfilment.note}</Text>
                {shown.fulfilment.photos.length > 0 && (
                  <View className='wish-detail__images'>
                    {shown.fulfilment.photos.map((src, index) => (
                      <CloudImage key={index} className='wish-detail__image' src={src} onExpired={remote.reload} onClick={() => Taro.previewImage({ urls: shown.fulfilment?.photos ?? [], current: src })} />
                    ))}
                  </View>
                )}
                {shown.fulfilment.minutes !== null && <Text className='hint'>志愿者报告服务 {shown.fulfilment.minutes} 分钟</Text>}
                {shown.serviceHours && (
                  <Text className='hint' data-testid='wish-service-hours'>
                    服务时长 {shown.serviceHours.hours} 小时 · {WISH_HOURS_LABELS[shown.serviceHours.status]}
                    {shown.serviceHours.reason ? `：${shown.serviceHours.reason}` : ''}
                  </Text>
                )}
                {shown.thanks && <Text className='wish-detail__thanks'>感谢信：{shown.thanks}</Text>}
              </View>
            )}

            {shown.actions.length > 0 && (
              <View className='card' data-testid='wish-actions'>
                {pending && NOTE_PROMPTS[pending] && (
                  <View className='wish-detail__note'>
                    <Text className='form-field__label'>{NOTE_PROMPTS[pending]?.label}</Text>
                    <TextArea
                      value={note}
                      maxLength={200}
                      showCount
                      placeholder={NOTE_PROMPTS[pending]?.placeholder}
                      onChange={(value) => {
                        setNotes((drafts) => ({ ...drafts, [pending]: value }))
                        setNoteError(undefined)
                      }}
                      data-testid='wish-note'
                    />
                    {noteError && (
                      <View className='form-field__error' role='alert'>
                        {noteError}
                      </View>
                    )}
                    {pending === 'fulfil' && (
                      <>
                        <Text className='form-field__label'>实际服务时间（分钟）</Text>
                        <Text className='hint'>如实填写花了多少时间，社区工作人员核定后记入服务时长</Text>
                        <Input
                          type='number'
                          value={minutes}
                          maxLength={3}
                          placeholder='例如 60'
                          onChange={(value) => {
                            setMinutes(value)
                            setMinutesError(undefined)
                          }}
                          data-testid='wish-minutes'
                        />
                        {minutesError && (
                          <View className='form-field__error' role='alert'>
                            {minutesError}
                          </View>
                        )}
                        <PhotoPicker value={photos} onChange={setPhotos} max={MAX_WISH_IMAGES} {...photoUpload} />
                      </>
                    )}
                  </View>
                )}
                <View className='wish-detail__buttons'>
                  {shown.actions
                    .filter((action) => BUTTONS[action].label)
                    .map((action) => (
                      <Button key={action} type={BUTTONS[action].type} size='large' disabled={busy} onClick={() => act(action)}>
                        {pending === action ? `确定${BUTTONS[action].label.replace(/^确认/, '')}` : BUTTONS[action].label}
                      </Button>
                    ))}
                </View>
              </View>
            )}

            <View className='card'>
              <Text className='section-title'>心愿进度</Text>
              <Timeline items={wishTimeline(shown)} />
            </View>
          </>
        )}
      </LoadState>
    </PageShell>
  )
}
