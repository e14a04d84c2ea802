import type { Random } from './random'

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗'] as const
const SHOPS = [
  '超市', '便利店', '烧饼铺', '面馆', '水饺馆', '早餐店', '药店', '五金店', '水果店', '理发店', '服装店', '农资店',
  '粮油店', '烟酒店', '家电维修', '手机店', '菜店', '肉铺', '茶叶店', '玫瑰花茶店', '阿胶专卖', '快餐店', '烧烤店', '蛋糕店',
] as const
const BRANDS = ['新华', '惠民', '家家乐', '佳和', '利群', '百姓', '金穗', '鑫源', '福泰', '永盛'] as const

/** Streets of a county town (plausible names; the demo's addresses are not real ones). */
export const MERCHANT_STREETS = ['榆山路', '青龙路', '锦水路', '翠屏街', '府前街', '东关街', '文化路', '玫瑰路', '黄河路', '龙桥路'] as const
export const PLACE_NAMES = ['东', '西', '南', '北', '前', '后', '大', '小', '新', '老'].flatMap((a) => ['庄', '屯', '集', '店', '营'].map((b) => `${a}${b}`))

/** A plausible small-merchant name: a family shop ("王记面馆") or a branded store ("惠民超市"). */
export function merchantName(random: Random): string {
  const shop = random.pick(SHOPS)
  return random.chance(0.6) ? `${random.pick(SURNAMES)}记${shop}` : `${random.pick(BRANDS)}${shop}`
}

/** ISO date plus a number of days (UTC, so no time zone shifts the date). */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}
