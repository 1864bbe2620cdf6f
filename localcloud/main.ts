import path from 'node:path'
import { startLocalCloud } from './server'
import { usageLine } from './usage'

const HOUR_MS = 60 * 60_000

/** `npm start` ends here: the local cloud on PORT (8787) with its data in DATA_DIR (.data). */
async function main() {
  const root = path.resolve(__dirname, '..')
  const cloud = await startLocalCloud({
    dataDir: path.resolve(process.env.DATA_DIR ?? path.join(root, '.data')),
    port: Number(process.env.PORT ?? 8787),
    host: process.env.HOST ?? '127.0.0.1',
    staticDir: path.join(root, 'dist', 'h5'),
    // Tests that spawn the server run the TypeScript sources; `npm start` runs the bundles.
    functionsFrom: process.env.FUNCTIONS_FROM === 'source' ? 'source' : 'dist',
    localMode: true,
    // The functions' timer triggers on their cron; TIMERS=off for a store nothing changes by itself.
    runTimers: process.env.TIMERS !== 'off',
    dbLatencyMs: process.env.DB_LATENCY_MS,
    mediaPushDelayMs: process.env.MEDIA_PUSH_DELAY_MS,
    tempUrlMaxAgeS: process.env.TEMP_URL_MAX_AGE_S ? Number(process.env.TEMP_URL_MAX_AGE_S) : undefined,
    openApiLatencyMs: process.env.OPENAPI_LATENCY_MS,
    coldStartMs: process.env.COLD_START_MS,
    extraFunctionDirs: process.env.FUNCTIONS_DIR?.split(':').filter(Boolean),
  })
  console.log(`\n  博爱家园 local cloud is running\n\n  App:       ${cloud.url}/\n  Functions: ${cloud.url}/api/functions/<name>\n  Functions loaded: ${cloud.functions.names().join(', ')}\n`)
  // What an hour cost in CloudBase's units (reads, writes, invocations, GB-s), counted from start.
  const hourly = setInterval(() => console.log(usageLine(cloud.usage.report())), HOUR_MS)
  hourly.unref()
  const stop = () => cloud.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
