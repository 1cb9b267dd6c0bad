/**
 * Security scheme names in the OpenAPI document; the route decorators reference them and the document builder
 * (src/docs) declares them under the same names.
 */
export const SUBSCRIPTION_KEY_SCHEME = 'subscriptionKey';
export const AZURE_AD_SCHEME = 'azureAd';
