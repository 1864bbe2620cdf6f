export default definePageConfig({ navigationBarTitleText: '核验捐赠证明', enableShareAppMessage: true })
