import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { photoToDataUrl } from '@/shared/lib/imageData';
import { BigButton } from '@/shared/ui/BigButton';
import { Notice } from '@/shared/ui/Notice';
import { tap } from '@/shared/ui/tap';

interface Props {
  kinds: readonly string[];
  proofs: string[];
  onChange: (proofs: string[]) => void;
}

/** 浙江: photos proving the relationship (结婚证, 户口簿), taken or picked from the album. */
export function ProofPicker({ kinds, proofs, onChange }: Props) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const add = async () => {
    setProblem(null);
    try {
      const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
      const file = res.tempFiles?.[0] ?? { path: res.tempFilePaths[0] };
      setBusy(true);
      onChange([...proofs, await photoToDataUrl(file as { path: string })].slice(0, 4));
    } catch (e) {
      const msg = (e as { errMsg?: string; message?: string }).errMsg ?? (e as Error).message ?? '';
      if (!/cancel/i.test(msg))
        setProblem(msg.startsWith('chooseImage') ? '没能打开相册，请重试' : msg || '没能读取照片，请重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='proofs'>
      <Text className='doc-text'>请上传{kinds.join('或')}的照片，能看清双方姓名和关系。</Text>
      <View className='proofs__list'>
        {proofs.map((src, i) => (
          <View key={i} className='proofs__item'>
            <Image className='proofs__img' src={src} mode='aspectFill' aria-label={`证明材料 ${i + 1}`} />
            <View
              className='text-button'
              role='button'
              aria-label={`删除证明材料 ${i + 1}`}
              {...tap(() => onChange(proofs.filter((_, j) => j !== i)))}
            >
              <Text>删除</Text>
            </View>
          </View>
        ))}
      </View>
      {problem ? <Notice kind='error' message={problem} /> : null}
      {proofs.length < 4 ? (
        <BigButton kind='secondary' loading={busy} onClick={add}>
          {proofs.length ? '再添加一张' : `上传${kinds.join('或')}照片`}
        </BigButton>
      ) : null}
    </View>
  );
}
