// Mini-programs: bring the first element matching `selector` on the current page into view
// (the H5 version is scrollToFirst.h5.ts).
import Taro from '@tarojs/taro';

export function scrollToFirst(selector: string) {
  // After the render that shows the problems.
  setTimeout(() => {
    Taro.pageScrollTo({ selector, offsetTop: -120, duration: 300 }).catch(() => undefined);
  }, 60);
}
