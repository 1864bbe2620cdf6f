import type http from 'node:http'

/**
 * A request body, or null once it grows past `limit`. The rest is read and dropped rather than
 * the connection cut, so the caller still gets its answer (413).
 */
export function readAtMost(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) chunks.push(chunk)
    })
    req.on('end', () => resolve(size <= limit ? Buffer.concat(chunks) : null))
    req.on('error', reject)
  })
}
