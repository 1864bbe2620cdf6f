import { View, Text, ScrollView } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { ChoiceGroup } from '@/components/choice-group'
import { CloudImage } from '@/components/cloud-image'
import { LoadState } from '@/components/load-state'
import { PagedList } from '@/components/paged-list'
import { PageShell } from '@/components/page-shell'
import { SearchBox } from '@/components/search-box'
import type { FundEntry, FundProject } from '@/domain/fund/contract'
import { EXPENSE_CATEGORIES, formatYuan, INCOME_CATEGORIES, type FundCategory } from '@/domain/fund/rules'
import { usePagedList } from '@/hooks/use-paged-list'
import { useMe } from '@/hooks/use-me'
import { useRemote } from '@/hooks/use-remote'
import { useShareEverywhere } from '@/hooks/use-share'
import { withQuery } from '@/routes'
import { fundService } from '@/services/fund'
import { userService } from '@/services/user'
import { EntryRow } from '../../components/entry-row'
import { LedgerCheckBanner } from '../../components/ledger-check'
import { MonthBars } from '../../components/month-bars'
import { fundPages } from '../../routes'
import { useLedgerCheck } from '../../use-ledger-check'
import '../../components/choice-scroll.scss'
import './index.scss'

const ALL = 'all'
const CATEGORY_OPTIONS = [{ value: ALL, label: '全部' }, ...[...INCOME_CATEGORIES, ...EXPENSE_CATEGORIES].map((c) => ({ value: c, label: c }))]

/**
 * Giving happens on the designated platform, never in this app: 慈善法 (2016) art. 23, kept in the
 * 2023 revision, has a charity's online public fundraising published on the platforms the 民政部
 * designates. On WeChat the project's mini-program page opens; on H5 its link is shown.
 */
async function openPlatform(project: FundProject) {
  const { platform } = project
  if (process.env.TARO_ENV === 'weapp' && platform.appId) {
    await Taro.navigateToMiniProgram({ appId: platform.appId, path: platform.path || undefined })
    return
  }
  const link = platform.url || `${platform.name}小程序（AppID ${platform.appId}）`
  await Taro.showModal({ title: `去${platform.name}捐款`, content: `请在${platform.name}打开：${link}`, showCancel: false, confirmText: '知道了' })
}

