export default definePageConfig({ navigationBarTitleText: '审核课程修改' })
