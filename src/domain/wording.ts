// What a profile's screens say before the citizen types anything: the menu names the province uses,
// and the rules a citizen can fail on (who may be bound, how many, how much balance). All from the
// profile's data, so a new profile changes every screen by itself.
import { formatYuan } from './money';
import type { RuleProfile } from './profiles';
import { RELATIONS } from './types';

export type PageKind = 'hall' | 'hub' | 'bind' | 'consent' | 'records' | 'pay';

/** The title bar of each page, as the province names it. */
export function pageTitle(profile: RuleProfile, kind: PageKind): string {
  switch (kind) {
    case 'hall':
      return profile.menu.hall;
    case 'hub':
      return profile.menu.hub;
    case 'bind':
      return profile.menu.bind;
    case 'consent':
      return profile.consent.title.replace(/[《》]/g, '');
    case 'records':
      return profile.menu.records;
    case 'pay':
      return profile.menu.pay;
  }
}

/** Where the service sits in the province's own app: channel › menu › … */
export const menuPath = (profile: RuleProfile): string[] => [profile.menu.channel, ...profile.menu.path];

/** The rules to know before filling in the form, one plain sentence each. */
export function rulesUpFront(profile: RuleProfile): string[] {
  const all = RELATIONS.every((r) => profile.relations.includes(r));
  const { fen, inclusive } = profile.balanceThreshold;
  const yuan = formatYuan(fen);
  return [
    `可以绑定的亲属：${profile.relations.join('、')}${all ? '（近亲属）' : '，其他亲属不能绑定'}。`,
    `每位授权人最多绑定 ${profile.memberLimit} 位亲属。`,
    inclusive
      ? `授权人个人账户余额不能低于 ${yuan} 元（亲属一年的城乡居民医保费）。`
      : `授权人个人账户余额须高于 ${yuan} 元，余额 ${yuan} 元及以下不能添加。`,
    `亲属须在${profile.province}参保且状态正常，暂停参保或未参保的不能绑定。`,
    ...(profile.oneAuthorizerPerRelative ? ['每位亲属只能由一位家庭成员授权。'] : []),
    ...(profile.proofKinds.length ? [`需要上传${profile.proofKinds.join('或')}照片，证明家庭关系。`] : []),
    ...(profile.signatureRequired ? ['提交前需要授权人手写签名。'] : []),
  ];
}
