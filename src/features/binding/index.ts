// What other features may use of binding: the form, e.g. for the tour's 填入示例.
export { formProblems, useBindFormStore } from './formStore';
