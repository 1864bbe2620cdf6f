import { AreaIntro } from '@/components/area-intro'

export default function WishHomePage() {
  return <AreaIntro title='红心愿' description='居民发布微心愿，志愿者认领并帮助实现，心愿主人确认后完成。联系方式只对认领的志愿者和工作人员可见。' />
}
