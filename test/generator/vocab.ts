/**
 * Invented content: places, bureaus, units, projects, indicators with their values, goals, tasks — and the
 * label wording (canonical, docs/domain.md synonyms, synonyms the interpreter's label lists know). Nothing here is
 * copied from a published table; the words are the ordinary vocabulary of budget performance forms.
 */

export const PLACES = [
  "清源",
  "安平",
  "云溪",
  "石门",
  "丰宁",
  "临泽",
  "永宁",
  "白塔",
  "东陵",
  "江屿",
  "桐川",
  "青禾",
  "南枫",
  "柳湾",
  "金沙",
  "松林",
  "鹤鸣",
  "红石",
  "宁远",
  "望江",
  "长乐",
  "西岭",
  "泉州湾",
  "北辰",
];
export const PLACE_SUFFIX = ["市", "县", "区"];

export interface Sector {
  bureau: string;
  /** Subordinate units (without the place). */
  units: string[];
  projects: string[];
  /** Who is served: 残疾人, 学生 … */
  people: string[];
  /** What is built, bought or run. */
  things: { noun: string; unit: string }[];
  /** What the money does, for goals and purposes. */
  aims: string[];
}

export const SECTORS: Sector[] = [
  {
    bureau: "教育局",
    units: ["教师发展中心", "学生资助管理中心", "教育技术装备中心", "第一中学", "实验小学"],
    projects: [
      "中小学教师全员培训",
      "家庭经济困难学生资助",
      "义务教育学校校舍维修改造",
      "普惠性幼儿园运转补助",
      "中小学课后服务补助",
      "教育信息化设备购置",
    ],
    people: ["教师", "学生", "幼儿", "家长"],
    things: [
      { noun: "校舍", unit: "平方米" },
      { noun: "多媒体教室", unit: "间" },
      { noun: "培训班", unit: "期" },
      { noun: "教学设备", unit: "台" },
    ],
    aims: ["提升教师教育教学能力", "保障家庭经济困难学生顺利完成学业", "改善学校办学条件", "促进教育公平"],
  },
  {
    bureau: "民政局",
    units: ["社会福利院", "救助管理站", "养老服务指导中心", "殡葬管理所"],
    projects: ["城乡最低生活保障资金", "特困人员救助供养补助", "社区居家养老服务补贴", "孤儿基本生活费", "临时救助资金"],
    people: ["低保对象", "老年人", "特困人员", "困难群众"],
    things: [
      { noun: "养老床位", unit: "张" },
      { noun: "社区助餐点", unit: "个" },
      { noun: "护理型床位", unit: "张" },
    ],
    aims: ["保障困难群众基本生活", "完善养老服务体系", "兜牢民生底线"],
  },
  {
    bureau: "农业农村局",
    units: ["农业技术推广中心", "动物疫病预防控制中心", "农村经营管理站", "种子管理站"],
    projects: ["耕地地力保护补贴", "高标准农田建设", "动物疫病强制免疫", "农业技术推广服务", "农村人居环境整治"],
    people: ["农户", "种植大户", "养殖户"],
    things: [
      { noun: "高标准农田", unit: "亩" },
      { noun: "示范基地", unit: "个" },
      { noun: "强制免疫疫苗", unit: "万毫升" },
    ],
    aims: ["稳定粮食生产", "防控重大动物疫病", "促进农民增收", "改善农村人居环境"],
  },
  {
    bureau: "卫生健康委员会",
    units: ["疾病预防控制中心", "妇幼保健院", "人民医院", "卫生健康综合监督执法局"],
    projects: ["基本公共卫生服务", "家庭医生签约服务补助", "重大传染病防控", "计划生育家庭特别扶助", "乡村医生补助"],
    people: ["居民", "孕产妇", "乡村医生", "老年人"],
    things: [
      { noun: "健康档案", unit: "份" },
      { noun: "疫苗接种", unit: "剂次" },
      { noun: "村卫生室", unit: "个" },
    ],
    aims: ["提高居民健康水平", "有效控制传染病流行", "提升基层医疗服务能力"],
  },
  {
    bureau: "交通运输局",
    units: ["公路事业发展中心", "道路运输服务中心", "港航事业发展中心"],
    projects: ["农村公路日常养护", "城乡公交运营补贴", "危旧桥梁改造", "公路安全生命防护工程"],
    people: ["乘客", "沿线群众"],
    things: [
      { noun: "农村公路", unit: "公里" },
      { noun: "危旧桥梁", unit: "座" },
      { noun: "公交线路", unit: "条" },
    ],
    aims: ["保障群众安全便捷出行", "保持路况稳定", "提升公共交通服务水平"],
  },
  {
    bureau: "残疾人联合会",
    units: ["残疾人康复服务指导中心", "残疾人就业服务中心", "残疾人联合会本级"],
    projects: ["残疾儿童康复救助", "贫困残疾人家庭无障碍改造", "残疾人职业技能培训", "重度残疾人护理补贴", "残疾人辅助器具适配"],
    people: ["残疾人", "残疾儿童", "重度残疾人"],
    things: [
      { noun: "无障碍改造", unit: "户" },
      { noun: "辅助器具", unit: "件" },
      { noun: "康复训练", unit: "人次" },
    ],
    aims: ["改善残疾人生活状况", "提高残疾人康复水平", "促进残疾人就业"],
  },
  {
    bureau: "林业和草原局",
    units: ["国有林场", "森林病虫害防治检疫站", "林业工作站", "草原工作站"],
    projects: ["森林资源管护", "造林绿化补助", "林业有害生物防治", "草原生态保护修复"],
    people: ["护林员", "林农", "农牧民"],
    things: [
      { noun: "造林面积", unit: "亩" },
      { noun: "管护面积", unit: "万亩" },
      { noun: "防治面积", unit: "万亩" },
    ],
    aims: ["保护森林草原资源", "提高森林覆盖率", "改善生态环境"],
  },
  {
    bureau: "文化广电和旅游局",
    units: ["文化馆", "图书馆", "博物馆", "文物保护中心"],
    projects: ["公共文化服务体系建设", "送戏下乡", "文物保护修缮", "全民阅读推广", "村级文化活动室提升"],
    people: ["群众", "读者", "游客"],
    things: [
      { noun: "文艺演出", unit: "场" },
      { noun: "图书", unit: "册" },
      { noun: "文物修缮", unit: "处" },
    ],
    aims: ["丰富群众精神文化生活", "保护文化遗产", "提升公共文化服务水平"],
  },
  {
    bureau: "水利局",
    units: ["水文站", "水利工程管理站", "河道管理所", "水资源管理中心"],
    projects: ["小型水库维修养护", "农村供水工程维修养护", "河湖长制工作经费", "中小河流治理", "水土保持综合治理"],
    people: ["农村居民", "群众"],
    things: [
      { noun: "小型水库", unit: "座" },
      { noun: "供水工程", unit: "处" },
      { noun: "治理河道", unit: "公里" },
    ],
    aims: ["保障水利工程安全运行", "巩固农村供水保障", "改善河湖水环境"],
  },
  {
    bureau: "人力资源和社会保障局",
    units: ["就业服务中心", "职业技能鉴定中心", "社会保险事业管理中心"],
    projects: ["职业技能提升培训补贴", "创业担保贷款贴息", "公益性岗位补贴", "高校毕业生就业见习补贴"],
    people: ["劳动者", "高校毕业生", "就业困难人员"],
    things: [
      { noun: "职业技能培训", unit: "人次" },
      { noun: "公益性岗位", unit: "个" },
      { noun: "就业见习岗位", unit: "个" },
    ],
    aims: ["促进高质量充分就业", "提升劳动者技能水平", "稳定就业形势"],
  },
];

