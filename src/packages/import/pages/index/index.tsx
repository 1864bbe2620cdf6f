import { View, Text } from '@tarojs/components'
import { Button, Cell } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ChoiceGroup } from '@/components/choice-group'
import { PagedList } from '@/components/paged-list'
import { PageShell } from '@/components/page-shell'
import type { ImportSummary, PreviewAnswer, TemplateAnswer } from '@/domain/import/contract'
import { IMPORT_KINDS, KIND_LABELS, type ImportKind } from '@/domain/import/kinds'
import { useMe } from '@/hooks/use-me'
import { usePagedList } from '@/hooks/use-paged-list'
import { importPages } from '@/routes'
import { importService, MAX_SHEET_BYTES } from '@/services/import'
import { messageOf } from '@/services/service-error'
import { ImportHistoryItem } from '../../components/import-history'
import { PreviewCard } from '../../components/preview-card'
import './index.scss'

const KIND_OPTIONS = IMPORT_KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }))

const tell = (title: string, content: string) => Taro.showModal({ title, content, showCancel: false, confirmText: '知道了' })

/**
 * 工作台 → 导入: a station's spreadsheets (AEDs, members, volunteers, the fund's opening) brought in.
 * Choose what, download its template, pick the filled file, see every row checked, then import
 * the good rows; an import can be undone for a day.
 */
export default function ImportPage() {
  const me = useMe()
  const communities = me.data?.communities.filter((c) => me.data?.staffCommunityIds.includes(c._id)) ?? []
  const [communityId, setCommunityId] = useState<string>()
  const [kind, setKind] = useState<ImportKind>()
  const [template, setTemplate] = useState<TemplateAnswer>()
  const [preview, setPreview] = useState<PreviewAnswer>()
  const [busy, setBusy] = useState<'template' | 'check' | 'commit'>()
  const history = usePagedList<ImportSummary>((page) => importService.list(page))
  const community = communityId ?? (communities.length === 1 ? communities[0]._id : undefined)

  const choose = async (next: ImportKind) => {
    setKind(next)
    setPreview(undefined)
    setTemplate(undefined)
    try {
      setTemplate(await importService.template(next))
    } catch (error) {
      await tell('模板读取失败', messageOf(error))
    }
  }

  const download = async () => {
    if (!template) return
    setBusy('template')
    try {
      await importService.downloadTemplate(template.url, template.fileName)
    } catch (error) {
      await tell('模板下载失败', messageOf(error))
    }
    setBusy(undefined)
  }

  const pickAndCheck = async () => {
    if (!kind || !community) return
    const sheet = await importService.pickSpreadsheet()
    if (!sheet) return
    if (sheet.size > MAX_SHEET_BYTES) return tell('文件太大', `最多 ${MAX_SHEET_BYTES / 1024 / 1024} MB，请分成几个文件导入`)
    setBusy('check')
    setPreview(undefined)
    try {
      const fileID = await importService.uploadSpreadsheet(sheet)
      setPreview(await importService.preview(fileID, sheet.name, kind, community))
    } catch (error) {
      await tell('文件没有通过检查', messageOf(error))
    }
    setBusy(undefined)
  }

  const commit = async () => {
    if (!preview) return
    const { confirm } = await Taro.showModal({ title: '确认导入', content: `将导入${preview.okCount}行${KIND_LABELS[preview.kind]}。${preview.badCount > 0 ? `有误的${preview.badCount}行不会导入。` : ''}`, confirmText: '导入', cancelText: '再看看' })
    if (!confirm) return
    setBusy('commit')
    try {
      const done = await importService.commit(preview.importId)
      setPreview({ ...preview, ...done })
      await Taro.showToast({ title: `已导入${done.added}行`, icon: 'success' })
      await history.refresh()
    } catch (error) {
      await tell('导入未完成', messageOf(error))
    }
    setBusy(undefined)
  }

  const undo = async (item: ImportSummary) => {
    const { confirm } = await Taro.showModal({ title: '撤销这次导入？', content: `将删除这次导入的${item.added}条${KIND_LABELS[item.kind]}记录；导入后已改动或已关联的记录会保留。`, confirmText: '撤销', confirmColor: '#b3261e', cancelText: '不撤销' })
    if (!confirm) return
    try {
      const done = await importService.undo(item.importId)
      await tell('已撤销', `删除了${done.removed}条记录${done.added - done.removed > 0 ? `，${done.added - done.removed}条导入后有改动，已保留` : ''}。`)
    } catch (error) {
      await tell('撤销未完成', messageOf(error))
    }
    if (preview?.importId === item.importId) setPreview(undefined)
    await history.refresh()
  }

  return (
    <PageShell className='import-page'>
      <Cell title='导入人员待确认' description='已导入的会员、志愿者注册后，在这里确认是否本人' clickable onClick={() => Taro.navigateTo({ url: importPages.matches })} />
      {communities.length > 1 && (
        <View className='card'>
          <Text className='section-title'>导入到哪个社区</Text>
          <ChoiceGroup options={communities.map((c) => ({ value: c._id, label: c.name }))} value={community} onChange={(v) => setCommunityId(v as string)} testId='import-community' />
        </View>
      )}
      <View className='card'>
        <Text className='section-title'>导入什么</Text>
        <ChoiceGroup options={KIND_OPTIONS} value={kind} onChange={(v) => choose(v as ImportKind)} testId='import-kind' />
      </View>
      {template && (
        <View className='card' data-testid='import-template'>
          <Text className='section-title'>第一步：按模板填写</Text>
          <Text className='hint'>表头要和模板一致；一个文件最多5000行。支持 .xlsx 和 .csv，不能含公式或宏。</Text>
          {template.columns.map((c) => (
            <Text key={c.key} className='import-page__column'>
              {c.title}
              {c.required ? '（必填）' : '（选填）'}：{c.hint}
            </Text>
          ))}
          <Button block fill='outline' size='large' loading={busy === 'template'} onClick={download} data-testid='import-download'>
            下载模板
          </Button>
        </View>
      )}
      {template && (
        <View className='card'>
          <Text className='section-title'>第二步：选择填好的文件</Text>
          <Text className='hint'>{process.env.TARO_ENV === 'weapp' ? '从微信聊天中选择收到的表格文件' : '从电脑中选择表格文件'}</Text>
          <Button block type='primary' size='large' loading={busy === 'check'} disabled={!community || !!busy} onClick={pickAndCheck} data-testid='import-pick'>
            {busy === 'check' ? '正在检查…' : community ? '选择文件并检查' : '请先选择社区'}
          </Button>
        </View>
      )}
      {preview && <PreviewCard preview={preview} busy={busy === 'commit'} onCommit={commit} />}
      <Text className='import-page__history-title'>导入记录</Text>
      <PagedList list={history} empty='还没有导入过表格'>
        {(item) => <ImportHistoryItem key={item.importId} item={item} onUndo={undo} />}
      </PagedList>
    </PageShell>
  )
}
