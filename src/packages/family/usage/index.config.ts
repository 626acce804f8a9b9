export { default } from '../../../pages/usage/index.config';
