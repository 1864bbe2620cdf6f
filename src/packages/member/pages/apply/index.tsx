import { View, Text } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useMemo, useState } from 'react'
import * as v from 'valibot'
import { ChoiceGroup } from '@/components/choice-group'
import { ConsentCheck } from '@/components/consent-check'
import { StepBar } from '@/components/step-bar'
import { FormField } from '@/components/form-field'
import { PageShell } from '@/components/page-shell'
import { todayInChina } from '@/domain/dates'
import { ADDRESS_HINT, applicationSchema, GENDERS, GUARDIAN_RELATIONS, type GuardianRelation } from '@/domain/member/application'
import { maskIdNumber, maskPhone } from '@/domain/privacy'
import { useRemote } from '@/hooks/use-remote'
import { useValidatedForm } from '@/hooks/use-validated-form'
import { memberService } from '@/services/member'
import { messageOf } from '@/services/service-error'
import { requestSubscriptions } from '@/services/subscriptions'
import { userService } from '@/services/user'
import { areas } from '@/routes'
import { derivedFromDraft, draftFrom, EMPTY_DRAFT, needsGuardian, STEPS, toApplicationInput, type ApplicationDraft } from '../../application-draft'
import { CHARTER_SUMMARY } from '../../consent-text'
import { PrivacyNotice } from '@/components/privacy-notice'
import { ID_NUMBER_PURPOSE } from '@/domain/privacy-notice'
import './index.scss'

const RELATION_OPTIONS = GUARDIAN_RELATIONS.map((value) => ({ value, label: value }))

