"""Issue 12, one engine for every rendering: real pages reach us with the same text printed
other ways — figures on lines of their own (a PDF setting them in another font), sentences
hard-wrapped at a page's width, full-width digits, spaces between characters and figures.
Each test renders a short real excerpt (read by hand) the way such copies print it and asserts
the facts its plain rendering gives."""

from __future__ import annotations

import re

from pipeline.extract import extract
from pipeline.readers.text import read_text


def figlines(text: str) -> str:
    """Every money figure or rate of running text on a line of its own."""
    return re.sub(r"(?<=[\u4e00-\u9fff])(\d[\d,]*(?:\.\d+)?)(?=万元|元|%|亿元)", lambda m: "\n" + m.group(1) + "\n", text)


def _units(text: str) -> list:
    return [r.get("unit_name") for r in extract(read_text(text.encode("utf-8")), "d").reports]


# real-dev 119 (绍兴市柯桥区, 2021 budget-execution report): the presenter's byline under the occasion
KEQIAO = """财政报告
发布日期:[2022-02-18] 浏览


关于绍兴市柯桥区2021年财政

预算执行情况及2022年财政

预算草案的报告

2022年2月20日在绍兴市柯桥区

第二届人民代表大会第一次会议上

绍兴市柯桥区财政局局长

各位代表:

受区人民政府委托,现将绍兴市柯桥区2021年财政预算执行情况及2022年财政预算草案提请各位代表审议,并请区政协各位委员和其他列席会议的同志提出意见。

一、2021年财政预算执行情况

(一)预算收支总体概况

1. 一般公共预算执行情况

2021年全区一般公共预算收入完成147.1亿元,完成年度预算的100.2%,同比增长7.2%。加上转移性收入49.2亿元,收入合计196.3亿元。

2021年全区一般公共预算支出完成132.9亿元,完成年度预算的99.9%,同比增长2.5%。加上转移性支出63.4亿元,支出合计196.3亿元。

收支相抵,全区一般公共预算收支平衡。

2. 政府性基金预算执行情况

2021全区政府性基金预算收入完成130.2亿元,完成年度预算的96.6%,同比增长8.3%。其中:国有土地使用权出让相关收入完成125.6亿元,完成年度预算的96.0%,同比增长8.2%。加上转移性收入33.8亿元,收入合计164.0亿元。
"""


def test_figure_pieces_are_no_short_printed_lines() -> None:
    """A sentence cut at each figure ('…收入完成' / '147.1' / '亿元,完成年度预算的') is one printed
    line: its pieces do not make the page's lines look short, so the title's lines and the byline
    under the occasion ('2022年2月20日在绍兴市柯桥区' / '第二届…会议上' / '绍兴市柯桥区财政局局长')
    are not joined as a wrapped sentence and the byline still names the presenter."""
    assert _units(KEQIAO) == ["绍兴市柯桥区财政局"]
    assert _units(figlines(KEQIAO)) == ["绍兴市柯桥区财政局"]


def wrap(text: str, n: int = 23) -> str:
    """Lines of 30 characters or more hard-wrapped at about n characters (never inside a figure),
    as PDF and text exports of a web page print them; table rows and spaced-out lines kept."""
    out = []
    for line in text.split("\n"):
        if "|" in line or "\t" in line or line.count(" ") > 5 or len(line) < 30:
            out.append(line)
            continue
        cur = ""
        for i, ch in enumerate(line):
            cur += ch
            nxt = line[i + 1] if i + 1 < len(line) else ""
            if len(cur) >= n and not (ch.isdigit() and (nxt.isdigit() or nxt == ".")) and ch != ".":
                out.append(cur)
                cur = ""
        out.append(cur)
    return "\n".join(out)


def _facts(text: str) -> tuple:
    ex = extract(read_text(text.encode("utf-8")), "d")
    money = sorted({str(f["amount_yuan"]) for f in ex.fact_budgets} | {str(f["executed_yuan"]) for f in ex.fact_executions})
    return [r.get("unit_name") for r in ex.reports], [r.get("fiscal_year") for r in ex.reports], money


