// H5: Taro keeps earlier pages in the DOM, hidden, so the first *visible* match is the one on screen.
export function scrollToFirst(selector: string) {
  setTimeout(() => {
    const el = Array.from(document.querySelectorAll<HTMLElement>(selector)).find((e) => e.offsetParent !== null);
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, 60);
}
