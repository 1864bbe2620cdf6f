import { AreaIntro } from '@/components/area-intro'

export default function LessonsHomePage() {
  return <AreaIntro title='急救课堂' description='心肺复苏、AED使用、海姆立克急救法等应急救护知识，学完可以做小测验；也可以报名线下救护员培训。' />
}