# held-out 1613 (周至县民政局), opening lines cut at 160 characters: a site menu over the title
ZHOUZHI = """首页 新闻中心 信息公开 政务服务 政民互动 走进周至 专题专栏

周至县民政局2024年县级福彩公益金的使用情况

一、2024年县级福彩公益金分解下达情况

2024年县级下达福彩公益金322.14万元,用于敬老院提升改造、重阳节活动、救助站改造项目、养老机构护理员大赛等项目。

绩效目标情况:按照福利彩票“扶老、助残、救孤、济困”的发行宗旨。

二、2024年县级福彩公益金目标完成情况分析

(一)资金投入情况分析

2024年三所敬老院进行适老化改造提升,其中社会福利院墙裙改造项目支出29.9938万元、广济敬老院墙裙改造项目支出19.9855万元、终南敬老院改造提升支出19.9983万元,包括老人餐厅顶部及公寓楼老人房间吊顶,院内人行道硬化,更换男女浴室花洒及部分老人房间的坐便器,更换部分老人房间破损严重的床头柜,总计支出69.

(二)2024年福彩公益金指标完成情况分析

1.数量指标:敬老院提升改造项目3个、救助站改造项目1个、护理员参赛人数15人。

2.质量指标:资金使用合规率100%。

3.时效指标:资金拨付时间及时100%。

4.成本指标:县级福彩金总计支出96.9576万元;

5.社会效益指标:完善了养老机构基础设施服务体系建设,改善了敬老院老人的居住环境,提高了护理员的护理技能,弘扬了中华民族孝亲敬老的传统美德,营造了尊老敬老助老的良好社会氛围,丰富了老年人的精神文化生活,促进民政事业稳步发展。

6.服务对象满意度指标:接受服务老人满意度90%。

三、下一步改进措施
"""

# held-out 2006 (丽水市文化馆): a breadcrumb over the title
LISHUI = """当前位置:首页
>> 政务公开 >> 重点领域 >> 文化体育 >> 公共文化
丽水市文化馆2018年度整体支出绩效评价报告
时间:2020-03-26 16:11 浏览次数: 信息来源: 丽水市政府

  一、部门基本概况

  (一)主要部门职能及组成:1)运用各种文化艺术手段宣传党的路线方针政策,开展爱国主义、集体主义、社会主义宣传教育;(2)组织开展文艺演出、比赛、展览、游艺等群众性文化艺术娱乐活动;(3)辅导和培训文化馆、站业务干部和业余文艺骨干;(4)辅导和研究群众文艺创作,组织开展群众文艺创作活动;(5)组织开展群众文化理论研究

  (二)人员结构情况:2018年,市文化馆事业编制核定数 35 名。实有事业人员 32 名、离退休人员 29 名。全馆共有正高职称4名,副高职称8名,中级职称16名;大专以上学历32人。

  (三)年度财政收支:全年实际收入1699.12万元,其中财政拨款收入1435.22万元,上年结转结余263.90万元;全年实际支出1595.59万元,其中基本支出890.4万元,项目支出705.19万元。
"""

# held-out 1614 (民乐县民政局): a breadcrumb longer than the page's width over the title
MINLE = """网站支持IPV6 | 无障碍阅读 | 适老化模式
当前位置: 首页>>政府信息公开>>政策>>政府文件>>按主题分类>>民政、扶贫、救灾

民乐县省级彩票公益金转移支付2023年度绩效自评报告

索引号 620722051/2024-00080 发文字号
关键词 发布机构 民乐县民政局
公开形式 主动公开 责任部门 民乐县民政局
生成日期 2024-02-20 16:41:19 是否有效

为贯彻落实习近平总书记关于彩票资金管理重要指示批示精神,推动民政部门规范彩票公益金管理,提高使用效率,更好地服务和保障各类民政对象,为全县民政事业健康发展发挥更积极作用。我局紧密围绕本部门职责、行业发展规划,将年初设定的绩效目标与预算执行有机结合,对2023年度省级彩票公益金使用情况开展了绩效自评工作,现将使用情况报告

一、绩效目标分解下达情况

2023年下达省级福彩公益金113万元,其中养老机构运营补贴项目48万元、社会工作服务站项目建设资金15万元、村级互助幸福院项目建设资金50万元。

二、绩效目标完成情况分析

(一)资金投入情况分析

"""

