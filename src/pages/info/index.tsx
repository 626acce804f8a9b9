import { Text, View } from '@tarojs/components';
import { tap } from '@/shared/ui/tap';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { useProfileStore } from '@/features/profile/store';
import { formatYuan } from '@domain/money';
import type { RuleProfile } from '@domain/profiles';
import { Card } from '@/shared/ui/Card';
import { Screen } from '@/shared/ui/Screen';
import '@/shared/ui/flow.scss';

const scope = (p: RuleProfile): [string, string][] => [
  [
    '可以用于',
    '共济使用人在省内定点医院看病（门诊、急诊、住院）自己负担的费用；在定点药店买药品、医疗器械和医用耗材；由授权人为其代缴城乡居民医保个人缴费。',
  ],
  ['不能用于', '异地直接结算、公共卫生费用、健身养生消费，也不能取现。'],
  ['怎么用', `共济使用人用自己的医保电子凭证结算，先扣自己的个人账户，不足部分再用授权人的共济资金。医保卡不能出借。`],
  ['代缴标准', `城乡居民医保个人缴费 ${formatYuan(p.premiumFen)} 元/人/年（本演示的设置）。`],
];

const faq = (p: RuleProfile): [string, string][] => [
  ['哪些亲属可以绑定？', `${p.relations.join('、')}。配偶的父母和其他亲属不能绑定。亲属须已参加医保并正常参保。`],
  ['最多能绑定几个人？', `每位授权人最多 ${p.memberLimit} 位。`],
  ['授权日期怎么填？', '开始日期不能早于今天；终止日期可以不填（长期有效），填写时不能和开始日期是同一天。'],
  ['怎么解除绑定？', `在「${p.menu.records}」中找到这条记录，点「解除绑定」并确认。`],
  [
    '为什么提示余额不足？',
    `办理时个人账户余额须${p.balanceThreshold.inclusive ? '不低于' : '高于'} ${formatYuan(p.balanceThreshold.fen)} 元。`,
  ],
];

export default function Info() {
  const { params } = useRouter();
  const profile = useProfileStore((s) => s.profile);
  const isFaq = params.topic === 'faq';
  const items = isFaq ? faq(profile) : scope(profile);

  useEffect(() => {
    Taro.setNavigationBarTitle({ title: isFaq ? '常见问题' : '使用范围' }).catch(() => undefined);
  }, [isFaq]);

  return (
    <Screen>
      <Card title={isFaq ? '常见问题' : '共济资金的使用范围'}>
        {items.map(([q, a]) => (
          <View key={q} className='qa'>
            <View role='heading' aria-level={3} className='qa__q'>
              {isFaq ? (
                <Text className='qa__mark' aria-hidden>
                  问
                </Text>
              ) : null}
              <Text>{q}</Text>
            </View>
            <Text className='qa__a'>{a}</Text>
          </View>
        ))}
      </Card>
      <Card>
        <View
          className='menu-row'
          role='button'
          {...tap(() => Taro.makePhoneCall({ phoneNumber: profile.hotline }).catch(() => undefined))}
        >
          <Text className='menu-row__name'>医保服务热线 {profile.hotline}</Text>
          <Text className='menu-row__desc'>还有问题？请拨打，工作日 8:30–17:00</Text>
        </View>
      </Card>
    </Screen>
  );
}
