export default defineAppConfig({
  pages: ['pages/home/index', 'pages/wish/index', 'pages/firstaid/index', 'pages/mine/index', 'pages/emergency/index'],
  // One subpackage per area; a subpackage cannot import another, which keeps areas apart.
  subPackages: [
    { root: 'packages/member', pages: ['pages/index/index', 'pages/apply/index'] },
    { root: 'packages/wish', pages: ['pages/index/index', 'pages/create/index', 'pages/detail/index', 'pages/edit/index'] },
    { root: 'packages/volunteer', pages: ['pages/index/index', 'pages/register/index', 'pages/certificate/index', 'pages/verify/index', 'pages/honour/index', 'pages/points/index'] },
    { root: 'packages/activity', pages: ['pages/hall/index', 'pages/detail/index'] },
    { root: 'packages/lessons', pages: ['pages/index/index', 'pages/lesson/index', 'pages/quiz/index', 'pages/training/index'] },
    { root: 'packages/aed', pages: ['pages/index/index', 'pages/detail/index', 'pages/suggest/index', 'pages/mine/index'] },
    { root: 'packages/staff', pages: ['pages/index/index', 'pages/applications/index', 'pages/application/index', 'pages/volunteers/index', 'pages/wishes/index', 'pages/wish-hours/index', 'pages/certificates/index', 'pages/photos/index', 'pages/aeds/index', 'pages/aed-edit/index', 'pages/trainings/index', 'pages/lessons/index', 'pages/lesson-edit/index', 'pages/lesson-review/index', 'pages/activities/index', 'pages/activity/index', 'pages/activity-edit/index', 'pages/activity-code/index', 'pages/filing/index', 'pages/audit/index', 'pages/records-export/index'] },
    { root: 'packages/notify', pages: ['pages/inbox/index', 'pages/settings/index'] },
    { root: 'packages/profile', pages: ['pages/index/index', 'pages/my-data/index', 'pages/privacy/index'] },
    { root: 'packages/fund', pages: ['pages/public/index', 'pages/apply/index', 'pages/aid/index', 'pages/staff/index', 'pages/receipt/index'] },
    { root: 'packages/stats', pages: ['pages/index/index', 'pages/district/index'] },
    { root: 'packages/import', pages: ['pages/index/index', 'pages/matches/index'] },
    { root: 'packages/rescue', pages: ['pages/settings/index', 'pages/raise/index', 'pages/alert/index', 'pages/staff/index'] },
    { root: 'packages/community', pages: ['pages/settings/index', 'pages/team/index', 'pages/join/index'] },
  ],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#c8102e',
    navigationBarTitleText: '博爱家园',
    navigationBarTextStyle: 'white',
    // WeChat draws this bar on weapp; on H5 Taro's router draws it only when asked ('default').
    navigationStyle: 'default',
    backgroundColor: '#f6f6f6',
  },
  tabBar: {
    color: '#595959',
    selectedColor: '#c8102e',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/wish/index', text: '红心愿', iconPath: 'assets/tab/wish.png', selectedIconPath: 'assets/tab/wish-active.png' },
      { pagePath: 'pages/firstaid/index', text: '急救', iconPath: 'assets/tab/firstaid.png', selectedIconPath: 'assets/tab/firstaid-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tab/mine.png', selectedIconPath: 'assets/tab/mine-active.png' },
    ],
  },
  // Privacy APIs (location, photos) go through the app's own consent sheet first (DESIGN.md §4).
  __usePrivacyCheck__: true,
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: {
    'scope.userLocation': { desc: '用于查找离您最近的AED和附近的志愿服务活动' },
  },
  lazyCodeLoading: 'requiredComponents',
})
