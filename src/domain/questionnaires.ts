// The post-task and post-study questionnaires in their standard wording. Answers are numbers only.

/** Single Ease Question, asked after each task: 1 (非常困难) to 7 (非常容易). */
export const SEQ = {
  question: '总体来说，完成这个任务有多难或多容易？',
  min: 1,
  max: 7,
  minLabel: '非常困难',
  maxLabel: '非常容易',
} as const;

/** System Usability Scale (Brooke 1996), in its usual Chinese wording; 1 非常不同意 to 5 非常同意. */
export const SUS = {
  intro: '请根据您刚才使用的感受，对下面每一句话选择您同意的程度。',
  items: [
    '我愿意经常使用这个系统。',
    '我发现这个系统过于复杂。',
    '我认为这个系统容易使用。',
    '我认为需要技术人员的帮助才能使用这个系统。',
    '我发现这个系统中的各项功能整合得很好。',
    '我认为这个系统中有太多不一致的地方。',
    '我认为大多数人能很快学会使用这个系统。',
    '我发现这个系统使用起来很麻烦。',
    '使用这个系统时我感到很有信心。',
    '在使用这个系统之前，我需要学习很多东西。',
  ],
  min: 1,
  max: 5,
  labels: ['非常不同意', '不同意', '一般', '同意', '非常同意'],
} as const;

/**
 * The standard SUS score, 0–100: odd (positive) items score − 1, even (negative) items 5 − score, the
 * sum times 2.5. Null unless all ten answers are whole numbers from 1 to 5.
 */
export function susScore(answers: readonly number[]): number | null {
  if (answers.length !== SUS.items.length) return null;
  if (!answers.every((a) => Number.isInteger(a) && a >= SUS.min && a <= SUS.max)) return null;
  const sum = answers.reduce((acc, a, i) => acc + (i % 2 === 0 ? a - 1 : 5 - a), 0);
  return sum * 2.5;
}
