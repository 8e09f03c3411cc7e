package org.egovmonitor.demo.farm;

import java.util.List;
import java.util.Random;
import org.egovmonitor.registry.SiteKind;

/** Chinese vocabulary for generated content. Every string here must be encodable in GBK. */
final class TextBank {

    static final List<String> CITIES = List.of("池州", "安庆", "铜陵", "黄山", "宣城", "巢湖", "六安", "滁州");
    static final List<String> COUNTIES = List.of("东至", "青阳", "石台", "贵池", "望江", "怀宁", "太湖", "祁门");
    static final List<String> TOWNS = List.of("大渡口", "七井", "木镇", "陵阳", "丁香", "香隅", "仙寓", "蓉城");
    static final List<String> DEPARTMENTS = List.of("科学技术局", "质量技术监督局", "人事局", "交通局", "农业委员会",
            "财政局", "地方税务局", "劳动和社会保障局", "教育局", "卫生局", "公安消防支队", "行政服务中心", "信息中心",
            "气象局", "旅游局", "国土资源局");

    static final List<String> TOPICS = List.of("电子政务建设", "防汛抗旱", "安全生产", "农村税费改革", "招商引资",
            "非典型肺炎防治", "退耕还林", "信息化建设", "城市规划", "创建文明城市", "扶贫开发", "教育收费", "环境保护",
            "森林防火", "春耕生产", "计划生育", "劳动保障", "行政审批制度改革", "政务信息报送", "党风廉政建设",
            "农民增收", "旅游开发", "民营经济发展", "重点工程建设", "科技下乡", "质量技术监督", "消防安全检查",
            "再就业工作", "政府网站建设", "农业产业化");

    static final List<String> MATTERS = List.of("户口迁移", "营业执照申领", "建设工程报建", "土地使用权登记",
            "社会保险登记", "出国护照申办", "计划生育证明", "机动车登记", "税务登记", "企业名称预先核准", "组织机构代码",
            "卫生许可证", "消防验收", "个体工商户登记", "民办学校审批", "林木采伐许可");

    static final List<String> LEADERS = List.of("市长", "副市长", "县长", "常务副县长", "局长", "书记", "副局长");

    static final List<String> GOODS = List.of("茶叶", "毛竹", "板栗", "水稻种子", "化肥", "生猪", "石材", "蚕茧");

    private TextBank() {
    }

