export { default } from '../../../pages/info/index.config';
