// The guided tour for trainers: one step per thing to do, in the order of the real flow. A step is
// done by doing it (opening the next screen, filling the form, ticking the box), so the tour follows
// whatever the trainer actually taps. Every step names the control as this profile's screens label it.
import type { RuleProfile } from '@domain/profiles';

export type TourSpotId =
  | 'hall'
  | 'login'
  | 'family'
  | 'bind'
  | 'bind-next'
  | 'proof'
  | 'sign'
  | 'consent'
  | 'submit'
  | 'result'
  | 'records'
  | 'usage';

export interface TourStep {
  spot: TourSpotId;
  text: (profile: RuleProfile) => string;
  /** Only for profiles that have this step (浙江's proof photos, 河北's signature). */
  when?: (profile: RuleProfile) => boolean;
}

export const TOUR_STEPS: TourStep[] = [
  { spot: 'hall', text: (p) => `点框中的「${p.menu.hub}」，开始办理。` },
  { spot: 'login', text: () => '点框中的授权人登录（演示身份，余额充足）。' },
  { spot: 'family', text: (p) => `点框中的「${p.menu.bind}」，添加共济使用人。` },
  { spot: 'bind', text: () => '点「填入示例」，填好一位可以绑定的亲属（也可以自己填写下面的表单）。' },
  { spot: 'bind-next', text: () => '信息已填好。点「下一步：阅读授权协议」。' },
  {
    spot: 'proof',
    text: (p) => `上传${p.proofKinds.join('或')}的照片，证明家庭关系。`,
    when: (p) => p.proofKinds.length > 0,
  },
  {
    spot: 'sign',
    text: () => '请授权人在框中手写签名（也可以输入姓名生成签名）。',
    when: (p) => p.signatureRequired,
  },
  { spot: 'consent', text: () => '协议全文在上方，可上滑阅读。读完后勾选框中这一项。' },
  { spot: 'submit', text: (p) => `已勾选。点「${p.consent.buttonLabel}」完成绑定。` },
  { spot: 'result', text: (p) => `办理完成。点框中的「${p.menu.records}」，查看授权记录。` },
  {
    spot: 'records',
    text: () => '下面是授权记录：刚绑定的亲属状态为「生效中」，解除绑定也在这里。点框中的按钮，看亲属用了多少钱。',
  },
  {
    spot: 'usage',
    text: () =>
      '这是共济使用明细：亲属在定点药店、医院用了您个人账户的钱，或您为亲属代缴医保费，每一笔都记在这里，可按亲属和月份查看。导览到此结束。',
  },
];

export const stepsFor = (profile: RuleProfile) => TOUR_STEPS.filter((s) => !s.when || s.when(profile));

export const stepOf = (spot: TourSpotId, profile: RuleProfile) => {
  const steps = stepsFor(profile);
  const index = steps.findIndex((s) => s.spot === spot);
  const step = steps[index] ?? TOUR_STEPS.find((s) => s.spot === spot)!;
  return { index, total: steps.length, text: step.text(profile), last: index === steps.length - 1 };
};
