export const STORE_VERSION = '0.1.0';
