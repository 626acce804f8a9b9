// Mini-programs: this page in the family subpackage (see app.config.ts); the page itself is src/pages/pay.
export { default } from '@/pages/pay/index';