export const YEARS = [2022, 2023, 2024, 2025];

export const CATEGORIES = ["经常性项目", "一次性项目", "延续项目", "新增项目", "延续性项目"];
export const CHECKBOX_SETS: [string, string][] = [
  ["新增项目", "延续项目"],
  ["一次性项目", "经常性项目"],
];
export const OFFICES = ["社会事务科", "计划财务科", "综合科", "业务科", "资金管理股", "行政审批科"];

/** Ordinary words used for the description/basis/remark columns. */
export const BASES = [
  "年度工作计划",
  "上年实际完成情况",
  "行业标准",
  "相关政策文件",
  "项目实施方案",
  "历史数据测算",
  "预算批复",
  "考核办法",
];
export const REMARKS = ["", "", "含结转任务", "按季度考核", "以验收结果为准", "抽样调查"];
export const SCORE_STANDARDS = [
  "完成得满分，未完成按比例扣分",
  "达到目标值得满分，每降低1个百分点扣1分",
  "按时完成得满分，逾期不得分",
  "超出标准不得分",
  "根据调查结果酌情扣分",
];

/** Department functions (no model field). */
export const FUNCTIONS = [
  "贯彻执行国家和省有关法律法规和方针政策，拟订本行业发展规划并组织实施，负责行业监督管理和公共服务工作。",
  "负责本辖区内相关事业的统筹规划、组织协调和监督管理，承担上级交办的其他任务。",
];

