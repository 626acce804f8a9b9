// Mini-programs: this page in the family subpackage (see app.config.ts); the page itself is src/pages/bind.
export { default } from '@/pages/bind/index';
