import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SERVER_CONFIG, type ServerConfig } from '../config/server-config.js';

/**
 * A case reference as typed by different people comes out the same: Unicode-normalised
 * (NFKC), trimmed, inner whitespace collapsed to one space, upper case. References the
 * demo generator hashes (e.g. `GSCP-CASE-000123`) are already in this form, so its
 * child keys and the API's agree.
 */
export function normaliseChildReference(reference: string): string {
  return reference.normalize('NFKC').trim().replace(/\s+/gu, ' ').toUpperCase();
}

/** HMAC-SHA256 (hex) of the normalised reference under the deployment's secret. */
export function childKeyOf(secret: string, reference: string): string {
  return createHmac('sha256', secret).update(normaliseChildReference(reference)).digest('hex');
}

/** Pseudonymises child case references; the reference itself is never stored or returned. */
@Injectable()
export class ChildKeyService {
  constructor(@Inject(SERVER_CONFIG) private readonly config: ServerConfig) {}

  keyOf(reference: string): string {
    return childKeyOf(this.config.childKeySecret, reference);
  }
}