/** Labels that indicator names can collide with (the hazards). */
export const FIELD_LIKE_NAMES: { name: string; value: string }[] = [
  { name: "资金支出计划", value: "按计划执行" },
  { name: "项目资金", value: "足额到位" },
  { name: "绩效目标", value: "全部完成" },
  { name: "预算数", value: "严格执行" },
  { name: "年度目标", value: "按期完成" },
  { name: "资金用途", value: "专款专用" },
];
/** Values that read like labels, with an indicator they could belong to. */
export const LABEL_LIKE_VALUES: { name: string; value: string }[] = [
  { name: "资金来源", value: "项目资金" },
  { name: "考核依据", value: "绩效目标" },
  { name: "执行标准", value: "预算数" },
  { name: "统计口径", value: "合计" },
];
export const LEVEL_LIKE_NAMES = ["数量指标", "质量指标", "产出指标", "社会效益指标", "满意度指标"];

// ------------------------------------------------------------------------------------------------ labels

/** Label wording per vocabulary: canonical first; `domain` adds docs/domain.md's synonyms, `extended` the interpreter's. */
export interface LabelSet {
  canonical: string;
  domain: string[];
  extended: string[];
}
const L = (canonical: string, domain: string[] = [], extended: string[] = []): LabelSet => ({
  canonical,
  domain: [canonical, ...domain],
  extended,
});

export const FIELD_LABELS = {
  name: L("项目名称", ["项目支出名称"], ["项目全称"]),
  code: L("项目编码", [], ["项目代码", "项目编号"]),
  department: L("主管部门", ["业务主管部门", "部门名称"], ["主管单位", "主管部门名称"]),
  unit: L("实施单位", ["项目实施单位", "预算单位", "单位名称"], ["项目单位", "申报单位", "实施单位名称"]),
  unitCode: L("单位编码", ["单位代码", "预算编码"], ["预算单位编码", "单位编号"]),
  category: L("项目属性", ["项目性质", "项目类别"], ["项目类型"]),
  period: L("项目期限", ["实施期", "项目起止时间", "建设周期"], ["实施期限", "项目周期", "起止时间"]),
  office: L("项目主管处室", ["支出股室"], ["主管处室", "业务处室", "主管科室"]),
  total: L(
    "预算数",
    ["项目年度金额", "年度资金总额", "当年年度预算", "金额", "项目资金"],
    ["年度预算数", "资金总额", "预算金额", "本年预算数"],
  ),
  fiscal: L("其中：财政资金", ["财政拨款", "一般公共预算", "其中：财政拨款"], ["财政性资金", "本级财政资金", "当年财政拨款"]),
  other: L("其他资金", ["自有资金", "事业收入", "上年结转"], ["其他来源资金", "单位自有资金", "结转资金"]),
  purpose: L("资金用途", [], ["主要用途", "资金主要用途", "项目资金用途"]),
  goal: L("年度总体绩效目标", ["绩效目标", "年度目标", "本年度绩效目标"], ["总体目标", "年度绩效目标", "项目绩效目标", "年度总体目标"]),
  plan: L("资金支出计划（%）", ["资金支出计划"], ["资金支出进度计划", "支出计划"]),
  /** The container over 年度资金总额 / 其中：财政拨款 / 其他资金 (itself a budget.total synonym). */
  container: L("项目资金", ["资金情况"], ["资金来源", "项目资金申请"]),
  /** The total line under a container. */
  subTotal: L("年度资金总额", ["预算数"], ["资金总额"]),
};

