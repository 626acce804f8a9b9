// Mini-programs: a chosen photo, shrunk, as a data URL the platform accepts (see imageData.h5.ts).
import Taro from '@tarojs/taro';

export const MAX_DATA_URL = 300_000;

export async function photoToDataUrl(file: { path: string; originalFileObj?: unknown }): Promise<string> {
  const { tempFilePath } = await Taro.compressImage({ src: file.path, quality: 50 });
  const data = await new Promise<string>((resolve, reject) =>
    Taro.getFileSystemManager().readFile({
      filePath: tempFilePath,
      encoding: 'base64',
      success: (r) => resolve(r.data as string),
      fail: reject,
    }),
  );
  const url = `data:image/jpeg;base64,${data}`;
  if (url.length > MAX_DATA_URL) throw new Error('照片太大，请换一张或靠近一些重拍');
  return url;
}
