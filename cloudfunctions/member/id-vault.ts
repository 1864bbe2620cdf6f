import crypto from 'node:crypto'
import { maskIdNumber } from '@/domain/privacy'

/**
 * ID numbers at rest (PIPL art. 28–29): stored only encrypted (AES-256-GCM) with a key from the
 * function's environment variable `ID_ENCRYPTION_KEY` (32 bytes, base64), beside a keyed hash
 * (HMAC-SHA256 with a key derived from the same secret) that lets a unique index refuse a second
 * application with the same number without storing it, and the masked form everyone else sees.
 */
/** `idCipher` is null once the number is erased (an application turned down long ago). */
export type SealedId = { idCipher: string | null; idHash: string; idMasked: string }

const VERSION = 'v1'

function secret(): Buffer {
  const key = Buffer.from(process.env.ID_ENCRYPTION_KEY ?? '', 'base64')
  // Refuse to store an ID number at all rather than store it weakly.
  if (key.length !== 32) throw new Error('ID_ENCRYPTION_KEY must be 32 bytes, base64 (see README, deploying)')
  return key
}

const hashKey = (key: Buffer) => Buffer.from(crypto.hkdfSync('sha256', key, Buffer.alloc(0), 'boai id-number hash', 32))

export function sealId(idNumber: string): SealedId {
  const key = secret()
  const iv = crypto.randomBytes(12)
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv)
  const encrypted = Buffer.concat([cipher.update(idNumber, 'utf8'), cipher.final()])
  return {
    idCipher: [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), encrypted.toString('base64')].join(':'),
    idHash: crypto.createHmac('sha256', hashKey(key)).update(idNumber).digest('hex'),
    idMasked: maskIdNumber(idNumber),
  }
}

export function openId(idCipher: string): string {
  const [version, iv, tag, encrypted] = idCipher.split(':')
  if (version !== VERSION) throw new Error('unknown ID cipher version')
  const decipher = crypto.createDecipheriv('aes-256-gcm', secret(), Buffer.from(iv, 'base64'))
  decipher.setAuthTag(Buffer.from(tag, 'base64'))
  return Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]).toString('utf8')
}
