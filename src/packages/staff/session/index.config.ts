export default definePageConfig({ navigationBarTitleText: '研究会话' });