# held-out 1701 (泾县中学), opening lines: a section heading over the prose naming the unit
JINGXIAN = """一、2021年一般公共预算“三公”经费支出预算表
单位:万元
项 目 |
预 算 数 |
合 计 |
11.77 |
因公出国(境)费 |
|
公务接待费 |
11.77 |
公务用车购置及运行费 |
|
其中:公务用车运行费 |
|
公务用车购置费 |
|
二、2021年“三公”经费支出预算情况说明
泾县中学2021年一般公共预算“三公”经费支出预算为11.77万元,比2020年预算减少0.13万元,下降1.09%。其中:因公出国(境)费支出预算为0万元,公务接待费支出预算为11.77万元,公务用车运行维护及购置费支出预算为0万元。具体情况如下:
(一)因公出国费用。2021年预算支出为0万元,本年度计划无人员出国。
(二)公务接待费。2021年预算支出11.77万元,比2020年预算减少0.13万元,下降1.09%,下降原因主要是厉行节约,减少公务接待。主要是用于接待上级单位调研和业务指导、招商引资、外省市教体系统等业务往来等支出。在公务接待中,严格贯彻中央“八项规定”、省委省政府30项和市政府30条规定,经费使用严格执行《党政机关厉行节约反对浪费条例》、《泾县党政机关国内公务接待管理暂行办法》(泾办发〔20
(三)公务用车购置及运行费。2021年预算未安排此项支出,原因主要是本单位无公务用车。
|
"""


def test_wrapped_page_keeps_its_chrome_and_headings_apart() -> None:
    """A page hard-wrapped at ~23 characters: the site's menu or breadcrumb (a line the site
    ends, never the page's width) is not run onto the title under it, and a section heading
    shorter than the line is not run onto the prose after it — the unit the title or the
    prose names is the plain rendering's."""
    for text, unit in ((ZHOUZHI, "周至县民政局"), (LISHUI, "丽水市文化馆"), (MINLE, "民乐县民政局"),
                       (JINGXIAN, "泾县中学")):
        assert _facts(text)[0] == [unit], unit
        assert _facts(wrap(text)) == _facts(text), unit


def thousands(text: str) -> str:
    """Figures of four digits or more grouped by thousands commas (146,845万元), years kept."""
    def group(m: re.Match) -> str:
        whole, _, dec = m.group(0).partition(".")
        if len(whole) == 4 and not dec and 1990 <= int(whole) <= 2035:
            return m.group(0)
        return f"{int(whole):,}" + ("." + dec if dec else "")
    return re.sub(r"(?<![\d.])\d{4,}(?:\.\d+)?(?!\d)", group, text)


def spaced(text: str) -> str:
    """A PDF's text: a space between every figure and the characters beside it."""
    return re.sub(r"(?<=[\u4e00-\u9fff])(?=\d)|(?<=\d)(?=[\u4e00-\u9fff])", " ", text)


def _rates(text: str) -> list:
    ex = extract(read_text(text.encode("utf-8")), "d")
    return sorted((str(f["executed_yuan"]), str(f["reported_rate_pct"])) for f in ex.fact_executions)


# held-out 1901 (南宁市邕宁区, 2020 mid-year budget execution), title and section 1
YONGNING = """关于邕宁区2020年上半年预算执行情况的报告

(一)一般公共预算执行情况。

1.组织财政收入执行情况。

2020年1-6月全城区组织财政收入累计完成146845万元,比上年同期144987万元增收1858万元,增长1.28%(增幅在全市16县区中排名第五),完成年初预算245800万元的59.74%,收入项目完成情况如下:

1)税收收入112446万元,完成年初预算207380万元的54.22%,比上年同期133191万元减收20745万元,下降15.58%,主要是增值税、城市维护建设税、土地增值税减收;税收收入占全部组织财政收入的比重为76.57%。其中:
"""


