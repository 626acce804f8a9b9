// H5: sign with mouse, finger or pen on a plain <canvas>; or type the name, for keyboard-only users.
import { useEffect, useRef, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { BigButton } from '@/shared/ui/BigButton';

export interface SignaturePadProps {
  value: string | null;
  onChange: (dataUrl: string | null) => void;
}

export function SignaturePad({ value, onChange }: SignaturePadProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [typed, setTyped] = useState('');

  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const ratio = window.devicePixelRatio || 1;
    c.width = Math.round(c.clientWidth * ratio) || 600;
    c.height = Math.round(c.clientHeight * ratio) || 240;
  }, []);

  const ctx = () => {
    const g = canvas.current?.getContext('2d');
    if (g) {
      g.strokeStyle = '#1f2329';
      g.lineWidth = 4 * (window.devicePixelRatio || 1);
      g.lineCap = 'round';
      g.lineJoin = 'round';
    }
    return g;
  };
  const at = (e: React.PointerEvent<HTMLCanvasElement>): [number, number] => {
    const r = e.currentTarget.getBoundingClientRect();
    return [
      ((e.clientX - r.left) / r.width) * e.currentTarget.width,
      ((e.clientY - r.top) / r.height) * e.currentTarget.height,
    ];
  };
  const clear = () => {
    const c = canvas.current;
    c?.getContext('2d')?.clearRect(0, 0, c.width, c.height);
    onChange(null);
  };
  const signWithTyped = () => {
    const c = canvas.current;
    const g = ctx();
    if (!c || !g || !typed.trim()) return;
    g.clearRect(0, 0, c.width, c.height);
    g.fillStyle = '#1f2329';
    g.font = `${Math.round(c.height * 0.4)}px "WenQuanYi Micro Hei", "PingFang SC", sans-serif`;
    g.textBaseline = 'middle';
    g.fillText(typed.trim(), c.width * 0.08, c.height / 2);
    onChange(c.toDataURL('image/png'));
  };

  return (
    <View className='signature'>
      <canvas
        ref={canvas}
        className='signature__canvas'
        role='img'
        aria-label={value ? '签名区，已签名' : '签名区，请在此处手写签名'}
        style={{ touchAction: 'none' }}
        onPointerDown={(e) => {
          const g = ctx();
          if (!g) return;
          e.currentTarget.setPointerCapture?.(e.pointerId);
          drawing.current = true;
          const [x, y] = at(e);
          g.beginPath();
          g.moveTo(x, y);
        }}
        onPointerMove={(e) => {
          if (!drawing.current) return;
          const g = ctx();
          const [x, y] = at(e);
          g?.lineTo(x, y);
          g?.stroke();
        }}
        onPointerUp={(e) => {
          if (!drawing.current) return;
          drawing.current = false;
          onChange(e.currentTarget.toDataURL('image/png'));
        }}
      />
      <Text className='muted'>
        {value ? '已签名。' : '请在框内写下您的姓名；不方便手写时，也可以在下面输入姓名生成签名。'}
      </Text>
      <View className='signature__typed'>
        <Input
          className='input'
          value={typed}
          placeholder='输入姓名生成签名'
          aria-label='输入姓名生成签名'
          onInput={(e) => setTyped(e.detail.value)}
        />
        <BigButton kind='secondary' onClick={signWithTyped} disabled={!typed.trim()}>
          用输入的姓名签名
        </BigButton>
      </View>
      <BigButton kind='secondary' onClick={clear}>
        重新签名
      </BigButton>
    </View>
  );
}
