export default definePageConfig({ navigationBarTitleText: '导入表格', enablePullDownRefresh: true })
