export { default } from '../../../pages/pay/index.config';
