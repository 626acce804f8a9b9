export default definePageConfig({ navigationBarTitleText: '共济账户绑定' });