export const HEADER_LABELS = {
  level1: L("一级指标", [], ["一级绩效指标", "一级指标名称"]),
  level2: L("二级指标", [], ["二级绩效指标", "二级指标名称"]),
  name: L("三级指标", [], ["指标名称", "绩效指标名称", "三级指标名称"]),
  value: L("指标值", ["年度指标值", "指标值及单位", "绩效值"], ["目标值", "年度目标值", "预期目标值"]),
  description: L("绩效指标描述", ["指标解释", "指标说明"], []),
  basis: L("指标值确定依据", ["绩效标准"], ["指标值设定依据", "确定依据"]),
  scoreStandard: L("评（扣）分标准", [], ["评分标准", "扣分标准"]),
  operator: L("计算符号", [], ["符号", "运算符号"]),
  measure: L("计量单位", ["度量单位"], ["单位"]),
  valueType: L("指标性质", [], ["指标值类型", "指标类型"]),
  direction: L("指标方向", [], ["方向"]),
  /** The number column under a split 指标值. */
  number: L("指标值", ["数值"], ["目标值"]),
  serial: L("序号"),
  score: L("分值", [], ["权重（%）", "权重"]),
  remark: L("备注"),
  group: L("绩效指标", ["年度绩效指标"], []),
};

export const WIDE_LABELS = {
  code: L("单位编码", ["单位代码"], ["预算编码"]),
  name: L("单位及项目名称", [], ["项目及单位名称", "单位/项目名称"]),
  amount: L("金额", ["项目金额"], ["预算金额", "资金"]),
  goal: L("绩效目标", ["年度绩效目标"], ["年度目标"]),
};

export const DEPT_LABELS = {
  name: L("部门名称", ["部门（单位）名称"], ["单位名称"]),
  staff: L("财政供养人员数", ["编制人数"], ["在职人员数"]),
  subunits: L("下属二级单位数", [], ["下属单位数"]),
  functions: L("部门职能", [], ["主要职能", "职能职责"]),
  goal: L("年度总体目标", ["总体绩效目标", "部门整体绩效目标"], ["年度绩效目标"]),
  container: L("预算整体情况", ["年度预算情况"], ["部门预算"]),
  expenditureHead: L("部门预算支出"),
  amountHead: L("预算金额"),
  incomeHead: L("收入来源"),
  incomeGroup: L("按收入性质分"),
  expenditureGroup: L("按支出性质分"),
  basic: L("基本支出"),
  project: L("项目支出"),
  fiscal: L("财政拨款", ["一般公共预算"], ["财政拨款收入"]),
  otherSimple: L("其他资金", [], ["其他收入"]),
  general: L("一般公共预算", [], ["一般公共预算拨款"]),
  fund: L("政府性基金", [], ["政府性基金预算拨款"]),
  stateCapital: L("国有资本经营预算", [], ["国有资本经营预算拨款"]),
  specialAccount: L("财政专户", ["财政专户管理资金"], []),
  otherDetailed: L("其他资金"),
  expenditureTotal: L("支出合计", ["部门预算总额"], ["预算支出合计"]),
  incomeTotal: L("收入合计"),
  taskGroup: L("年度重点工作任务", ["年度主要任务"], ["重点工作任务"]),
  taskName: L("名称", ["任务名称"], []),
  taskContent: L("主要实施内容", ["主要内容"], []),
  taskAmount: L("拟投入的资金", ["预算金额"], []),
  taskGoal: L("期望达到的目标", ["预期目标"], []),
  taskProject: L("对应项目"),
};

// ------------------------------------------------------------------------------------------------ levels

/** Printed level labels per style; the value is canonical, the key the style. */
export const LEVEL1_SYNONYMS: Record<string, string[]> = {
  产出指标: ["项目完成指标", "产出（工作量）指标"],
  效益指标: ["效果指标", "项目效益指标"],
  满意度指标: ["满意度指标"],
  成本指标: ["成本指标"],
};
export const LEVEL2_SYNONYMS: Record<string, string[]> = {
  生态效益指标: ["环境效益", "环境效益指标"],
  可持续影响指标: ["可持续影响"],
  服务对象满意度指标: ["社会公众或服务对象满意度", "服务对象满意度"],
  社会效益指标: ["社会效益"],
  经济效益指标: ["经济效益"],
};

/** The wordings a label may take under the `labelVocab` choice. */
export function labelPool(set: LabelSet, c: { labelVocab?: string }): string[] {
  if (c.labelVocab === "extended") return [...set.domain, ...set.extended];
  if (c.labelVocab === "domain") return set.domain;
  return [set.canonical];
}
