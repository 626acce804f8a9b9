export { default } from '../../../pages/bind/index.config';
