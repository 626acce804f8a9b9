// What 服务大厅 offers. The static hall in index.html (config/hallShell.ts) is drawn from the same
// lists, so the first thing a citizen sees before the app has loaded is the hall itself. The hall's
// title and the service's name are the profile's own (profile.menu.hall / menu.hub).
export const FAMILY_SERVICE = { icon: '共', desc: '把个人账户授权给近亲属使用' } as const;
export const OTHER_HOT = ['医保电子凭证', '参保信息查询', '个人账户查询', '缴费记录查询'] as const;
export const OTHER_TODO = ['异地就医备案', '门诊慢特病申请', '医保关系转移'] as const;
export const NOT_OPEN = '本演示未开放';
