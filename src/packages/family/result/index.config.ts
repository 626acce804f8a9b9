export { default } from '../../../pages/result/index.config';
