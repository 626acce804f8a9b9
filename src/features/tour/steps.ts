// The guided tour for trainers: one step per screen, in the order of the real flow. A step is done
// when the user reaches the next screen, so the tour follows whatever the trainer actually taps.
export type TourSpotId = 'hall' | 'login' | 'family' | 'bind' | 'consent' | 'result' | 'records';

export interface TourStep {
  spot: TourSpotId;
  text: string;
}

export const TOUR_STEPS: TourStep[] = [
  { spot: 'hall', text: '点「家庭共济」，开始办理。' },
  { spot: 'login', text: '选择授权人「张建国」登录（演示身份，余额充足）。' },
  { spot: 'family', text: '点框中的绑定入口，添加共济使用人。' },
  { spot: 'bind', text: '填写使用人信息（可点「填入示例」），再点「下一步：阅读授权协议」。' },
  { spot: 'consent', text: '核对信息，阅读协议后勾选同意，再点提交。' },
  { spot: 'result', text: '办理完成。点框中的按钮，查看授权记录。' },
  { spot: 'records', text: '这里能看到状态「生效中」，也可以解除绑定。导览到此结束。' },
];

export const stepOf = (spot?: TourSpotId) => {
  const index = TOUR_STEPS.findIndex((s) => s.spot === spot);
  return { index, step: TOUR_STEPS[index], total: TOUR_STEPS.length };
};
