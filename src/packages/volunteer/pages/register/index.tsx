import { View, Text } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import Taro, { useRouter } from '@tarojs/taro'
import { useMemo, useState } from 'react'
import * as v from 'valibot'
import { ChoiceGroup } from '@/components/choice-group'
import { ConsentCheck } from '@/components/consent-check'
import { LoadState } from '@/components/load-state'
import { FormField } from '@/components/form-field'
import { PageShell } from '@/components/page-shell'
import type { VolunteerProfile } from '@/domain/volunteer/contract'
import { todayInChina } from '@/domain/dates'
import { DAY_PARTS, idBirthDate, isMinor, SKILLS, volunteerRegistrationSchema, volunteerUpdateSchema, WEEKDAYS, type Skill } from '@/domain/volunteer/profile'
import { useRemote } from '@/hooks/use-remote'
import { useValidatedForm } from '@/hooks/use-validated-form'
import { messageOf } from '@/services/service-error'
import { requestSubscriptions } from '@/services/subscriptions'
import { userService } from '@/services/user'
import { volunteerService } from '@/services/volunteer'
import './index.scss'
import { areas } from '@/routes'

type Draft = {
  name: string
  phone: string
  communityId?: string
  birthYear: string
  idNumber: string
  idConsent: boolean
  guardianName: string
  guardianPhone: string
  guardianConsent: boolean
  skills: Skill[]
  availability: string[]
  intro: string
}
const EMPTY: Draft = { name: '', phone: '', birthYear: '', idNumber: '', idConsent: false, guardianName: '', guardianPhone: '', guardianConsent: false, skills: [], availability: [], intro: '' }
const FIELDS = ['name', 'phone', 'communityId', 'birthYear', 'idNumber', 'idConsent', 'guardian', 'guardian.name', 'guardian.phone', 'guardian.consent', 'skills', 'availability', 'intro']

const yearOf = (text: string) => (/^\d{4}$/.test(text.trim()) ? Number(text.trim()) : undefined)
/** Whether the guardian part is asked: under 18 by the ID number when given, else by the birth year. */
const minor = (draft: Draft) => {
  const today = todayInChina()
  return isMinor({ birthYear: yearOf(draft.birthYear), birthDate: idBirthDate(draft.idNumber.trim().toUpperCase(), today) }, today)
}

function toInput(draft: Draft) {
  return {
    name: draft.name,
    phone: draft.phone,
    communityId: draft.communityId,
    birthYear: yearOf(draft.birthYear),
    idNumber: draft.idNumber,
    idConsent: draft.idNumber.trim() ? draft.idConsent : false,
    guardian: minor(draft) ? { name: draft.guardianName, phone: draft.guardianPhone, consent: draft.guardianConsent || undefined } : null,
    skills: draft.skills,
    availability: draft.availability,
    intro: draft.intro,
  }
}

/**
 * 注册志愿者, and (with `?edit=1`) 修改志愿者资料: the same form, filled from the profile, where the
 * name and community stay as registered and the rest can change.
 */
export default function VolunteerRegisterPage() {
  const editing = useRouter().params.edit === '1'
  const mine = useRemote(async (): Promise<VolunteerProfile | null> => (editing ? (await volunteerService.mine()).profile : null))
  return (
    <PageShell>
      <LoadState loading={mine.loading} error={mine.error} onRetry={mine.reload}>
        {/* Drawn once the profile is here: the form starts from it instead of being filled after mounting. */}
        {!mine.loading && !mine.error && <VolunteerForm profile={mine.data ?? null} />}
      </LoadState>
    </PageShell>
  )
}

const draftOf = (profile: VolunteerProfile): Draft => ({
  ...EMPTY,
  name: profile.name,
  phone: profile.phone,
  communityId: profile.communityId,
  skills: profile.skills,
  availability: profile.availability,
  intro: profile.intro,
})