    static <T> T pick(Random r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    static String siteName(Random r, SiteKind kind) {
        return switch (kind) {
            case PORTAL -> pick(r, CITIES) + "市人民政府";
            case COUNTY -> pick(r, COUNTIES) + "县人民政府";
            case DEPARTMENT -> pick(r, CITIES) + "市" + pick(r, DEPARTMENTS);
            case TOWNSHIP_PAGE -> pick(r, COUNTIES) + "县" + pick(r, TOWNS) + "镇人民政府";
        };
    }

    /** The short place name a site talks about ("池州市", "东至县"). */
    static String place(String siteName) {
        for (String suffix : List.of("市", "县", "镇")) {
            int i = siteName.indexOf(suffix);
            if (i > 0) {
                return siteName.substring(0, i + 1);
            }
        }
        return siteName;
    }

    /** A title for an item of a family. */
    static String itemTitle(Random r, String family, String place, int year) {
        String t = pick(r, TOPICS);
        String m = pick(r, MATTERS);
        return switch (family) {
            case "news" -> pick(r, List.of(place + "召开" + t + "工作会议", pick(r, LEADERS) + "深入基层调研" + t + "工作",
                    place + t + "取得阶段性成效", place + "全面部署" + t + "工作", "省检查组来我" + place.substring(
                            place.length() - 1) + "检查" + t + "工作"));
            case "notices" -> pick(r, List.of("关于做好" + t + "工作的通知", "关于开展" + t + "专项检查的通知",
                    "关于" + t + "有关事项的公告", year + "年" + t + "先进单位名单公示", "关于召开" + t + "会议的通知"));
            case "policy" -> pick(r, List.of(place + "人民政府关于加强" + t + "的意见", "关于印发《" + place + t
                    + "实施办法》的通知", place + t + "管理暂行规定", "关于进一步推进" + t + "的若干意见"));
            case "personnel" -> pick(r, List.of("关于" + pick(r, COUNTIES) + "等同志任职的通知", year + "年公开选拔副科级领导干部公告",
                    "关于部分同志职务任免的通知", year + "年事业单位公开招考工作人员公告"));
            case "plans" -> pick(r, List.of(place + t + "五年规划", place + year + "年" + t + "工作要点",
                    place + "国民经济和社会发展第十个五年计划纲要", year + "年" + t + "工作计划"));
            case "open_gov" -> pick(r, List.of(year + "年" + t + "资金使用情况公开", "关于" + t + "的情况说明",
                    place + year + "年财政预算执行情况", t + "办理结果公开"));
            // Content items may carry their own family's words, never another family's exact section name: a
            // homepage link reading exactly 旅游资源 is the tourism section on a real site, so truth would be ambiguous.
            case "org_info" -> pick(r, List.of("主要职责", "内设机构", "领导简介", "联系方式", "下属单位", "职能配置"));
            case "overview" -> pick(r, List.of("自然地理", "历史沿革", "行政区划", "人口民族", "经济概况", "名胜古迹",
                    "交通区位", "社会事业"));
            case "service_guide" -> m + "办事指南";
            case "downloads" -> m + pick(r, List.of("申请表", "登记表", "审批表"));
            case "online_service" -> m + pick(r, List.of("在线申报", "网上预约", "进度查询"));
            case "mailbox" -> pick(r, List.of("关于" + t + "的咨询", "反映" + t + "中的问题", "建议加快" + t));
            case "forum" -> pick(r, List.of("请问" + m + "需要哪些材料", "对" + t + "的一点建议", "咨询" + m + "事宜"));
            case "interviews" -> pick(r, LEADERS) + "做客在线访谈谈" + t;
            case "surveys" -> "关于" + t + "的" + pick(r, List.of("网上调查", "意见征集", "问卷"));
            case "investment" -> place + pick(r, GOODS) + "深加工项目招商";
            case "tourism" -> pick(r, List.of("九华山", "牯牛降", "升金湖", "杏花村", "仙寓山")) + pick(r,
                    List.of("旅游线路推荐", "景区门票调整公告", "迎来旅游高峰", "旅游节开幕"));
            case "talent" -> pick(r, DEPARTMENTS) + year + "年公开招聘工作人员公告";
            case "weather" -> place + pick(r, List.of("未来三天天气预报", "农业气象旬报", "森林火险等级预报"));
            case "transport" -> pick(r, List.of("池州至合肥班车时刻调整", "长江航运客轮时刻表", "国道改造期间车辆绕行通告"));
            case "supply_demand" -> pick(r, List.of("供应", "求购")) + pick(r, GOODS) + pick(r, List.of("若干吨", "信息"));
            default -> t + "信息";
        };
    }

    /** Notice titles that contain a family word: headline decoys. */
    static final List<String> HEADLINE_DECOYS = List.of("关于做好办事指南编制工作的通知", "关于规范表格下载栏目管理的通知",
            "关于加强政务公开工作的意见", "关于开通市长信箱的公告", "关于做好网上办事系统测试工作的通知");

    /** Texts for external links with family-like wording. */
    static final List<String> EXTERNAL_DECOYS = List.of("市政府信息公开", "省政府信息公开", "市人才网人才招聘",
            "省政务动态", "市旅游局旅游信息", "省网上办事大厅");

    static final List<String> SEARCH_WORDS = List.of("办事指南", "表格下载", "通知公告", "政策文件", "网上办事",
            "人才招聘");

    static final List<String> HIDDEN_TEXTS = List.of("信息公开", "通知公告", "办事指南", "政务动态", "领导信箱");

    static final List<String> BROKEN_INTERNAL_TEXTS = List.of("旧版网站", "English", "网站地图", "无障碍浏览",
            "网站导航", "繁体中文");

    static final List<String> BROKEN_EXTERNAL_TEXTS = List.of("中国政府网", "安徽省人民政府", "国家信息中心",
            "市电子政务网", "中国池州网");

    /** Headers of a message list's asked date column. */
    static final List<String> ASKED_HEADERS = List.of("来信时间", "来信日期", "留言时间", "提问时间", "咨询时间", "写信时间");

    /** Headers of a message list's status column. */
    static final List<String> STATUS_HEADERS = List.of("状态", "办理状态", "处理状态", "回复状态");

    /** Headers of a message list's reply date column. */
    static final List<String> REPLIED_HEADERS = List.of("回复时间", "答复时间", "回复日期", "办结时间");

    /** Statuses of answered messages. */
    static final List<String> ANSWERED_WORDS = List.of("已回复", "已答复", "已办结", "已处理", "已反馈");

    /** Statuses of waiting messages: 已受理 (accepted) and 未办结 are not answers. */
    static final List<String> PENDING_WORDS = List.of("未回复", "待回复", "办理中", "处理中", "受理中", "已受理", "未办结",
            "待处理");

    static final List<String> ASKERS = List.of("张先生", "李女士", "王某某", "网友", "市民刘先生", "陈女士", "匿名");

    /** Letters to the mailbox; the first complains in words a careless reader would take for a status. */
    static final List<String> QUESTIONS = List.of(
            "我于今年初反映的问题至今未处理，希望有关部门尽快给予答复。",
            "请问办理该事项需要准备哪些材料？到哪个窗口办理？",
            "建议在城区主干道增设公交站点，方便群众出行。",
            "小区附近施工噪音很大，夜间也不停工，严重影响居民休息。");

    static final List<String> ANSWERS = List.of(
            "您好！您反映的问题已转交有关部门核实处理，感谢您对我们工作的关注和支持。",
            "您好！经核实，该事项可到市行政服务中心相关窗口办理，所需材料详见办事指南栏目。",
            "您好！您的建议已收悉，我们将在下一步工作中认真研究。");

    /** What a message's page shows in place of a reply not yet given. */
    static final List<String> NO_REPLY_YET = List.of("暂无回复", "尚未答复", "暂未回复");

    static final List<String> PARAGRAPHS = List.of(
            "为进一步加快推进我市电子政务建设步伐，根据市政府的统一部署，现将有关事项通知如下。",
            "各县区人民政府、市直各部门要高度重视，切实加强领导，明确责任，确保各项工作落到实处。",
            "会议指出，要正确评估发展现状，找准存在的问题，采取有力措施，推动工作再上新台阶。",
            "请各单位于规定时间内将有关材料报送市信息中心，联系人及电话见附件。",
            "本办法自发布之日起施行，由市人民政府办公室负责解释。");

    /**
     * The ten elements of a service guide (办事指南), in the order guides list them: the labels sites write for each
     * (the first is its name in the national rules) and the value a guide shows. {@code %s} in a value is the place.
     */
    record GuideElement(List<String> labels, String value) {
        String name() {
            return labels.get(0);
        }
    }

    static final List<GuideElement> GUIDE_ELEMENTS = List.of(
            new GuideElement(List.of("事项名称", "项目名称", "服务事项"), null),
            new GuideElement(List.of("设定依据", "办理依据", "法律依据"), "《中华人民共和国行政许可法》及有关法律法规"),
            new GuideElement(List.of("申请条件", "受理条件", "办理条件"), "申请人符合法律法规规定的条件，申请材料齐全、符合法定形式"),
            new GuideElement(List.of("办理材料", "申请材料", "所需材料"), "1、申请表（原件1份）；2、申请人身份证明（复印件1份）；3、其他相关证明材料"),
            new GuideElement(List.of("办理地点", "受理地点", "办公地址"), "%s行政服务中心一楼综合窗口"),
            new GuideElement(List.of("办理时间", "受理时间", "办公时间"), "周一至周五上午8:00-12:00，下午14:30-17:30（法定节假日除外）"),
            new GuideElement(List.of("联系电话", "咨询电话", "监督电话"), "0566-2021234"),
            new GuideElement(List.of("办理流程", "办理程序", "办事流程"), "申请→受理→审查→决定→送达"),
            new GuideElement(List.of("收费标准", "是否收费", "收费依据及标准"), "不收费"),
            new GuideElement(List.of("办理时限", "承诺时限", "法定时限"), "法定时限20个工作日，承诺时限5个工作日"));
}
