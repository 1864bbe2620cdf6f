import { ID_RETENTION_DAYS } from './member/application'

/**
 * 个人信息保护说明: the one text the app shows before an application and on 我的 → 隐私说明, with
 * what PIPL 第十七条 requires a handler to tell before collecting: who handles the data and how to
 * reach them, each purpose and category, how long each is kept, and how to exercise the rights of
 * 第四十四至四十七条 (查阅、复制、更正、删除) and 注销. Sensitive information (the ID number) gets its
 * own consent and purpose (第二十九、三十条).
 */

/** The handler: the Red Cross organisation of a community station and how to reach it. */
export type PrivacyHandler = { organisation: string; contact: string }

/** Labels of the fields the membership form collects; the notice names every one (a test checks). */
export const APPLICATION_FIELD_LABELS = {
  name: '姓名',
  idNumber: '身份证号',
  phone: '手机号',
  communityId: '所在社区',
  address: '居住小区和楼栋',
  guardian: '监护人的姓名、关系和手机号',
} as const

export type NoticeSection = { title: string; lines: string[] }

export function privacyNotice(handler: PrivacyHandler | null): NoticeSection[] {
  return [
    {
      title: '谁处理您的信息',
      lines: handler
        ? [`${handler.organisation}（社区红十字博爱家园）负责处理您在本小程序中提供的个人信息。联系方式：${handler.contact}。`]
        : ['您所在社区的红十字会组织（社区红十字博爱家园）负责处理您在本小程序中提供的个人信息。联系方式见“我的 → 隐私说明”中您所在社区的一栏。'],
    },
    {
      title: '收集哪些信息、用来做什么',
      lines: [
        `入会申请：${APPLICATION_FIELD_LABELS.name}、${APPLICATION_FIELD_LABELS.idNumber}（出生日期和性别由身份证号得出，不另外填写）、${APPLICATION_FIELD_LABELS.phone}、${APPLICATION_FIELD_LABELS.communityId}、${APPLICATION_FIELD_LABELS.address}（不收集门牌号）；未满18周岁的还有${APPLICATION_FIELD_LABELS.guardian}。用于审核入会、发放电子会员卡、联系您和向上级红十字会备案。`,
        '会费记录：缴费年度、金额和收据号，用于确认会员身份（《中国红十字会会费管理办法》）。',
        '志愿者资料与服务记录：姓名、手机号、出生年份、技能、可服务时间、参加活动的签到签退时间、服务时长；未满18周岁的还有监护人姓名和手机号；身份证号选填（单独同意，加密保存）。用于安排服务、按年龄安排适合的任务、计算时长、出具志愿服务证明和报送全国志愿服务信息系统。',
        '红心愿、AED报告和照片：您填写的内容、联系电话和上传的照片，用于发布心愿、联系帮忙的志愿者和核实AED状态。',
        '培训报名：姓名和手机号，用于组织救护培训和记录救护员证。',
        '位置：只在您查找附近AED或活动签到时使用，只用来计算距离，不保存。',
      ],
    },
    {
      title: '保存多久',
      lines: [
        '入会申请：入会后在您是会员期间保存；退会后，身份证号在' + ID_RETENTION_DAYS + '天后删除，其余保留为“已退会”记录。',
        `未通过的入会申请：身份证号在审核${ID_RETENTION_DAYS}天后删除。`,
        '志愿者资料、心愿、报名和消息：保存到您注销账号为止。',
        '注销账号后：以上信息全部删除；服务时长、培训人数等统计只保留不含姓名、电话和微信身份的数字。',
      ],
    },
    {
      title: '提供给谁',
      lines: [
        '入会信息按《中国红十字会会员管理办法》报县级以上红十字会（区红十字会）备案：区红十字会的工作人员可以看到本区会员的信息，身份证号只显示部分号码，查看完整号码会被记录。',
        '志愿服务记录（姓名、证件号码、手机号、服务日期、时长、地点和内容）由社区红十字会的工作人员导出，录入民政部指定的全国志愿服务信息系统（《志愿服务记录与证明出具办法（试行）》）；每次导出都会被记录。',
        '除此以外，不会提供给其他单位或个人，也不会公开。',
      ],
    },
    {
      title: '您的权利和在哪里行使',
      lines: [
        '查阅、复制：我的 → 我的数据，可以看到我们保存的关于您的全部信息，并下载或复制为文件。',
        '更正：昵称、头像、所住社区在 我的 → 个人资料 中自己修改；入会信息（姓名、手机号、小区和楼栋）在 我的 → 红十字会员 → 申请更正 中提出，工作人员核实后修改；身份证号请带身份证到社区服务站更正。',
        '退会：我的 → 红十字会员 → 退会，会员卡收回，账号保留。',
        '删除、注销：我的 → 注销账号，删除以上全部信息。',
        '撤回同意：不再同意时可以退会或注销账号；撤回前已进行的处理不受影响。',
        '对处理方式有疑问，可以通过上面的联系方式找到社区红十字会。',
      ],
    },
  ]
}

/** The separate purpose of the ID number, a sensitive item (PIPL 第二十八、二十九条). */
export const ID_NUMBER_PURPOSE =
  '身份证号属于敏感个人信息。我们仅为核实身份、办理入会和向区红十字会备案使用它：只有您所在社区和区红十字会的工作人员能查看完整号码，每次查看都会记录并告诉您；其他任何地方都只显示部分号码（如 3306**********123X），也不会出现在任何消息通知中。'
