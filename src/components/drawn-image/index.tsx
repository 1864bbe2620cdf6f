import { Canvas, Image, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import './index.scss'

/** The part of the canvas API both WeChat's `type="2d"` canvas and a browser canvas offer. */
type CanvasNode = { width: number; height: number; getContext(type: '2d'): CanvasRenderingContext2D | null; createImage?(): HTMLImageElement }

/** Loads a picture to draw (a seal image); null when it cannot be loaded, so the rest is drawn without it. */
export type LoadImage = (src: string) => Promise<CanvasImageSource | null>

type Props = {
  canvasId: string
  /** Size on screen, in CSS px; the canvas holds that many times the screen's pixel ratio. */
  width: number
  height: number
  /** Draws in CSS px; called again whenever `version` changes. */
  draw(ctx: CanvasRenderingContext2D, loadImage: LoadImage): void | Promise<void>
  version: string
  /** What the picture is, for screen readers and the buttons. */
  label: string
}

/** At least 2×: the saved picture is often zoomed into or printed, even from a 1× screen. */
function pixelRatio(): number {
  return Math.min(4, Math.max(2, Taro.getSystemInfoSync().pixelRatio || 1))
}

async function findCanvas(canvasId: string): Promise<CanvasNode | null> {
  if (process.env.TARO_ENV === 'weapp') {
    const [found] = await new Promise<Array<{ node?: CanvasNode } | null>>((resolve) =>
      Taro.createSelectorQuery().select(`#${canvasId}`).fields({ node: true, size: true }).exec(resolve),
    )
    return found?.node ?? null
  }
  // Taro's H5 canvas resets its pixel size on re-render unless told it: the inner element is used directly.
  return document.querySelector<HTMLCanvasElement>(`canvas[canvas-id="${canvasId}"]`)
}

/** WeChat's 2d canvas makes its own images (`canvas.createImage`); a browser canvas takes any <img>. */
function imageLoader(node: CanvasNode): LoadImage {
  return (src) =>
    new Promise((resolve) => {
      const image = node.createImage ? node.createImage() : new window.Image()
      image.onload = () => resolve(image)
      image.onerror = () => resolve(null)
      image.src = src
    })
}

async function exportPicture(node: CanvasNode): Promise<string> {
  if (process.env.TARO_ENV === 'weapp') {
    const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: node as unknown as Taro.Canvas, fileType: 'png' })
    return tempFilePath
  }
  return (node as unknown as HTMLCanvasElement).toDataURL('image/png')
}

/**
 * A picture drawn in code (a certificate), sharp on every screen: the canvas is sized by the
 * device's pixel ratio and drawn scaled, then exported as an image the person can view large and
 * keep.
 */
export function DrawnImage({ canvasId, width, height, draw, version, label }: Props) {
  const [src, setSrc] = useState<string>()
  const [failed, setFailed] = useState(false)
  const ratio = pixelRatio()

  useEffect(() => {
    let cancelled = false
    let attempts = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    setSrc(undefined)
    setFailed(false)
    // The canvas may not be in the page in the first frames after mounting: try again shortly.
    const attempt = async () => {
      const node = await findCanvas(canvasId)
      if (cancelled) return
      if (!node) {
        if (++attempts < 20) timer = setTimeout(() => void attempt(), 100)
        else setFailed(true)
        return
      }
      node.width = Math.round(width * ratio)
      node.height = Math.round(height * ratio)
      const ctx = node.getContext('2d')
      if (!ctx) return setFailed(true)
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0)
      try {
        await draw(ctx, imageLoader(node))
        if (cancelled) return
        const picture = await exportPicture(node)
        if (!cancelled) setSrc(picture)
      } catch {
        if (!cancelled) setFailed(true)
      }
    }
    timer = setTimeout(() => void attempt(), 0)
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
    // `draw` is a new function each render; `version` says when the picture changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [canvasId, version, width, height, ratio])

  const save = async () => {
    if (!src) return
    try {
      await Taro.saveImageToPhotosAlbum({ filePath: src })
      await Taro.showToast({ title: '已保存到相册', icon: 'success' })
    } catch {
      await Taro.showToast({ title: '没有保存，可以在大图上长按保存', icon: 'none' })
    }
  }

  return (
    <View className='drawn-image' data-testid='drawn-image'>
      {/* Drawn off screen; the exported picture is what the person sees and keeps. */}
      <Canvas
        type='2d'
        id={canvasId}
        canvasId={canvasId}
        className='drawn-image__canvas'
        style={{ width: `${width}px`, height: `${height}px` }}
      />
      {src ? (
        <>
          <Image className='drawn-image__picture' src={src} ariaLabel={label} style={{ width: `${width}px`, height: `${height}px` }} data-testid='drawn-image-picture' />
          <View className='drawn-image__actions'>
            <Button block size='large' onClick={() => Taro.previewImage({ urls: [src] })}>
              查看大图（长按可保存）
            </Button>
            {process.env.TARO_ENV === 'weapp' && (
              <Button block size='large' type='primary' onClick={save}>
                保存到相册
              </Button>
            )}
          </View>
        </>
      ) : (
        <View className='hint drawn-image__wait'>{failed ? `${label}没有生成出来，请返回后再试一次` : `正在生成${label}…`}</View>
      )}
    </View>
  )
}
