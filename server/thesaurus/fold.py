"""Simplified Chinese folded to Traditional, so that a proposal typed in Simplified (轮椅, 电梯, 公交车)
routes, finds and is found like its Traditional twin (輪椅, 電梯).

A character table, not a converter: only characters whose Simplified form stands for one Traditional
character in city vocabulary are listed (发 → 發 is left out, since it also stands for 髮). It folds
both the thesaurus terms and the text they are matched against, so a missing pair costs recall on one
word and never a wrong match. Korean and Latin text pass through unchanged."""

from __future__ import annotations

_PAIRS = (
    "车車 轮輪 电電 梯梯 养養 医醫 疗療 劳勞 动動 职職 业業 训訓 练練 儿兒 园園 区區 门門 难難 灾災 险險 "
    "环環 废廢 气氣 贫貧 残殘 爱愛 护護 楼樓 层層 脑腦 网網 数數 据據 资資 讯訊 统統 计計 镇鎮 乡鄉 农農 "
    "种種 树樹 绿綠 书書 馆館 艺藝 术術 剧劇 乐樂 场場 卖賣 买買 价價 贵貴 钱錢 银銀 货貨 币幣 补補 贴貼 "
    "税稅 铁鐵 线線 桥橋 长長 学學 习習 读讀 课課 师師 语語 译譯 这這 个個 们們 时時 间間 问問 题題 还還 "
    "没沒 说說 让讓 给給 对對 会會 开開 关關 实實 现現 应應 该該 务務 员員 单單 亲親 妈媽 独獨 协協 组組 "
    "织織 营營 济濟 经經 创創 岗崗 领領 导導 标標 准準 监監 测測 摄攝 驾駕 驶駛 减減 灯燈 顾顧 视視 听聽 "
    "认認 识識 忧憂 压壓 伤傷 检檢 药藥 诊診 卫衛 体體 扫掃 洁潔 净淨 处處 类類 号號 码碼 机機 热熱 凉涼 "
    "节節 约約 阳陽 风風 云雲 涝澇 灭滅 烟煙 报報 紧緊 迁遷 侨僑 华華 韩韓 国國 际際 设設 备備 装裝 "
    "边邊 远遠 过過 进進 运運 输輸 递遞 送送 邮郵 储儲 仓倉 库庫 产產 厂廠 矿礦 赁賃 租租 宁寧 静靜 "
    "声聲 噪噪 污污 闻聞 卢盧 陆陸 岛島 湾灣 广廣 东東 县縣 乱亂 尘塵 废廢 弃棄 垃垃 圾圾 孙孫 孤孤 "
    "龄齡 岁歲 疗療 协協 调調 议議 论論 诉訴 讼訟 权權 盖蓋 违違 规規 罚罰 庆慶 饮飲 饭飯 馆館 鸡雞 "
    "鱼魚 鲜鮮 蔬蔬 菜菜 厨廚 余餘 饿餓 贫貧 穷窮 困困 帮幫 扶扶 务務 赛賽 级級 纪紀 绩績 续續 缴繳 "
    "费費 优優 惠惠 购購 销銷 贸貿 质質 钟鐘 铃鈴 录錄 频頻 页頁 图圖 画畫 馈饋 赠贈 婴嬰 孕孕 妇婦 "
    "离離 婚婚 庭庭 异異 险險 灾災 汇匯 总總 块塊 坏壞 坛壇 墙牆 门門 闭閉 阅閱 览覽 觉覺 观觀 欢歡 "
    "宽寬 窄窄 拥擁 挤擠 堵堵 车車 辆輛 轨軌 铁鐵 驿驛 站站 桥橋 隧隧 梦夢 独獨 居居 邻鄰 舍舍 栋棟 旧舊 当當 专專 业業 众眾 壮壯 庄莊 预預 验驗 划劃 轻輕 试試 询詢 询詢 谈談 读讀 远遠 选選 举舉 战戰 缺缺 断斷 损損 坏壞 劝勸 宣宣 传傳 无無 碍礙 障障"
)
FOLD = {ord(p[0]): p[1] for p in _PAIRS.split() if p[0] != p[1]}


def fold_chinese(text: str) -> str:
    """Simplified characters of the table replaced by their Traditional form; everything else kept."""
    return text.translate(FOLD)

# The other way, for the search engine's synonyms: an index built from Traditional text must also
# answer a query typed in Simplified, and the engine compares words as they are typed.
_SIMPLIFY = {ord(t): chr(s) for s, t in FOLD.items()}


def simplified_form(text: str) -> str:
    """The Simplified spelling of a Traditional term, as far as the table knows it."""
    return text.translate(_SIMPLIFY)
