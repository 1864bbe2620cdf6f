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
  { title: '按压不停', text: '没学过人工呼吸，就只做持续按压，不要停（120调度员也会这样指导）；受过培训的，每按压30次给予2次人工呼吸。中断不超过10秒。' },
  { title: '尽快使用AED', text: 'AED一到马上用：开、贴、插、电。电极片贴在右侧锁骨下方和左侧腋中线处；分析和电击时任何人不要接触患者，电击后立即继续按压。' },
]

/** Where children and infants differ (AHA 2025 paediatric basic life support). */
export const CHILD_STEPS: ReadonlyArray<{ title: string; text: string }> = [
  { title: '儿童（1岁到青春期）', text: '单手或双手掌根按压，深度约为胸廓厚度的1/3（约5厘米），每分钟100–120次；人工呼吸对儿童尤其重要。' },
  { title: '婴儿（1岁以下）', text: '用一只手的掌根，或双手环抱胸廓、两拇指并排按压（双拇指环抱法），位置在两乳头连线中点稍下方，深度约4厘米。' },
  { title: '8岁以下用AED', text: '有儿童电极片或能量衰减器就用，没有就用成人电极片；两片会相互接触时，一片贴胸前正中，一片贴背部两肩胛骨之间。' },
]

/**
 * Dispatcher-assisted CPR is compressions only for an untrained bystander, so the screen starts
 * there: AHA 2020 and AHA 2025 adult BLS (dispatchers give compression-only CPR instructions to
 * untrained callers), ERC 2021 BLS ("dispatchers should provide compression-only CPR
 * instructions"), 2016中国心肺复苏专家共识 (调度员指导下的单纯胸外按压). Breaths are the opt-in.
 */
export const TRAINED_OPT_IN = '我受过培训，做30:2'
export const HANDS_ONLY_NOTE = '没学过也能救：只按压、不吹气，120调度员会这样指导您。'

export type QuickCard = { id: 'choking' | 'bleeding' | 'stroke'; title: string; when: string; steps: readonly string[]; lessonId: string }

/**
 * Three emergencies a bystander meets besides cardiac arrest, each in a few steps taken from the
 * lessons (cloudfunctions/lesson/library.ts: choking from AHA 2025; bleeding from AHA/American
 * Red Cross First Aid 2024; 中风120 from 赵静、刘仁玉 2016). They live in the main package with the
 * page, so they show with no network; library.test.ts checks them against the lessons.
 */
export const QUICK_CARDS: readonly QuickCard[] = [
  {
    id: 'choking',
    title: '气道梗阻',
    when: '卡住了，不能说话、咳不出声',
    lessonId: 'choking',
    steps: [
      '还能用力咳嗽、能说话：鼓励他继续咳嗽，守在旁边。',
      '不能说话、咳不出声或不能呼吸：立即让旁人拨打120，同时马上施救。',
      '成人和1岁以上儿童：在两肩胛骨之间叩击5次，再从背后环抱，拳眼放在肚脐上方两横指处，向内、向上冲击5次；5次背部叩击与5次腹部冲击交替进行，直到异物排出或患者失去反应。',
      '孕妇和肥胖者用胸部冲击代替腹部冲击；婴儿做5次背部叩击与5次胸部按压，不做腹部冲击。',
      '失去反应：放平，立即开始心肺复苏；吹气前先看口中，看到异物才取出，不要盲目用手指掏。',
    ],
  },
  {
    id: 'bleeding',
    title: '大出血',
    when: '伤口血流不止',
    lessonId: 'bleeding',
    steps: [
      '拨打120；有条件时戴手套或用塑料袋隔开血液。',
      '用干净的纱布、毛巾盖住伤口，用手掌持续用力压迫，至少压迫10分钟不要松手查看。',
      '血浸透敷料时不要揭掉，在上面再加一层继续压迫。',
      '四肢大出血压不住：用止血带扎在伤口上方（近心端）5–7.5厘米处，扎紧至出血停止，记下扎上的时间，不要定时放松。',
    ],
  },
  {
    id: 'stroke',
    title: '中风120',
    when: '突然脸歪、手无力、说话不清',
    lessonId: 'stroke',
    steps: [
      '“1”看一张脸：请他笑一笑，看是否口角歪斜。',
      '“2”查两只手臂：请他平举双臂，看是否一侧无力、往下掉。',
      '“0”（聆）听说话：是否口齿不清、说不出话。',
      '有任何一项突然出现：立即拨打120，说清楚“疑似中风”，记下发病时间（或最后一次看到他正常的时间）。',
      '等待时让他躺下或坐着，不要喂水、喂饭、喂药（包括降压药和阿司匹林）；呕吐时让他侧卧。',
    ],
  },
]