/** 互助金公开: a community's 博爱互助金, income and spending both public (两公开), checked on the phone. */
export default function FundPublicPage() {
  const communities = useRemote(() => userService.communities())
  const me = useMe()
  const [communityId, setCommunityId] = useState(useRouter().params.id)
  useEffect(() => {
    if (!communityId && communities.data?.[0]) setCommunityId(communities.data[0]._id)
  }, [communityId, communities.data])
  const summary = useRemote(async () => (communityId ? fundService.summary(communityId) : undefined), [communityId])
  const projects = useRemote(async () => (communityId ? fundService.projects(communityId) : undefined), [communityId])
  const check = useLedgerCheck(communityId, summary.data?.headHash)
  const [month, setMonth] = useState(ALL)
  const [category, setCategory] = useState(ALL)
  const [keyword, setKeyword] = useState('')
  const list = usePagedList<FundEntry>(
    (page) =>
      communityId
        ? fundService.entries(communityId, { month: month === ALL ? undefined : month, category: category === ALL ? undefined : (category as FundCategory), keyword: keyword || undefined }, page)
        : Promise.resolve({ items: [], hasMore: false, page: 1, pageSize: 20 }),
    [communityId, month, category, keyword],
  )
  useShareEverywhere({ title: summary.data ? `${summary.data.communityName}博爱互助金公开` : undefined, page: fundPages.public, id: communityId })
  const s = summary.data
  const monthOptions = [{ value: ALL, label: '全部月份' }, ...(s?.byMonth ?? []).filter((m) => m.incomeFen || m.expenseFen).map((m) => ({ value: m.month, label: m.month }))]

  return (
    <PageShell className='fund'>
      <ScrollView scrollX className='fund-choice-scroll'>
        <ChoiceGroup options={(communities.data ?? []).map((c) => ({ value: c._id, label: c.name }))} value={communityId} onChange={(value) => setCommunityId(value as string)} testId='fund-community' />
      </ScrollView>
      <LoadState loading={summary.loading && !s} error={s ? undefined : (summary.error ?? communities.error)} onRetry={summary.reload}>
        {s && (
          <>
            <View className='card fund__balance' data-testid='fund-balance'>
              <Text className='fund__label'>{s.communityName} 博爱互助金 当前余额</Text>
              <Text className='fund__big'>{formatYuan(s.balanceFen)} 元</Text>
              <View className='fund__totals'>
                <Text className='fund__total'>累计收入 {formatYuan(s.incomeFen)} 元</Text>
                <Text className='fund__total'>累计支出 {formatYuan(s.expenseFen)} 元</Text>
                <Text className='fund__total'>救助 {s.aided} 人次 · 共 {s.entries} 笔</Text>
              </View>
              <LedgerCheckBanner check={check} />
              <Text className='hint fund__why'>每一笔都编号并与上一笔相连（哈希链），您的手机会自己重新核对一遍；受助人姓名已隐藏。</Text>
            </View>

            <Text className='section-title'>近 12 个月收支</Text>
            <View className='card'>
              <MonthBars months={s.byMonth} />
            </View>

            {s.byCategory.length > 0 && (
              <>
                <Text className='section-title'>本年按类别</Text>
                <View className='card' data-testid='fund-categories'>
                  {s.byCategory.map((c) => (
                    <View key={c.category} className='fund__category'>
                      <Text className='fund__category-name'>
                        {c.kind === 'income' ? '收入' : '支出'} · {c.category}
                      </Text>
                      <Text className='fund__category-amount'>{formatYuan(c.amountFen)} 元</Text>
                    </View>
                  ))}
                </View>
              </>
            )}
          </>
        )}
      </LoadState>

      {(projects.data?.items ?? []).length > 0 && <Text className='section-title'>募捐项目</Text>}
      {(projects.data?.items ?? []).map((p) => (
        <View key={p._id} className='card fund__project' data-testid='fund-project'>
          <Text className='fund__project-title'>{p.title}</Text>
          <Text className='fund__text'>{p.story}</Text>
          {p.photos.length > 0 && (
            <ScrollView scrollX className='fund__photos'>
              {p.photos.map((src) => (
                <CloudImage key={src} className='fund__photo' src={src} onExpired={projects.reload} onClick={() => void Taro.previewImage({ urls: p.photos, current: src })} testId='fund-project-photo' />
              ))}
            </ScrollView>
          )}
          <View className='fund__progress'>
            <View className='fund__progress-bar' style={{ width: `${Math.min(100, Math.round((p.raisedFen / p.targetFen) * 100))}%` }} />
          </View>
          <Text className='fund__text'>
            已筹 {formatYuan(p.raisedFen)} / 目标 {formatYuan(p.targetFen)} 元 · 已用 {formatYuan(p.spentFen)} 元
          </Text>
          <Text className='hint'>
            {p.startDate} 至 {p.endDate}。捐款通过民政部指定的募捐平台（{p.platform.name}）进行，本程序不收款。
          </Text>
          <Button block type='primary' onClick={() => void openPlatform(p)}>
            去{p.platform.name}捐款
          </Button>
        </View>
      ))}

      <Text className='section-title'>收支明细</Text>
      <View className='card'>
        <SearchBox placeholder='搜索捐赠人、用途、凭证号' onSearch={setKeyword} testId='fund-search' />
        <ScrollView scrollX className='fund-choice-scroll'>
          <ChoiceGroup options={monthOptions} value={month} onChange={(value) => setMonth(value as string)} testId='fund-month' />
        </ScrollView>
        <ScrollView scrollX className='fund-choice-scroll'>
          <ChoiceGroup options={CATEGORY_OPTIONS} value={category} onChange={(value) => setCategory(value as string)} testId='fund-category' />
        </ScrollView>
        <PagedList list={list} empty={keyword ? `没有找到含“${keyword}”的账目` : '这里还没有账目'}>
          {(entry) => <EntryRow key={entry._id} entry={entry} />}
        </PagedList>
      </View>

      <View className='fund__links'>
        <Button block type='primary' onClick={() => void Taro.navigateTo({ url: communityId ? withQuery(fundPages.apply, { id: communityId }) : fundPages.apply })}>
          申请互助金救助
        </Button>
        <Button block fill='outline' onClick={() => void Taro.navigateTo({ url: fundPages.receipt })}>
          核验捐赠证明
        </Button>
        {!!communityId && me.data?.staffCommunityIds.includes(communityId) && (
          <Button block fill='outline' onClick={() => void Taro.navigateTo({ url: fundPages.staff })} data-testid='fund-staff-entry'>
            记账与审核（工作人员）
          </Button>
        )}
      </View>
    </PageShell>
  )
}
