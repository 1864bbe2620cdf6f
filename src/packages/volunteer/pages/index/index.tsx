import { AreaIntro } from '@/components/area-intro'

export default function VolunteerHomePage() {
  return <AreaIntro title='志愿者' description='注册成为社区志愿者，认领红心愿、报名志愿活动，累计服务时长和积分。' />
}
