import { Text } from '@tarojs/components';
import { ROUTES } from '@/shared/config/routes';
import { goTo } from '@/shared/lib/nav';
import { BigButton } from '@/shared/ui/BigButton';
import { Card } from '@/shared/ui/Card';

/**
 * A relative (共济使用人) who opens 绑定, 授权记录, 代缴 or 共济使用明细 by a link: those are the authorizer's to do, as
 * the platform would say if asked. What the relative can do instead is one tap away.
 */
export function AuthorizerOnly() {
  return (
    <Card title='须由授权人本人办理'>
      <Text className='lead'>
        您是共济使用人。添加亲属、解除绑定、代缴医保费和查看授权人的账户明细，须由授权人本人办理。您可以在「授权我的」查看谁授权了您、用了多少。
      </Text>
      <BigButton onClick={() => void goTo(ROUTES.granted)}>查看授权我的</BigButton>
    </Card>
  );
}
