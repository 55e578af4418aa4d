// SHA-256 of text or bytes as base64url: how the caches' keys and the letters' digests are written.
import { createHash } from 'node:crypto';

export const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('base64url');
