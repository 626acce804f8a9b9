/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'alipay' | 'h5' | string;
    TARO_APP_API_BASE?: string;
    TARO_APP_API_MODE?: 'http' | 'offline';
    TARO_APP_PROFILE?: string;
  }
}
