// Mini-programs: the task brief, bar and questionnaires are not shown yet (H5 only, taskPanel.h5.tsx);
// sessions there record as before, with the default task judged by the platform.
export function mountTaskPanel(): void {}
