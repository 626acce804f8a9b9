export { default } from '../../../pages/consent/index.config';