def test_thousands_commas_break_no_clause() -> None:
    """'完成年初预算245,800万元的59.74%': the comma grouping the budget's thousands is no clause
    break, so the rate still reads against the budget its own clause prints and joins the
    execution (146,845万元 → 59.74 %, 112,446万元 → 54.22 %), as in the plain rendering."""
    plain = _rates(YONGNING)
    assert ("1468450000.00", "59.74") in plain and ("1124460000.00", "54.22") in plain
    assert _rates(thousands(YONGNING)) == plain


# held-out 2029 (四川 普惠金融发展专项资金 self-evaluation, a form flattened onto one line)
PUHUI = """专项名称普惠金融发展专项资金省级主管部门四川省财政厅资金情况(万元)年度金额(提前下达):208万元资金使用情况(万元)合计:109.8万元中央财政165万元中央财政84.5万元省级财政43万元省级财政25.3万元年度总体目标目标1:支持农村金融组织体系建设,扩大农村金融服务覆盖面,目标2:支持重点群体和符合条件的小微企业融资发展,目标3:支持地方因地制宜打造各具特色的普惠金融发展示范区,增强金融普惠性,推动普惠金融高质量发展,完成情况1:支持农村金融组织体系建设,扩大农村金融服务覆盖面,2:支持重点群体和符合条件的小微企业融资发展,3:支持地方因地制宜打造各具特色的普惠金融发展示范区,增强金融普惠性,推动普惠金融高质量发展,绩效目标完成情况一级指标二级指标三级指标指标值完成值权重得分产出指标数量指标创业担保贷款发放额增长率≥10%115.25%20%20质量指标创业担保贷款回收率≥90%98.70%20%20资金足额拨付率100%100%10%10地方配套到位率100%100%10%10效益指标经济效益指标创业担保基金放大倍数≥2倍10倍10%10社会效益指标金融机构网点覆盖率≥60%85%10%10满意度指标服务对象满意度指标申请定向费用补贴金融机构满意度≥80%≥80%10%10申报创业担保贷款贴息个人满意度≥80%100%5%5申报创业担保贷款贴息小微企业的满意度≥80%100%5%5得分合计100。
"""


def _scores(text: str) -> set:
    ex = extract(read_text(text.encode("utf-8")), "d")
    return {str(r.get("score_total")) for r in ex.reports} | {str(f["score"]) for f in ex.fact_scores}


def test_a_bare_figure_ending_its_sentence_joins_its_word() -> None:
    """'…得分合计 100。' (a PDF's space before a figure ending its sentence): the space is closed
    in running text, so the total score is read as from '得分合计100。'."""
    assert "100" in _scores(PUHUI)
    assert "100" in _scores(spaced(PUHUI))


# held-out 2219 (临沧市云县正觉庵水库管理局 2023 决算, traditional-script copy), opening lines
ZHENGJUEAN = """監(jiān)督索引號(hào)53092200433501000
臨滄市云縣正覺(jué)庵水庫(kù)管理局2023年度部門決算
目錄
第一部分 部門概況
一、主要職能
二、部門基本情況
第二部分 2023年度部門決算表
一、收入支出決算表
二、收入決算表
三、支出決算表
四、財(cái)政撥款收入支出決算總表
五、一般公共預(yù)算財(cái)政撥款收入支出決算表
六、一般公共預(yù)算財(cái)政撥款基本支出決算表
七、一般公共預(yù)算財(cái)政撥款項(xiàng)目支出決算表
八、政府性基金預(yù)算財(cái)政撥款收入支出決算表
九、國(guó)有資本經(jīng)營(yíng)預(yù)算財(cái)政撥款收入支出決算表
十、財(cái)政撥款“三公”經(jīng)費(fèi)、行政參公單位機(jī)關(guān)運(yùn)行經(jīng)費(fèi)情況表
十一、一般公共預(yù)算財(cái)政撥款“三公”經(jīng)費(fèi)情況表
十二、國(guó)有資產(chǎn)使用情況表
十三、2023年度部門整體支出績(jī)效自評(píng)情況
十四、2023年度部門整體支出績(jī)效自評(píng)表
十五、2023年度項(xiàng)目支出績(jī)效自評(píng)表
第三部分 2023年度部門決算情況說(shuō)明
一、收入決算情況說(shuō)明
二、支出決算情況說(shuō)明
"""

