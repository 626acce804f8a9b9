// Mini-programs: sign with a finger on a Taro Canvas (the H5 pad is SignaturePad.h5.tsx).
import { useRef } from 'react';
import { Canvas, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '@/shared/ui/BigButton';

export interface SignaturePadProps {
  value: string | null;
  onChange: (dataUrl: string | null) => void;
}

const CANVAS_ID = 'promise-signature';

export function SignaturePad({ value, onChange }: SignaturePadProps) {
  const drawn = useRef(false);
  const ctx = useRef<Taro.CanvasContext | null>(null);
  const context = () => (ctx.current ??= Taro.createCanvasContext(CANVAS_ID));

  type Touch = { x: number; y: number };
  const point = (e: { touches: unknown[] }) => e.touches[0] as Touch;

  const save = async () => {
    if (!drawn.current) return;
    const { tempFilePath } = await Taro.canvasToTempFilePath({ canvasId: CANVAS_ID });
    const data = await new Promise<string>((resolve, reject) =>
      Taro.getFileSystemManager().readFile({
        filePath: tempFilePath,
        encoding: 'base64',
        success: (r) => resolve(r.data as string),
        fail: reject,
      }),
    );
    onChange(`data:image/png;base64,${data}`);
  };

  const clear = () => {
    const c = context();
    c.clearRect(0, 0, 2000, 2000);
    c.draw();
    drawn.current = false;
    onChange(null);
  };

  return (
    <View className='signature'>
      <Canvas
        canvasId={CANVAS_ID}
        className='signature__canvas'
        disableScroll
        onTouchStart={(e) => {
          const p = point(e);
          const c = context();
          c.setStrokeStyle('#1f2329');
          c.setLineWidth(4);
          c.setLineCap('round');
          c.beginPath();
          c.moveTo(p.x, p.y);
        }}
        onTouchMove={(e) => {
          const p = point(e);
          const c = context();
          c.lineTo(p.x, p.y);
          c.stroke();
          c.draw(true);
          c.moveTo(p.x, p.y);
          drawn.current = true;
        }}
        onTouchEnd={() => void save()}
      />
      <Text className='muted'>{value ? '已签名。' : '请在框内用手指写下您的姓名。'}</Text>
      <BigButton kind='secondary' onClick={clear}>
        重新签名
      </BigButton>
    </View>
  );
}
