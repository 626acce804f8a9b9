// H5: a chosen photo, drawn smaller on a canvas and re-encoded, as a data URL the platform accepts.
export const MAX_DATA_URL = 300_000;

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('无法读取这张照片，请换一张'));
    img.src = src;
  });
}

export async function photoToDataUrl(file: { path: string; originalFileObj?: unknown }): Promise<string> {
  const img = await loadImage(file.path);
  for (const [side, quality] of [
    [1200, 0.7],
    [900, 0.6],
    [640, 0.5],
  ] as const) {
    const scale = Math.min(1, side / Math.max(img.naturalWidth, img.naturalHeight));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(img.naturalWidth * scale));
    canvas.height = Math.max(1, Math.round(img.naturalHeight * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) break;
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const url = canvas.toDataURL('image/jpeg', quality);
    if (url.length <= MAX_DATA_URL) return url;
  }
  throw new Error('照片太大，请换一张或靠近一些重拍');
}
