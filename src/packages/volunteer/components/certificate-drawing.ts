import type { ServiceCertificate } from '@/domain/volunteer/contract'
import { formatChinaTime } from '@/domain/dates'

export const CERTIFICATE_WIDTH = 330
export const CERTIFICATE_HEIGHT = 500

const RED = '#c8102e'
const INK = '#1f1f1f'
const GREY = '#595959'
const FONT = "-apple-system, 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif"

const font = (size: number, weight = 400) => `${weight} ${size}px ${FONT}`

/** `2026-01-01` → `2026年1月1日`. */
function chineseDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number)
  return `${year}年${month}月${day}日`
}

/** Breaks a line of Chinese text to fit `width` (any character may start a line). */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const char of text) {
    if (ctx.measureText(line + char).width > width && line) {
      lines.push(line)
      line = char
    } else line += char
  }
  if (line) lines.push(line)
  return lines
}

/** 志愿服务证明: drawn in CSS px on a canvas already scaled to the screen's pixel ratio. */
export function drawServiceCertificate(ctx: CanvasRenderingContext2D, certificate: ServiceCertificate): void {
  const W = CERTIFICATE_WIDTH
  const H = CERTIFICATE_HEIGHT
  ctx.fillStyle = '#fffbf0'
  ctx.fillRect(0, 0, W, H)
  ctx.strokeStyle = RED
  ctx.lineWidth = 6
  ctx.strokeRect(10, 10, W - 20, H - 20)
  ctx.lineWidth = 1
  ctx.strokeRect(18, 18, W - 36, H - 36)

  // The red cross.
  ctx.fillStyle = RED
  ctx.fillRect(W / 2 - 20, 44, 40, 12)
  ctx.fillRect(W / 2 - 6, 30, 12, 40)

  ctx.textAlign = 'center'
  ctx.textBaseline = 'alphabetic'
  ctx.font = font(28, 700)
  ctx.fillText('志愿服务证明', W / 2, 112)

  ctx.fillStyle = INK
  ctx.font = font(24, 600)
  ctx.fillText(certificate.name, W / 2, 160)

  ctx.font = font(15)
  const body = `于${chineseDate(certificate.from)}至${chineseDate(certificate.to)}期间，在${certificate.communityName}参加志愿服务。`
  let y = 196
  for (const line of wrap(ctx, body, W - 72)) {
    ctx.fillText(line, W / 2, y)
    y += 24
  }
  ctx.fillText('累计服务时长', W / 2, y + 8)
  ctx.fillStyle = RED
  ctx.font = font(40, 700)
  ctx.fillText(`${certificate.hours} 小时`, W / 2, y + 56)
  ctx.fillStyle = INK
  ctx.font = font(15)
  ctx.fillText(`共 ${certificate.items.length} 次服务，特此证明。`, W / 2, y + 90)

  ctx.fillStyle = GREY
  ctx.font = font(13)
  ctx.fillText(`${certificate.communityName} 红十字服务站（博爱家园）`, W / 2, H - 128)
  ctx.fillText(`开具时间：${formatChinaTime(certificate.issuedAt)}`, W / 2, H - 106)

  ctx.fillStyle = INK
  ctx.font = font(14, 600)
  ctx.fillText('验证编号', W / 2, H - 76)
  ctx.font = font(20, 700)
  ctx.fillText(certificate.code, W / 2, H - 50)
  ctx.fillStyle = GREY
  ctx.font = font(12)
  ctx.fillText('在博爱家园小程序「验证证明」中输入编号核验', W / 2, H - 30)
}
