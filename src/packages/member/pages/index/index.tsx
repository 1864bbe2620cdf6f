import { AreaIntro } from '@/components/area-intro'

export default function MemberHomePage() {
  return <AreaIntro title='红十字会员' description='年满14周岁的居民可以申请加入中国红十字会，成为红十字会员；审核通过后可在这里查看电子会员卡。' />
}