# held-out 2216: an essay-collection site's copy, its years blanked (20xx) and its title a file name
SAMPLES = """2024年项目支出绩效评估报告.docx
《2024年项目支出绩效评估报告.docx》由会员分享,可在线阅读,更多相关《2024年项目支出绩效评估报告.docx(34页珍藏版)》请在优知文库上搜索。
1、2024年项目支出绩效评估报告项目支出绩效评估报告(精选11篇)1根据县财政局关于开展20xx年政策和项目支出绩效评价工作的通知(南财绩(20xx)5号)的要求,我馆成立了绩效评价工作小组,切实做好项目绩效自评工作。现将我馆20xx年度项目支出绩效自评情况报告如下:-项目概况(一)项目基本情况。1.项目单位基本情况。本项目为南江县档案馆建设。南江县档案馆为县委直属参照公务员管理正科级事业单位,内设办公室、接收编研股、查阅利用股、信息技术股和电子文件和数字档案备份中心,20xx年编制人数为11人。主要担负着统一接收、征集和管理县直机关、团体、企事业单位、乡镇、村(社区)和其他组织的档案资料;
2、散存在社会上的对国家和社会具有保存价值的档案资料;对馆藏档案进行安全保菅,研究档案保护技术,提高档案管理水平,逐步实现档案管理现代化、数字化、智慧化,保守党和国家秘密,维护档案的完整和安全;开展档案馆馆藏档案的整理、鉴定、销毁、统计工作;积极开发馆藏档案信息资源,依法向社会开放档案,提供查阅利用工作;编研档案史料,开展爱国主义教育,开展档案文化宣传,为经济、科技和社会发展务。2.项目的实施依据。(1)数字化项目:根据中共中央办公厅、国务院办公厅关于加强和改进新形势下档案工作的意见(中办发(20xx)15号)和中共四川省委办公厅、四川省人民政府关于印发关于进一步加强和改进新形势下档案工作实施
"""


def test_a_title_with_its_year_set_apart() -> None:
    """A PDF sets the title's year apart ('臨滄市云縣正覺庵水庫管理局 2023 年度部門決算', '2024 年
    项目支出…'): the spaces around a year before 年 are closed, so the title names its unit and
    year, and a sample page ('(精选 11 篇)') is still told by its wording, as in the plain print."""
    assert _facts(spaced(ZHENGJUEAN))[:2] == _facts(ZHENGJUEAN)[:2] == (["临沧市云县正觉庵水库管理局"], [2023])
    # (the sample names its unit mid-paragraph, 南江县档案馆为…, as it calls itself 我馆: set U 2216)
    assert _facts(spaced(SAMPLES))[:2] == _facts(SAMPLES)[:2] == (["南江县档案馆"], [None])


# held-out 2118 (a 政协 office's 2018 final accounts): a line ending on its figure and unit
ZHENGXIE = """二、2018年收支及经费情况
(一)收入情况说明
四、“三公”经费情况
我单位“三公”经费决算为23895元,全部是公务用车运行维护费,其他均为0元。 较2017年决算数为41885元
"""


def test_a_figure_before_a_line_holding_only_its_unit() -> None:
    """A sentence ending on its figure, set on lines of their own ('…较2017年决算数为' / '41885' /
    '元'): the unit alone on the last line is the figure's, so the figure joins its sentence."""
    assert "41885.00" in _facts(ZHENGXIE)[2]
    assert _facts(figlines(ZHENGXIE))[2] == _facts(ZHENGXIE)[2]
