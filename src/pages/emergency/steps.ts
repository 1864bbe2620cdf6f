/**
 * What the emergency screen tells a rescuer, kept apart from the page (no Taro here) so the
 * content tests in cloudfunctions/lesson/lesson.test.ts check it against the guidelines too.
 */
export const SOURCE_NOTE = '本指引依据美国心脏协会（AHA）2025心肺复苏与心血管急救指南，不能代替正规的救护员培训。'

/** When no usable AED can be fetched and brought back within 5 minutes: the rescuer stays and keeps compressing. */
export const NO_AED_NEARBY = '附近没有能在5分钟内取来并送回的AED：不要离开患者，持续按压，请旁人去取或等待120'

export const CPR_STEPS: ReadonlyArray<{ title: string; text: string }> = [
  { title: '确认安全，判断反应', text: '轻拍双肩、大声呼唤；同时看胸口有无起伏，判断呼吸不超过10秒。无反应、无正常呼吸（或只有叹息样呼吸）就开始抢救。' },
  { title: '呼救并取AED', text: '请旁人拨打120、去取最近的AED；只有您一人时先打120并开免提，边听调度员指导边按压。' },
  { title: '胸外按压', text: '双手掌根叠放在胸部正中（胸骨下半段），手臂伸直，垂直向下按压5–6厘米，每分钟100–120次，每次让胸廓完全回弹。' },
  { title: '按压与通气', text: '每按压30次给予2次人工呼吸；没学过或不愿做人工呼吸，可以只做持续按压。中断不超过10秒。' },
  { title: '尽快使用AED', text: 'AED一到马上用：开、贴、插、电。电极片贴在右侧锁骨下方和左侧腋中线处；分析和电击时任何人不要接触患者，电击后立即继续按压。' },
]

/** Where children and infants differ (AHA 2025 paediatric basic life support). */
export const CHILD_STEPS: ReadonlyArray<{ title: string; text: string }> = [
  { title: '儿童（1岁到青春期）', text: '单手或双手掌根按压，深度约为胸廓厚度的1/3（约5厘米），每分钟100–120次；人工呼吸对儿童尤其重要。' },
  { title: '婴儿（1岁以下）', text: '用一只手的掌根，或双手环抱胸廓、两拇指并排按压（双拇指环抱法），位置在两乳头连线中点稍下方，深度约4厘米。' },
  { title: '8岁以下用AED', text: '有儿童电极片或能量衰减器就用，没有就用成人电极片；两片会相互接触时，一片贴胸前正中，一片贴背部两肩胛骨之间。' },
]
