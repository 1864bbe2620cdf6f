import type { ServiceCertificate } from '@/domain/volunteer/contract'
import { formatChinaTime } from '@/domain/dates'
import { ID_TYPE_LABELS } from '@/domain/volunteer/certificate'

export const CERTIFICATE_WIDTH = 330
export const CERTIFICATE_HEIGHT = 570

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

/**
 * 志愿服务记录证明 (民发〔2015〕149号): drawn in CSS px on a canvas already scaled to the screen's pixel
 * ratio. It names the person, the document and volunteer numbers, the period and hours, and the
 * issuing organisation with its 负责人 and 经办人; the items are listed beside it as text.
 */
export function drawServiceCertificate(ctx: CanvasRenderingContext2D, certificate: ServiceCertificate, seal: CanvasImageSource | null = null): void {
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
  ctx.font = font(26, 700)
  ctx.fillText('志愿服务记录证明', W / 2, 108)
  ctx.fillStyle = GREY
  ctx.font = font(13)
  ctx.fillText(`编号：${certificate.number}`, W / 2, 132)

  ctx.fillStyle = INK
  ctx.font = font(24, 600)
  ctx.fillText(certificate.name, W / 2, 170)
  ctx.font = font(13)
  ctx.fillStyle = GREY
  const id = certificate.idType ? `${ID_TYPE_LABELS[certificate.idType]} ${certificate.idNumberMasked}` : '证件未登记'
  ctx.fillText(id, W / 2, 192)
  ctx.fillText(`志愿者编号 ${certificate.volunteerNumber}`, W / 2, 210)

  ctx.fillStyle = INK
  ctx.font = font(15)
  const body = `于${chineseDate(certificate.from)}至${chineseDate(certificate.to)}期间，在${certificate.communityName}参加志愿服务 ${certificate.services} 次，累计服务时长`
  let y = 242
  for (const line of wrap(ctx, body, W - 72)) {
    ctx.fillText(line, W / 2, y)
    y += 24
  }
  ctx.fillStyle = RED
  ctx.font = font(40, 700)
  ctx.fillText(`${certificate.hours} 小时`, W / 2, y + 32)
  ctx.fillStyle = INK
  ctx.font = font(15)
  ctx.fillText('服务记录明细见附页。特此证明。', W / 2, y + 64)

  // The organisation's seal over its name, as a stamped paper 证明 has it (民发〔2015〕149号: 加盖公章).
  if (seal) {
    ctx.save()
    // Multiply: the white of a photographed or scanned seal lets the text beneath show, as ink does.
    ctx.globalCompositeOperation = 'multiply'
    ctx.globalAlpha = 0.9
    ctx.drawImage(seal, W / 2 + 8, H - 190, 92, 92)
    ctx.restore()
  }
  ctx.fillStyle = INK
  ctx.font = font(14, 600)
  ctx.fillText(certificate.issuer.orgName, W / 2, H - 150)
  ctx.fillStyle = GREY
  ctx.font = font(13)
  ctx.fillText(`负责人：${certificate.issuer.leaderName}　经办人：${certificate.issuer.handlerName}`, W / 2, H - 128)
  ctx.fillText(`出具时间：${formatChinaTime(certificate.issuedAt)}`, W / 2, H - 106)

  ctx.fillStyle = INK
  ctx.font = font(14, 600)
  ctx.fillText('验证编号', W / 2, H - 76)
  ctx.font = font(20, 700)
  ctx.fillText(certificate.code, W / 2, H - 50)
  ctx.fillStyle = GREY
  ctx.font = font(12)
  ctx.fillText('在博爱家园小程序「验证证明」中输入编号核验', W / 2, H - 30)
}