export default function ApplyPage() {
  const today = useMemo(() => todayInChina(), [])
  const schema = useMemo(() => applicationSchema(today), [today])
  const toInput = useMemo(() => (draft: ApplicationDraft) => toApplicationInput(draft, today), [today])
  const form = useValidatedForm(schema, EMPTY_DRAFT, toInput)
  const { draft, set, errorOf } = form
  const communities = useRemote(() => userService.communities())
  const [step, setStep] = useState(0)
  const [submitting, setSubmitting] = useState(false)
  const resubmit = useRouter().params.resubmit === '1'

  // Correcting a rejected application starts from what was sent.
  useEffect(() => {
    if (!resubmit) return
    void memberService.mine().then(({ application }) => application && form.setDraft(draftFrom(application)))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [resubmit])

  const youth = needsGuardian(draft, today)
  const derived = derivedFromDraft(draft)

  const next = () => {
    if (form.check([...STEPS[step].fields])) setStep(step + 1)
  }

  const submit = async () => {
    const subscribing = requestSubscriptions('memberApply')
    const parsed = v.safeParse(schema, toInput(draft))
    if (!parsed.success) {
      const failing = STEPS.findIndex((s) => !form.check([...s.fields]))
      setStep(Math.max(failing, 0))
      return
    }
    setSubmitting(true)
    try {
      await subscribing
      await memberService.apply(parsed.output)
      await Taro.showToast({ title: '已提交，请等待审核', icon: 'success' })
      await Taro.redirectTo({ url: areas.member })
    } catch (error) {
      if (form.showServerError(error)) {
        const failing = STEPS.findIndex((s) => s.fields.some((field) => form.errorOf(field)))
        setStep(Math.max(failing, 0))
      }
      await Taro.showModal({ title: '未能提交', content: messageOf(error), showCancel: false, confirmText: '知道了' })
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <PageShell className='apply'>
      <StepBar steps={STEPS.map((s) => s.title)} current={step} testId='apply-steps' />

      <View className='card'>
        {step === 0 && (
          <>
            <FormField label='姓名' required error={errorOf('name')}>
              <Input value={draft.name} placeholder='请填写身份证上的姓名' onChange={(value) => set('name', value)} data-testid='name' />
            </FormField>
            <FormField label='身份证号' required error={errorOf('idNumber')} hint={resubmit ? '为保护您的隐私，请重新填写身份证号' : '18位，最后一位是X的请填写X'}>
              <Input type='idcard' maxLength={18} value={draft.idNumber} placeholder='18位身份证号' onChange={(value) => set('idNumber', value)} data-testid='idNumber' />
              {derived && !errorOf('idNumber') && (
                <Text className='apply__derived' data-testid='derived'>
                  出生日期 {derived.birthDate}，性别 {GENDERS[derived.gender]}（由身份证号得出，请核对）
                </Text>
              )}
            </FormField>
            <FormField label='手机号' required error={errorOf('phone')}>
              <Input type='tel' maxLength={11} value={draft.phone} placeholder='11位手机号' onChange={(value) => set('phone', value)} data-testid='phone' />
            </FormField>
          </>
        )}

        {step === 1 && (
          <>
            <FormField label='所在社区' required error={errorOf('communityId')}>
              <ChoiceGroup
                options={(communities.data ?? []).map((c) => ({ value: c._id, label: c.name }))}
                value={draft.communityId}
                onChange={(value) => set('communityId', value as string)}
                testId='community'
              />
            </FormField>
            <FormField label='居住小区和楼栋' required error={errorOf('address')} hint={ADDRESS_HINT}>
              <Input value={draft.address} placeholder='小区和楼栋' onChange={(value) => set('address', value)} data-testid='address' />
            </FormField>
            {youth && (
              <View className='apply__guardian' data-testid='guardian'>
                <Text className='apply__guardian-title'>监护人信息（未满18周岁需要填写）</Text>
                {errorOf('guardian') && <Text className='form-field__error'>{errorOf('guardian')}</Text>}
                <FormField label='监护人姓名' required error={errorOf('guardian.name')}>
                  <Input value={draft.guardianName} placeholder='监护人姓名' onChange={(value) => set('guardianName', value, ['guardian', 'guardian.name'])} data-testid='guardianName' />
                </FormField>
                <FormField label='与申请人关系' required error={errorOf('guardian.relation')}>
                  <ChoiceGroup
                    options={RELATION_OPTIONS}
                    value={draft.guardianRelation}
                    onChange={(value) => set('guardianRelation', value as GuardianRelation, ['guardian', 'guardian.relation'])}
                    testId='guardianRelation'
                  />
                </FormField>
                <FormField label='监护人手机号' required error={errorOf('guardian.phone')}>
                  <Input type='tel' maxLength={11} value={draft.guardianPhone} placeholder='11位手机号' onChange={(value) => set('guardianPhone', value, ['guardian', 'guardian.phone'])} data-testid='guardianPhone' />
                </FormField>
              </View>
            )}
          </>
        )}

        {step === 2 && (
          <>
            <Text className='apply__doc-title'>《中国红十字会章程》要点</Text>
            {CHARTER_SUMMARY.map((line) => (
              <Text key={line} className='apply__doc'>
                {line}
              </Text>
            ))}
            <Text className='apply__doc-title'>个人信息保护说明</Text>
            <Text className='hint'>这份说明随时可以在 我的 → 隐私说明 中查看。</Text>
            <PrivacyNotice handler={communities.data?.find((c) => c._id === draft.communityId)?.privacyHandler ?? null} />
            <FormField label='同意章程与隐私说明' required error={errorOf('consent')}>
              <ConsentCheck checked={draft.consent} onChange={(checked) => set('consent', checked)} testId='consent'>
                我已阅读并同意《中国红十字会章程》和个人信息保护说明
              </ConsentCheck>
            </FormField>
            <Text className='apply__doc apply__doc--sensitive'>{ID_NUMBER_PURPOSE}</Text>
            <FormField label='单独同意收集身份证号' required error={errorOf('idConsent')}>
              <ConsentCheck checked={draft.idConsent} onChange={(checked) => set('idConsent', checked)} testId='idConsent'>
                我同意为办理入会收集我的身份证号
              </ConsentCheck>
            </FormField>
          </>
        )}

        {step === 3 && (
          <View className='apply__summary' data-testid='summary'>
            {[
              ['姓名', draft.name],
              ['身份证号', maskIdNumber(draft.idNumber)],
              ['出生日期', derived?.birthDate ?? ''],
              ['性别', derived ? GENDERS[derived.gender] : ''],
              ['手机号', maskPhone(draft.phone)],
              ['所在社区', communities.data?.find((c) => c._id === draft.communityId)?.name ?? ''],
              ['小区和楼栋', draft.address],
              ...(youth ? [['监护人', `${draft.guardianName}（${draft.guardianRelation ?? ''}）${maskPhone(draft.guardianPhone)}`]] : []),
            ].map(([label, value]) => (
              <View key={label} className='apply__summary-row'>
                <Text className='apply__summary-label'>{label}</Text>
                <Text className='apply__summary-value'>{value}</Text>
              </View>
            ))}
          </View>
        )}
      </View>

      <View className='apply__actions'>
        {step > 0 && (
          <Button size='large' onClick={() => setStep(step - 1)}>
            上一步
          </Button>
        )}
        {step < STEPS.length - 1 ? (
          <Button size='large' type='primary' onClick={next}>
            下一步
          </Button>
        ) : (
          <Button size='large' type='primary' loading={submitting} disabled={submitting} onClick={submit}>
            提交申请
          </Button>
        )}
      </View>
    </PageShell>
  )
}
