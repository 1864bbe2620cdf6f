import { View, Picker } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import Taro, { useRouter } from '@tarojs/taro'
import { useMemo, useState } from 'react'
import * as v from 'valibot'
import { ChoiceGroup } from '@/components/choice-group'
import { FormField } from '@/components/form-field'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import { todayInChina } from '@/domain/dates'
import type { WishDetail } from '@/domain/wish/contract'
import { WISH_CATEGORIES, wishEditSchema, type WishCategory } from '@/domain/wish/rules'
import { useRemote } from '@/hooks/use-remote'
import { useValidatedForm } from '@/hooks/use-validated-form'
import { messageOf } from '@/services/service-error'
import { wishService } from '@/services/wish'

type Draft = { wishId: string; title: string; content: string; category?: WishCategory; contactPhone: string; dueDate: string }
const FIELDS = ['title', 'content', 'category', 'contactPhone', 'dueDate']
const toInput = ({ dueDate, ...rest }: Draft) => (dueDate ? { ...rest, dueDate } : rest)

/** 修改心愿: its owner changes a wish nobody has taken on yet (photos and community stay). */
export default function EditWishPage() {
  const id = useRouter().params.id ?? ''
  const wish = useRemote(() => wishService.get(id), [id])
  return (
    <PageShell>
      <LoadState loading={wish.loading && !wish.data} error={wish.data ? undefined : wish.error} onRetry={wish.retry} empty={wish.data && !wish.data.editable ? '心愿已有志愿者认领或已结束，不能再修改' : false}>
        {wish.data && <EditWishForm wish={wish.data} />}
      </LoadState>
    </PageShell>
  )
}

/** The form, started from the wish as it is (so its fields never change value while they mount). */
function EditWishForm({ wish }: { wish: WishDetail }) {
  const today = useMemo(() => todayInChina(), [])
  const schema = useMemo(() => wishEditSchema(today), [today])
  const initial: Draft = { wishId: wish._id, title: wish.title, content: wish.content, category: wish.category, contactPhone: wish.contact?.phone ?? '', dueDate: wish.dueDate ?? '' }
  const form = useValidatedForm<Draft>(schema, initial, toInput)
  const { draft, set, errorOf } = form
  const [saving, setSaving] = useState(false)

  const save = async () => {
    const parsed = v.safeParse(schema, toInput(draft))
    if (!form.check(FIELDS) || !parsed.success) return
    setSaving(true)
    try {
      const saved = await wishService.edit(parsed.output)
      await Taro.showToast({ title: saved.status === 'pending_review' ? '已保存，等待审核' : '已保存', icon: 'success' })
      await Taro.navigateBack()
    } catch (error) {
      if (!form.showServerError(error)) await Taro.showModal({ title: '未能保存', content: messageOf(error), showCancel: false, confirmText: '知道了' })
    } finally {
      setSaving(false)
    }
  }

  return (
    <>
      <View className='card'>
        <FormField label='心愿标题' required error={errorOf('title')} count={{ value: draft.title, max: 30 }}>
          <Input value={draft.title} maxLength={30} onChange={(value) => set('title', value)} data-testid='title' />
        </FormField>
        <FormField label='心愿内容' required error={errorOf('content')} hint='修改后的内容会重新检查，需要时由工作人员审核'>
          <TextArea value={draft.content} maxLength={500} showCount onChange={(value) => set('content', value)} data-testid='content' />
        </FormField>
        <FormField label='类别' required error={errorOf('category')}>
          <ChoiceGroup options={WISH_CATEGORIES.map((c) => ({ value: c, label: c }))} value={draft.category} onChange={(value) => set('category', value as WishCategory)} testId='category' />
        </FormField>
        <FormField label='联系电话' required error={errorOf('contactPhone')} hint='只有认领的志愿者和社区工作人员能看到'>
          <Input type='tel' maxLength={11} value={draft.contactPhone} onChange={(value) => set('contactPhone', value)} data-testid='contactPhone' />
        </FormField>
        <FormField label='希望完成日期' hint='选填' error={errorOf('dueDate')}>
          <Picker mode='date' value={draft.dueDate || today} start={today} onChange={(e) => set('dueDate', e.detail.value)}>
            <View className='form-field__picker'>{draft.dueDate || '不限'}</View>
          </Picker>
          {draft.dueDate && (
            <Button fill='none' onClick={() => set('dueDate', '')}>
              清除
            </Button>
          )}
        </FormField>
      </View>
      <Button block size='large' type='primary' loading={saving} disabled={saving} onClick={save}>
        保存修改
      </Button>
    </>
  )
}
