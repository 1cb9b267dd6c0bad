import type { DocumentBuilder } from '@nestjs/swagger';
import { SUBSCRIPTION_KEY_HEADER } from './auth-errors';

/** Security scheme names in the OpenAPI document; the route decorators and the document builder share them. */
export const SUBSCRIPTION_KEY_SCHEME = 'subscriptionKey';
export const AZURE_AD_SCHEME = 'azureAd';

/** Adds both schemes so Swagger UI's Authorize works; call it on the DocumentBuilder before build(). */
export function addSecuritySchemes(builder: DocumentBuilder): DocumentBuilder {
  return builder
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: SUBSCRIPTION_KEY_HEADER,
        description: 'External clients: the subscription key (primary or secondary). Never in the query string.',
      },
      SUBSCRIPTION_KEY_SCHEME,
    )
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'Internal clients: an Azure AD (Entra ID) client-credentials access token for this API, whose app roles carry the permissions.',
      },
      AZURE_AD_SCHEME,
    );
}
