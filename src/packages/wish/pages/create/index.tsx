import { View, Picker } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useEffect, useMemo, useState } from 'react'
import * as v from 'valibot'
import { ChoiceGroup } from '@/components/choice-group'
import { FormField } from '@/components/form-field'
import { PhotoPicker } from '@/components/photo-picker'
import { PageShell } from '@/components/page-shell'
import { todayInChina } from '@/domain/dates'
import { MAX_WISH_IMAGES, WISH_CATEGORIES, wishSchema, type WishCategory } from '@/domain/wish/rules'
import { useMe } from '@/hooks/use-me'
import { useRemote } from '@/hooks/use-remote'
import { usePhotoUpload } from '@/hooks/use-photo-upload'
import { useValidatedForm } from '@/hooks/use-validated-form'
import { messageOf } from '@/services/service-error'
import { requestSubscriptions } from '@/services/subscriptions'
import { userService } from '@/services/user'
import { wishService } from '@/services/wish'
import { clearDraft, loadDraft, saveDraft, toWishInput } from '../../wish-draft'
import { pages, withQuery } from '@/routes'

const FIELDS = ['title', 'content', 'category', 'communityId', 'images', 'contactPhone', 'dueDate']

/** 我要许愿: what is needed, where, and how to reach the person; kept as a draft until posted. */
export default function CreateWishPage() {
  const today = useMemo(() => todayInChina(), [])
  const schema = useMemo(() => wishSchema(today), [today])
  const initial = useMemo(() => loadDraft(), [])
  const form = useValidatedForm(schema, initial, toWishInput)
  const photoUpload = usePhotoUpload('wishes')
  const { draft, set, errorOf } = form
  const me = useMe()
  const communities = useRemote(() => userService.communities())
  const [submitting, setSubmitting] = useState(false)

  useEffect(() => saveDraft(draft), [draft])
  useEffect(() => {
    const home = me.data?.communities[0]?._id
    if (home && !draft.communityId) form.setDraft((d) => ({ ...d, communityId: home }))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [me.data])

  const submit = async () => {
    const subscribing = requestSubscriptions('wishCreate')
    if (!form.check(FIELDS)) return
    const parsed = v.safeParse(schema, toWishInput(draft))
    if (!parsed.success) return
    setSubmitting(true)
    try {
      await subscribing
      const wish = await wishService.create(parsed.output)
      clearDraft(draft.contactPhone)
      await Taro.showToast({ title: wish.status === 'open' ? '心愿已发布' : '已提交，等待审核', icon: 'success' })
      await Taro.redirectTo({ url: withQuery(pages.wishDetail, { id: wish._id }) })
    } catch (error) {
      form.showServerError(error)
      await Taro.showModal({ title: '未能发布', content: messageOf(error), showCancel: false, confirmText: '知道了' })
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <PageShell>
      <View className='card'>
        <FormField label='心愿标题' required error={errorOf('title')} hint='一句话说清楚需要什么帮助' count={{ value: draft.title, max: 30 }}>
          <Input value={draft.title} maxLength={30} placeholder='例如：陪我去医院复查' onChange={(value) => set('title', value)} data-testid='title' />
        </FormField>
        <FormField label='心愿内容' required error={errorOf('content')} hint='时间、地点、具体需要做什么。联系方式只有认领的志愿者能看到'>
          <TextArea value={draft.content} maxLength={500} showCount placeholder='请写下您的心愿' onChange={(value) => set('content', value)} data-testid='content' />
        </FormField>
        <FormField label='类别' required error={errorOf('category')}>
          <ChoiceGroup options={WISH_CATEGORIES.map((c) => ({ value: c, label: c }))} value={draft.category} onChange={(value) => set('category', value as WishCategory)} testId='category' />
        </FormField>
        <FormField label='所在社区' required error={errorOf('communityId')}>
          <ChoiceGroup options={(communities.data ?? []).map((c) => ({ value: c._id, label: c.name }))} value={draft.communityId} onChange={(value) => set('communityId', value as string)} testId='community' />
        </FormField>
        <FormField label='照片' hint={`选填，最多${MAX_WISH_IMAGES}张；审核通过后才会显示`} error={errorOf('images')}>
          <PhotoPicker value={draft.images} onChange={(images) => set('images', images)} max={MAX_WISH_IMAGES} {...photoUpload} />
        </FormField>
        <FormField label='联系电话' required error={errorOf('contactPhone')} hint='只有认领的志愿者和社区工作人员能看到'>
          <Input type='tel' maxLength={11} value={draft.contactPhone} placeholder='11位手机号' onChange={(value) => set('contactPhone', value)} data-testid='contactPhone' />
        </FormField>
        <FormField label='希望完成日期' hint='选填' error={errorOf('dueDate')}>
          <Picker mode='date' value={draft.dueDate || today} start={today} onChange={(e) => set('dueDate', e.detail.value)}>
            <View className='form-field__picker'>{draft.dueDate || '不限'}</View>
          </Picker>
          {draft.dueDate && (
            <Button size='small' fill='none' onClick={() => set('dueDate', '')}>
              清除
            </Button>
          )}
        </FormField>
      </View>
      <Button block size='large' type='primary' loading={submitting} disabled={submitting} onClick={submit}>
        发布心愿
      </Button>
    </PageShell>
  )
}
