export { default } from '../../../pages/granted/index.config';
