// What the platform will check on 提交, said before the user types: the balance and the member limit.
import { formatYuan } from './money';
import type { RuleProfile } from './profiles';

export function meetsBalanceThreshold(profile: Pick<RuleProfile, 'balanceThreshold'>, balanceFen: number): boolean {
  const t = profile.balanceThreshold;
  return t.inclusive ? balanceFen >= t.fen : balanceFen > t.fen;
}

/**
 * Why a new binding would be refused, in the words the refusal itself uses, or null.
 * `activeBindings` counts the authorizer's bindings that are 未生效 or 生效中.
 */
export function bindingBlockers(
  profile: Pick<RuleProfile, 'balanceThreshold' | 'memberLimit'>,
  balanceFen: number,
  activeBindings: number,
): string[] {
  const out: string[] = [];
  if (activeBindings >= profile.memberLimit)
    out.push(
      `您已绑定 ${activeBindings} 位共济使用人，每位授权人最多绑定 ${profile.memberLimit} 位，已达上限。如需添加，请先解除一位。`,
    );
  if (!meetsBalanceThreshold(profile, balanceFen)) {
    const t = profile.balanceThreshold;
    out.push(
      `您的个人账户余额 ${formatYuan(balanceFen)} 元，${t.inclusive ? '低于' : '未超过'} ${formatYuan(t.fen)} 元，暂不能绑定新的共济使用人。`,
    );
  }
  return out;
}