function VolunteerForm({ profile }: { profile: VolunteerProfile | null }) {
  // Editing changes phone, skills, time and introduction only: checked by the update rules.
  const schema = useMemo(() => (profile ? volunteerUpdateSchema : volunteerRegistrationSchema(todayInChina())), [profile])
  const form = useValidatedForm(schema, profile ? draftOf(profile) : EMPTY, toInput)
  const { draft, set, errorOf } = form
  const communities = useRemote(() => userService.communities())
  const [submitting, setSubmitting] = useState(false)

  const toggleSlot = (slot: string) =>
    set('availability', draft.availability.includes(slot) ? draft.availability.filter((s) => s !== slot) : [...draft.availability, slot])

  const submit = async () => {
    // From the tap itself, as WeChat requires: the review result, and then the wishes claimed.
    const subscribing = profile ? Promise.resolve() : requestSubscriptions('volunteerRegister')
    if (!form.check(FIELDS)) return
    setSubmitting(true)
    try {
      await subscribing
      if (profile) {
        const { phone, skills, availability, intro } = draft
        await volunteerService.update({ phone, skills, availability, intro })
        await Taro.showToast({ title: '资料已保存', icon: 'success' })
        await Taro.navigateBack()
        return
      }
      const parsed = v.safeParse(volunteerRegistrationSchema(todayInChina()), toInput(draft))
      if (!parsed.success) return
      const registered = await volunteerService.register(parsed.output)
      await Taro.showToast({ title: registered.status === 'active' ? '注册成功' : '已提交，等待社区审核', icon: 'success' })
      await Taro.redirectTo({ url: areas.volunteer })
    } catch (error) {
      form.showServerError(error)
      await Taro.showModal({ title: profile ? '没有保存' : '未能注册', content: messageOf(error), showCancel: false, confirmText: '知道了' })
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <>
      <View className='card'>
        {profile ? (
          <Text className='hint'>
            {profile.name} · {profile.communityName}（姓名和社区如需更改，请联系社区工作人员）
          </Text>
        ) : (
          <FormField label='姓名' required error={errorOf('name')}>
            <Input value={draft.name} placeholder='真实姓名' onChange={(value) => set('name', value)} data-testid='name' />
          </FormField>
        )}
        <FormField label='手机号' required error={errorOf('phone')} hint='只有社区工作人员能看到'>
          <Input type='tel' maxLength={11} value={draft.phone} placeholder='11位手机号' onChange={(value) => set('phone', value)} data-testid='phone' />
        </FormField>
        {!profile && (
          <FormField label='出生年份' required hint='未满18周岁需要监护人同意' error={errorOf('birthYear')}>
            <Input type='number' maxLength={4} value={draft.birthYear} placeholder='例如 1975' onChange={(value) => set('birthYear', value)} data-testid='birthYear' />
          </FormField>
        )}
        {!profile && (
          <FormField label='身份证号' hint='选填。用于把服务记录报送全国志愿服务信息系统、出具服务证明；填写后按身份证计算年龄' error={errorOf('idNumber')}>
            <Input maxLength={18} value={draft.idNumber} placeholder='18位身份证号' onChange={(value) => set('idNumber', value, ['idNumber', 'birthYear', 'guardian'])} data-testid='idNumber' />
          </FormField>
        )}
        {!profile && draft.idNumber.trim() !== '' && (
          <FormField label='同意保存身份证号' required error={errorOf('idConsent')}>
            <ConsentCheck checked={draft.idConsent} onChange={(checked) => set('idConsent', checked, ['idConsent'])} testId='idConsent'>
              同意社区红十字会加密保存我的身份证号，只用于报送志愿服务记录和出具服务证明，只有本社区工作人员能查看
            </ConsentCheck>
          </FormField>
        )}
        {!profile && minor(draft) && (
          <View data-testid='guardian'>
            <FormField label='监护人姓名' required error={errorOf('guardian.name') ?? errorOf('guardian')}>
              <Input value={draft.guardianName} maxLength={20} onChange={(value) => set('guardianName', value, ['guardian.name', 'guardian'])} data-testid='guardianName' />
            </FormField>
            <FormField label='监护人手机号' required error={errorOf('guardian.phone')}>
              <Input type='tel' maxLength={11} value={draft.guardianPhone} onChange={(value) => set('guardianPhone', value, ['guardian.phone', 'guardian'])} data-testid='guardianPhone' />
            </FormField>
            <FormField label='监护人同意' required error={errorOf('guardian.consent')}>
              <ConsentCheck checked={draft.guardianConsent} onChange={(checked) => set('guardianConsent', checked, ['guardian.consent', 'guardian'])} testId='guardianConsent'>
                监护人已知晓并同意我注册志愿者、参加适合我年龄的志愿服务
              </ConsentCheck>
            </FormField>
          </View>
        )}
        {!profile && (
          <FormField label='所在社区' required error={errorOf('communityId')}>
            <ChoiceGroup
              options={(communities.data ?? []).map((c) => ({ value: c._id, label: c.name }))}
              value={draft.communityId}
              onChange={(value) => set('communityId', value as string)}
              testId='community'
            />
          </FormField>
        )}
        <FormField label='服务技能' required error={errorOf('skills')} hint='可多选'>
          <ChoiceGroup multiple options={SKILLS.map((s) => ({ value: s, label: s }))} value={draft.skills} onChange={(value) => set('skills', value as Skill[])} testId='skills' />
        </FormField>
        <FormField label='每周通常有空的时间' error={errorOf('availability')} hint='点选格子，可多选'>
          <View className='availability' data-testid='availability'>
            <View className='availability__row'>
              <Text className='availability__corner' />
              {DAY_PARTS.map(([, label]) => (
                <Text key={label} className='availability__head'>
                  {label}
                </Text>
              ))}
            </View>
            {WEEKDAYS.map(([day, dayLabel]) => (
              <View key={day} className='availability__row'>
                <Text className='availability__day'>{dayLabel}</Text>
                {DAY_PARTS.map(([part, partLabel]) => {
                  const slot = `${day}-${part}`
                  const on = draft.availability.includes(slot)
                  return (
                    <View
                      key={slot}
                      className={`availability__cell ${on ? 'availability__cell--on' : ''}`}
                      role='checkbox'
                      aria-checked={on}
                      aria-label={`${dayLabel}${partLabel}`}
                      onClick={() => toggleSlot(slot)}
                    >
                      {on ? '有空' : ''}
                    </View>
                  )
                })}
              </View>
            ))}
          </View>
        </FormField>
        <FormField label='自我介绍' hint='选填，例如擅长什么、以前做过的志愿服务' error={errorOf('intro')}>
          <TextArea value={draft.intro} maxLength={200} showCount onChange={(value) => set('intro', value)} data-testid='intro' />
        </FormField>
      </View>
      <Button block size='large' type='primary' loading={submitting} disabled={submitting} onClick={submit}>
        {profile ? '保存资料' : '提交注册'}
      </Button>
    </>
  )
}
