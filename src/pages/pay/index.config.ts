export default definePageConfig({ navigationBarTitleText: '代缴城乡居民医保费' });
