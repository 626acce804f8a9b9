export default definePageConfig({ navigationBarTitleText: '授权记录查询解绑' });
