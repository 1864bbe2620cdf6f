import { Canvas, Image, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'

type Props = { name: string; lesson: string; score: number; date: string }

const WIDTH = 300
const HEIGHT = 400
const CANVAS_ID = 'learning-certificate'

/**
 * Canvas pixels per layout pixel: the screen's pixel ratio (at least 2, so the picture stays sharp
 * when enlarged in the preview; at most 3, to keep the file small).
 */
const SCALE = Math.min(3, Math.max(2, Math.ceil(Taro.getSystemInfoSync().pixelRatio || 1)))

/** Draws the certificate and hands over the exported picture; throws if the canvas is not ready yet. */
function drawCertificate({ name, lesson, score, date }: Props, onDone: (src: string) => void): void {
  const ctx = Taro.createCanvasContext(CANVAS_ID)
  // Drawn in layout pixels on a canvas SCALE times as large, then exported at its full size.
  ctx.scale(SCALE, SCALE)
  ctx.setFillStyle('#fffbf0')
  ctx.fillRect(0, 0, WIDTH, HEIGHT)
  ctx.setStrokeStyle('#c8102e')
  ctx.setLineWidth(6)
  ctx.strokeRect(10, 10, WIDTH - 20, HEIGHT - 20)
  ctx.setFillStyle('#c8102e')
  ctx.fillRect(WIDTH / 2 - 22, 40, 44, 14)
  ctx.fillRect(WIDTH / 2 - 7, 25, 14, 44)
  ctx.setTextAlign('center')
  ctx.setFontSize(30)
  ctx.fillText('学习证明', WIDTH / 2, 115)
  ctx.setFillStyle('#1f1f1f')
  ctx.setFontSize(24)
  ctx.fillText(name, WIDTH / 2, 175)
  ctx.setFontSize(16)
  ctx.fillText('完成了应急救护课程', WIDTH / 2, 215)
  ctx.setFontSize(18)
  ctx.fillText(`「${lesson}」`, WIDTH / 2, 245)
  ctx.setFontSize(16)
  ctx.fillText(`并以 ${score} 分通过测验`, WIDTH / 2, 275)
  ctx.setFillStyle('#595959')
  ctx.setFontSize(13)
  ctx.fillText(`${date} · 博爱家园`, WIDTH / 2, 330)
  ctx.fillText('本证明不代替红十字会救护员证', WIDTH / 2, 355)
  ctx.draw(false, () => {
    void Taro.canvasToTempFilePath({ canvasId: CANVAS_ID, fileType: 'png', width: WIDTH * SCALE, height: HEIGHT * SCALE, destWidth: WIDTH * SCALE, destHeight: HEIGHT * SCALE })
      .then(({ tempFilePath }) => onDone(tempFilePath))
      .catch(() => undefined)
  })
}

/**
 * 学习证明 as an image: drawn on a canvas, exported to a picture the person can keep or share
 * (long-press in the preview). The canvas API here is the one both WeChat and Taro's H5 implement.
 */
export function CertificateImage({ name, lesson, score, date }: Props) {
  const [src, setSrc] = useState<string>()

  useEffect(() => {
    let attempts = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    // The canvas element may not be ready in the first frames after mounting (H5): try again shortly.
    const attempt = () => {
      try {
        drawCertificate({ name, lesson, score, date }, setSrc)
      } catch {
        if (++attempts < 20) timer = setTimeout(attempt, 100)
      }
    }
    timer = setTimeout(attempt, 0)
    return () => clearTimeout(timer)
  }, [name, lesson, score, date])

  return (
    <View data-testid='certificate-image'>
      {/* Drawn off screen; the exported picture is what the person sees. */}
      <Canvas canvasId={CANVAS_ID} style={{ width: `${WIDTH * SCALE}px`, height: `${HEIGHT * SCALE}px`, position: 'fixed', left: '-9999px' }} />
      {src && (
        <>
          <Image src={src} style={{ width: `${WIDTH}px`, height: `${HEIGHT}px`, display: 'block', margin: '0 auto' }} />
          <Button block onClick={() => Taro.previewImage({ urls: [src] })}>
            查看大图（长按可保存）
          </Button>
        </>
      )}
    </View>
  )
}
