export { default } from '../../../pages/records/index.config';
