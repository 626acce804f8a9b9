// The product's own agreement text, along the headings of domain.md. Numbers and names come from the
// rule profile, so each province reads its own.
import { formatYuan } from '@domain/money';
import type { RuleProfile } from '@domain/profiles';

export interface AgreementSection {
  heading: string;
  body: string;
}

export function familyPromise(profile: RuleProfile): string {
  return (
    `本人承诺：所添加的共济使用人是本人的${profile.relations.join('、')}，所填写的家庭关系、姓名、证件号码真实准确。` +
    '如有虚假，本人愿意退回被共济使用的全部金额，并承担相应法律责任。'
  );
}

export function agreementSections(profile: RuleProfile): AgreementSection[] {
  const threshold = profile.balanceThreshold;
  return [
    {
      heading: '一、目的',
      body: '为方便家庭成员就医购药，授权人自愿将本人职工医保个人账户的资金授权给近亲属共同使用（家庭共济）。共济的只是个人账户资金，医保卡（医保电子凭证）本身不能出借，统筹基金不参与共济。',
    },
    {
      heading: '二、参与人员',
      body: `授权人应为${profile.province}参加职工基本医疗保险、处于正常参保状态的人员。共济使用人限于授权人的${profile.relations.join('、')}，且须已参加基本医疗保险并处于正常参保状态。每位授权人最多可绑定 ${profile.memberLimit} 位共济使用人。办理时授权人个人账户余额须${threshold.inclusive ? '不低于' : '高于'} ${formatYuan(threshold.fen)} 元。`,
    },
    {
      heading: '三、使用范围和禁止用途',
      body: '共济资金可用于共济使用人在省内定点医疗机构就医发生的个人负担费用，在定点零售药店购买药品、医疗器械和医用耗材的费用，以及由授权人为其代缴城乡居民医保个人缴费。不得用于异地直接结算、公共卫生费用、体育健身或养生保健消费，不得提取现金。',
    },
    {
      heading: '四、授权期限',
      body: '授权自授权开始日期起生效，开始日期不能早于办理当天。授权终止日期可以不填（长期有效）；填写时不能与开始日期是同一天，终止日期当天起不再共济。',
    },
    {
      heading: '五、支付顺序',
      body: '共济使用人就医购药时，先使用其本人的个人账户资金，不足部分再使用授权人的共济资金。',
    },
    {
      heading: '六、关系真实承诺',
      body: '家庭关系实行个人承诺制。授权人承诺所填家庭关系真实；如承诺不实，由授权人承担相应责任，医保部门可追回已使用的共济资金并依法处理。',
    },
    {
      heading: '七、实名使用',
      body: '共济使用人须使用本人的医保电子凭证就医购药。使用他人医保凭证属于违规行为，将被依法追究责任。',
    },
    {
      heading: '八、变更和解除',
      body: `授权人可随时在「${profile.menu.records}」中解除绑定，解除后立即停止共济。授权人或共济使用人停止参保，或参保关系转出统筹区时，共济关系自动终止。`,
    },
    {
      heading: '九、个人信息',
      body: '为办理共济，医保部门将核验双方的姓名、证件号码、参保状态和家庭关系信息，仅用于本业务，并依法予以保护。页面展示的身份信息均作脱敏处理。',
    },
    {
      heading: '十、协议生效',
      body: `授权人勾选同意${profile.consent.title}并提交后，本协议即生效。`,
    },
  ];
}
