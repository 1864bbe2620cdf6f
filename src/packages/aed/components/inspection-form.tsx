import { View, Text, Picker } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { ChoiceGroup } from '@/components/choice-group'
import { FormField } from '@/components/form-field'
import { PhotoPicker } from '@/components/photo-picker'
import type { AedDetail } from '@/domain/aed/contract'
import { CHECK_ITEMS, PAEDIATRIC_PADS, refusalsOf, SELF_TESTS, type CheckItem, type InspectionInput, type PaediatricPads, type SelfTest } from '@/domain/aed/inspection'
import { todayInChina } from '@/domain/dates'
import { usePhotoUpload } from '@/hooks/use-photo-upload'

const ITEM_OPTIONS = (Object.keys(CHECK_ITEMS) as CheckItem[]).map((value) => ({ value, label: CHECK_ITEMS[value] }))
const PAEDIATRIC_OPTIONS = (Object.keys(PAEDIATRIC_PADS) as PaediatricPads[]).map((value) => ({ value, label: PAEDIATRIC_PADS[value] }))
const SELF_TEST_OPTIONS = (Object.keys(SELF_TESTS) as SelfTest[]).map((value) => ({ value, label: SELF_TESTS[value] }))

export type Inspection = InspectionInput & { note: string; photo?: string }

/**
 * 记录巡检: the record sheet's checklist item by item (tick what was seen fine), the expiry dates,
 * after a use the new pads and the self-test, and a photo if the keeper wants. What would stop
 * 设备完好 is said beside each field before anything is sent.
 */
export function InspectionForm({ aed, busy, submitLabel, onSubmit }: { aed: AedDetail; busy: boolean; submitLabel: string; onSubmit(inspection: Inspection): void }) {
  const today = todayInChina()
  const [result, setResult] = useState<'ok' | 'faulty'>('ok')
  const [seenFine, setSeenFine] = useState<CheckItem[]>([])
  const [paediatricPads, setPaediatricPads] = useState<PaediatricPads>(aed.lastChecklist?.paediatricPads ?? 'notEquipped')
  const [padsReplaced, setPadsReplaced] = useState(false)
  const [selfTest, setSelfTest] = useState<SelfTest>()
  const [padsExpiry, setPadsExpiry] = useState(aed.padsExpiry ?? today)
  const [batteryExpiry, setBatteryExpiry] = useState(aed.batteryExpiry ?? today)
  const [photos, setPhotos] = useState<string[]>([])
  const upload = usePhotoUpload('aed-inspections')

  const checklist = { ...(Object.fromEntries(ITEM_OPTIONS.map(({ value }) => [value, seenFine.includes(value)])) as Record<CheckItem, boolean>), paediatricPads }
  const inspection: Inspection = { date: today, result, checklist, padsExpiry, batteryExpiry, padsReplaced, selfTest, note: '', photo: photos[0] }
  const refused = refusalsOf(inspection, aed.afterUse)
  const itemsRefused = ITEM_OPTIONS.filter(({ value }) => refused[value]).map(({ label }) => label)

  return (
    <View data-testid='aed-inspection'>
      <Text className='section-title'>巡检记录表</Text>
      {aed.afterUse && (
        <Text className='aed-detail__text' data-testid='after-use'>
          这台AED有“已被使用”的报告：电极片只能用一次，请更换新电极片、开机自检，记录后才能恢复使用。
        </Text>
      )}
      <FormField label='逐项检查（看到正常的请点选）' required error={itemsRefused.length ? `设备完好需要每项正常：${itemsRefused.join('、')}` : undefined}>
        <ChoiceGroup options={ITEM_OPTIONS} value={seenFine} multiple onChange={(value) => setSeenFine(value as CheckItem[])} testId='inspect-items' />
      </FormField>
      <FormField label='儿童电极片' required>
        <ChoiceGroup options={PAEDIATRIC_OPTIONS} value={paediatricPads} onChange={(value) => setPaediatricPads(value as PaediatricPads)} testId='inspect-paediatric' />
      </FormField>
      {aed.afterUse && (
        <>
          <FormField label='更换电极片' required error={refused.padsReplaced}>
            <ChoiceGroup options={[{ value: 'yes', label: '已更换新电极片' }]} value={padsReplaced ? ['yes'] : []} multiple onChange={(value) => setPadsReplaced((value as string[]).includes('yes'))} testId='inspect-pads-replaced' />
          </FormField>
          <FormField label='开机自检' required error={refused.selfTest}>
            <ChoiceGroup options={SELF_TEST_OPTIONS} value={selfTest} onChange={(value) => setSelfTest(value as SelfTest)} testId='inspect-self-test' />
          </FormField>
        </>
      )}
      <FormField label={padsReplaced ? '新电极片有效期' : '电极片有效期'} required error={refused.padsExpiry}>
        <Picker mode='date' value={padsExpiry} start={today} onChange={(e) => setPadsExpiry(e.detail.value)}>
          <View className='form-field__picker'>{padsExpiry}</View>
        </Picker>
      </FormField>
      <FormField label='电池有效期' required error={refused.batteryExpiry}>
        <Picker mode='date' value={batteryExpiry} start={today} onChange={(e) => setBatteryExpiry(e.detail.value)}>
          <View className='form-field__picker'>{batteryExpiry}</View>
        </Picker>
      </FormField>
      <FormField label='现场照片' hint='选填，审核通过后作为设备照片'>
        <PhotoPicker value={photos} onChange={setPhotos} max={1} {...upload} />
      </FormField>
      <FormField label='巡检结果' required>
        <ChoiceGroup options={[{ value: 'ok', label: '设备完好' }, { value: 'faulty', label: '设备故障' }]} value={result} onChange={(value) => setResult(value as 'ok' | 'faulty')} testId='inspect-result' />
      </FormField>
      <Button block type='primary' size='large' disabled={busy} data-testid='inspect-submit' onClick={() => onSubmit(inspection)}>
        {submitLabel}
      </Button>
    </View>
  )
}
