<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <source>About RevOrg</source>
        <translation>关于 RevOrg</translation>
    </message>
    <message>
        <source>Design a revenue organisation and its plan: the org chart, the targets of marketing, sales and customer success, what the people can deliver, what they cost and which hires close the gap.</source>
        <translation>设计营收组织及其计划：组织架构图，市场、销售和客户成功的目标，团队能交付多少、成本多少，以及需要哪些招聘来补足缺口。</translation>
    </message>
    <message>
        <source>Plans are .revorg files on this computer; RevOrg works offline and sends nothing.</source>
        <translation>计划以 .revorg 文件保存在本机；RevOrg 离线运行，不会发送任何数据。</translation>
    </message>
</context>
<context>
    <name>ActualsChart</name>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>已签约</translation>
    </message>
    <message>
        <source>Target so far and bookings so far, month by month, in %1</source>
        <translation>逐月累计目标与累计签约，单位：%1</translation>
    </message>
    <message>
        <source>Plan against actual, cumulative</source>
        <translation>计划与实际（累计）</translation>
    </message>
</context>
<context>
    <name>ActualsImportDialog</name>
    <message>
        <source>Import actuals</source>
        <translation>导入实际数据</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>No deals can be read from %1; the plan is unchanged.</source>
        <translation>无法从 %1 读取任何交易；计划未更改。</translation>
    </message>
    <message>
        <source>%1 deals from %2 (%3): %4 won, %5 lost, %6 open. Rows left out: %7; report lines skipped: %8. Import them into the plan?</source>
        <translation>%2（%3）中的 %1 笔交易：赢单 %4，输单 %5，进行中 %6。略过的行：%7；跳过的报表行：%8。导入到计划中吗？</translation>
    </message>
    <message>
        <source>a table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>CRM exports (*.csv *.xlsx);;All files (*)</source>
        <translation>CRM 导出文件 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ActualsPanel</name>
    <message>
        <source>Import actuals…</source>
        <translation>导入实际数据…</translation>
    </message>
    <message>
        <source>Stage and type rules…</source>
        <translation>阶段和类型规则…</translation>
    </message>
    <message>
        <source>Bookings by month against the plan</source>
        <translation>按月预订额对比计划</translation>
    </message>
    <message>
        <source>Attainment by person</source>
        <translation>按人员的达成率</translation>
    </message>
    <message>
        <source>Deal owners not matched to a position</source>
        <translation>未匹配到职位的交易负责人</translation>
    </message>
    <message>
        <source>No actuals yet. Import a Salesforce opportunity report or a HubSpot deal export (CSV or Excel) to see the plan against what was booked.</source>
        <translation>尚无实际数据。导入 Salesforce 业务机会报表或 HubSpot 交易导出文件（CSV 或 Excel），即可查看计划与实际签约的对比。</translation>
    </message>
    <message>
        <source>No deal closed in the fiscal year yet.</source>
        <translation>本财年尚无已结束的交易。</translation>
    </message>
    <message>
        <source>Through %1: %2 booked of %3 planned (%4). Forecast for the year %5; at the run rate so far %6.</source>
        <translation>截至 %1：已签约 %2，计划 %3（%4）。全年预测 %5；按当前速度 %6。</translation>
    </message>
    <message>
        <source>%1 hired this year: %2 of a full month in their first months in seat; the plan assumes %3 (a %4-month ramp).</source>
        <translation>今年入职的%1：在岗头几个月分别达到满月产出的 %2；计划假设为 %3（%4 个月爬坡期）。</translation>
    </message>
    <message>
        <source>A %1-month ramp fits better.</source>
        <translation>%1 个月的爬坡期更贴合实际。</translation>
    </message>
    <message>
        <source>New business</source>
        <translation>新业务</translation>
    </message>
    <message>
        <source>Expansion</source>
        <translation>增购</translation>
    </message>
    <message>
        <source>Renewals</source>
        <translation>续约</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>全年</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>已签约</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Target to date</source>
        <translation>截至目前目标</translation>
    </message>
    <message>
        <source>Attainment</source>
        <translation>达成率</translation>
    </message>
    <message>
        <source>Open position</source>
        <translation>空缺职位</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Team of</source>
        <translation>团队负责人</translation>
    </message>
    <message>
        <source>Owner not on the chart</source>
        <translation>不在组织图中的所有人</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>交易数</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单金额</translation>
    </message>
    <message>
        <source>Count for</source>
        <translation>计入</translation>
    </message>
    <message>
        <source>Choose a position…</source>
        <translation>选择职位…</translation>
    </message>
</context>
<context>
    <name>AssumptionsPanel</name>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Assumption</source>
        <translation>假设</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>取值</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Assumptions by role</source>
        <translation>按角色的假设</translation>
    </message>
    <message>
        <source>Whole plan</source>
        <translation>整个计划</translation>
    </message>
</context>
<context>
    <name>BalanceRow</name>
    <message>
        <source>Balance to goal</source>
        <translation>对齐目标</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Marketing leads</source>
        <translation>市场线索数</translation>
    </message>
    <message>
        <source>Close rate</source>
        <translation>成交率</translation>
    </message>
    <message>
        <source>Average deal</source>
        <translation>客单价</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>留存率</translation>
    </message>
    <message>
        <source>Expansion</source>
        <translation>增购</translation>
    </message>
    <message>
        <source>New business and expansion in proportion</source>
        <translation>新签业务与增购按比例分摊</translation>
    </message>
    <message>
        <source>No change: this driver already has the smallest value that reaches the goal.</source>
        <translation>无需调整：该驱动因素已是达成目标的最小值。</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>Total revenue: %1</source>
        <translation>总营收：%1</translation>
    </message>
</context>
<context>
    <name>Breadcrumb</name>
    <message>
        <source>Whole organisation</source>
        <translation>整个组织</translation>
    </message>
</context>
<context>
    <name>CapacityPanel</name>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>驱动指标</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>产能</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Hires needed</source>
        <translation>需招聘</translation>
    </message>
    <message>
        <source>Capacity against target by department</source>
        <translation>按部门的产能对比目标</translation>
    </message>
    <message>
        <source>Add suggested hires</source>
        <translation>添加建议招聘</translation>
    </message>
    <message>
        <source>Revenue target and capacity per department, in %1</source>
        <translation>各部门的收入目标与产能，单位：%1</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>New business (quota)</source>
        <translation>新签业务（配额）</translation>
    </message>
    <message>
        <source>Meetings for AEs</source>
        <translation>为 AE 安排的会议</translation>
    </message>
    <message>
        <source>Revenue to retain (CSM books)</source>
        <translation>需留存营收（CSM 客户盘）</translation>
    </message>
    <message>
        <source>Expansion (AM quota)</source>
        <translation>增购（AM 配额）</translation>
    </message>
    <message>
        <source>covered</source>
        <translation>已覆盖</translation>
    </message>
    <message>
        <source>nearly</source>
        <translation>接近</translation>
    </message>
    <message>
        <source>short</source>
        <translation>不足</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>无目标</translation>
    </message>
    <message>
        <source>The targets add up to %1 less than the goal: raise leads, close rate, deal size, retention or expansion first; capacity is measured against them.</source>
        <translation>各部门目标合计比营收目标少 %1：请先提高线索数、成交率、客单价、留存率或增购；产能以这些目标为基准衡量。</translation>
    </message>
    <message>
        <source>SDR : AE ratio 1 : %1 (published average 1 : 2.5)</source>
        <translation>SDR 与 AE 之比 1 : %1（公开平均值 1 : 2.5）</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n direct reports (more than %2)</source>
        <translation>
            <numerusform>%1 有 %n 名直接下属（超过 %2）</numerusform>
        </translation>
    </message>
    <message>
        <source>No hire this year can close: %1 (check the assumptions).</source>
        <translation>今年的招聘无法补足：%1（请检查假设）。</translation>
    </message>
    <message>
        <source>The people on the chart cover every target.</source>
        <translation>架构图中的人员已覆盖全部目标。</translation>
    </message>
    <message>
        <source>To close the gaps, hire %1, starting %2.</source>
        <translation>要补足缺口，需从 %2 起招聘 %1。</translation>
    </message>
    <message>
        <source>%1: %2 people expected to leave this year, taking %3 of capacity</source>
        <translation>%1：预计今年有 %2 人离职，带走 %3 的产能</translation>
    </message>
    <message>
        <source>Nobody is expected to leave this year.</source>
        <translation>预计今年无人离职。</translation>
    </message>
    <message>
        <source>Backfills: %1 — replacements for people expected to leave; hired into existing seats, so Add suggested hires adds no cards for them.</source>
        <translation>补缺招聘：%1 —— 接替预计离职的人员；招入现有岗位，因此“添加建议招聘”不会为他们添加卡片。</translation>
    </message>
    <message>
        <source>No backfill needed: the expected leavers do not add up to a person.</source>
        <translation>无需补缺：预计离职人数不足一人。</translation>
    </message>
</context>
<context>
    <name>ChartCard</name>
    <message>
        <source>Open, starts %1</source>
        <translation>空缺，%1 入职</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>空缺</translation>
    </message>
    <message>
        <source>%1 / yr</source>
        <translation>%1 / 年</translation>
    </message>
    <message>
        <source>People: %1 · open: %2</source>
        <translation>人数：%1 · 空缺：%2</translation>
    </message>
</context>
<context>
    <name>ChartEdits</name>
    <message numerus="yes">
        <source>Added %Ln open positions</source>
        <translation>
            <numerusform>已添加 %Ln 个空缺职位</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark as staff</source>
        <translation>设为幕僚</translation>
    </message>
    <message>
        <source>Put in the team row</source>
        <translation>放回团队行</translation>
    </message>
</context>
<context>
    <name>ChartExport</name>
    <message>
        <source>the chart is too large for a PNG at %1 dpi (%2 x %3 pixels); use at most %4 dpi, or SVG or PDF, which stay sharp at any size</source>
        <translation>架构图太大，无法以 %1 dpi 导出为 PNG（%2 x %3 像素）；请最多使用 %4 dpi，或改用 SVG 或 PDF，任何尺寸下都清晰</translation>
    </message>
    <message>
        <source>the chart is too large for a PNG at %1 dpi (%2 x %3 pixels); use SVG or PDF, which stay sharp at any size</source>
        <translation>架构图太大，无法以 %1 dpi 导出为 PNG（%2 x %3 像素）；请改用 SVG 或 PDF，任何尺寸下都清晰</translation>
    </message>
    <message>
        <source>not enough memory for a %1 x %2 PNG</source>
        <translation>内存不足，无法生成 %1 x %2 的 PNG</translation>
    </message>
    <message>
        <source>row %1, column %2  (%3 pages)</source>
        <translation>第 %1 行，第 %2 列（共 %3 页）</translation>
    </message>
    <message>
        <source>the image could not be written</source>
        <translation>无法写入图片</translation>
    </message>
    <message>
        <source>nothing was written to %1</source>
        <translation>未向 %1 写入任何内容</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>ChartMinimap</name>
    <message>
        <source>Overview: drag the rectangle to move around the chart</source>
        <translation>总览：拖动矩形以在组织图中移动</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <source>Organisation chart</source>
        <translation>组织结构图</translation>
    </message>
    <message numerus="yes">
        <source>%Ln cards selected</source>
        <translation>
            <numerusform>已选择 %Ln 张卡片</numerusform>
        </translation>
    </message>
    <message>
        <source>No card selected. Arrow keys move from card to card.</source>
        <translation>未选择卡片。用方向键在卡片之间移动。</translation>
    </message>
    <message>
        <source>coverage %1, short of target</source>
        <translation>覆盖率 %1，未达目标</translation>
    </message>
    <message>
        <source>coverage %1</source>
        <translation>覆盖率 %1</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare scenarios</source>
        <translation>比较情景</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Change (B − A)</source>
        <translation>变化（B − A）</translation>
    </message>
    <message>
        <source>Scenarios compared</source>
        <translation>场景对比</translation>
    </message>
    <message>
        <source>Scenario A</source>
        <translation>情景 A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>%1 (snapshot)</source>
        <translation>%1（快照）</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Choose two different scenarios.</source>
        <translation>请选择两个不同的情景。</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Revenue goal</source>
        <translation>营收目标</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Close rate</source>
        <translation>成交率</translation>
    </message>
    <message>
        <source>Average deal</source>
        <translation>客单价</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>新客户数</translation>
    </message>
    <message>
        <source>Current revenue</source>
        <translation>现有营收</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>留存率</translation>
    </message>
    <message>
        <source>Expansion</source>
        <translation>增购</translation>
    </message>
    <message>
        <source>New business</source>
        <translation>新签业务</translation>
    </message>
    <message>
        <source>Retained revenue</source>
        <translation>留存营收</translation>
    </message>
    <message>
        <source>Total revenue</source>
        <translation>总营收</translation>
    </message>
    <message>
        <source>Gap to goal</source>
        <translation>距目标缺口</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>岗位数</translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Cost this year</source>
        <translation>今年成本</translation>
    </message>
    <message>
        <source>CAC</source>
        <translation>CAC</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Revenue target</source>
        <translation>营收目标</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>产能</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>缺口</translation>
    </message>
    <message>
        <source>The same positions in both scenarios.</source>
        <translation>两个情景的岗位相同。</translation>
    </message>
    <message>
        <source>%1 pts</source>
        <translation>%1 个百分点</translation>
    </message>
    <message>
        <source>open</source>
        <translation>空缺</translation>
    </message>
</context>
<context>
    <name>CostPanel</name>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Cost this year</source>
        <translation>今年成本</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Cost by department</source>
        <translation>按部门的成本</translation>
    </message>
    <message>
        <source>Total cost this year</source>
        <translation>今年总成本</translation>
    </message>
    <message>
        <source>Cost as a share of the revenue goal</source>
        <translation>成本占营收目标的比例</translation>
    </message>
    <message>
        <source>CAC: (sales + marketing cost) / new customers</source>
        <translation>CAC：（销售 + 市场成本）/ 新客户数</translation>
    </message>
    <message>
        <source>CRO cost</source>
        <translation>CRO 成本</translation>
    </message>
    <message>
        <source>Revenue uplift assumed from a CRO</source>
        <translation>预计 CRO 带来的营收提升</translation>
    </message>
    <message>
        <source>CRO: uplift less cost</source>
        <translation>CRO：营收提升减去成本</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>%1 (%2 of the goal)</source>
        <translation>%1（占目标的 %2）</translation>
    </message>
</context>
<context>
    <name>CrashGuard</name>
    <message>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <source>RevOrg hit an unexpected problem: %1

Your plan is still open; save it to keep your work. Details are in %2</source>
        <translation>RevOrg 遇到意外问题：%1

计划仍处于打开状态，请保存以免丢失工作。详细信息见 %2</translation>
    </message>
</context>
<context>
    <name>CumulativeChart</name>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>产能</translation>
    </message>
    <message>
        <source>%1: target and capacity so far, month by month, in %2</source>
        <translation>%1：逐月累计的目标与产能，单位：%2</translation>
    </message>
    <message>
        <source>%1, cumulative</source>
        <translation>%1（累计）</translation>
    </message>
</context>
<context>
    <name>DealRulesDialog</name>
    <message>
        <source>Stage and type rules</source>
        <translation>阶段和类型规则</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>New business</source>
        <translation>新业务</translation>
    </message>
    <message>
        <source>Expansion</source>
        <translation>增购</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>续约</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>How RevOrg reads each stage and type of your CRM&apos;s deals; kept in the plan for the next import.</source>
        <translation>RevOrg 如何解读 CRM 交易的每个阶段和类型；保存在计划中，供下次导入使用。</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>交易数</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>视为</translation>
    </message>
    <message>
        <source>As by default (%1)</source>
        <translation>默认（%1）</translation>
    </message>
</context>
<context>
    <name>DeleteWords</name>
    <message numerus="yes">
        <source>“%1” has %Ln people below it.</source>
        <translation>
            <numerusform>“%1”下有 %Ln 人。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Filter…</source>
        <translation>筛选…</translation>
    </message>
    <message>
        <source>Delete position</source>
        <translation>删除岗位</translation>
    </message>
    <message>
        <source>Delete them too, or move its direct reports up a level?</source>
        <translation>一并删除，还是将其直接下属上移一级？</translation>
    </message>
    <message>
        <source>Delete all</source>
        <translation>全部删除</translation>
    </message>
    <message>
        <source>Move reports up</source>
        <translation>下属上移</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Save the changes to “%1”?</source>
        <translation>是否保存对“%1”的更改？</translation>
    </message>
    <message>
        <source>Scenario name:</source>
        <translation>情景名称：</translation>
    </message>
    <message>
        <source>Rename card</source>
        <translation>重命名卡片</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>职位：</translation>
    </message>
    <message>
        <source>Delete scenario</source>
        <translation>删除情景</translation>
    </message>
    <message>
        <source>Delete the scenario “%1” with its organisation and targets? (Undo brings it back.)</source>
        <translation>删除情景“%1”及其组织和目标？（可通过撤销恢复。）</translation>
    </message>
    <message>
        <source>Snapshot name:</source>
        <translation>快照名称：</translation>
    </message>
</context>
<context>
    <name>EditCommand</name>
    <message>
        <source>Undone: %1</source>
        <translation>已撤销：%1</translation>
    </message>
</context>
<context>
    <name>FileCommands</name>
    <message>
        <source>RevOrg plans (*.revorg);;All files (*)</source>
        <translation>RevOrg 计划 (*.revorg);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open plan</source>
        <translation>打开计划</translation>
    </message>
    <message>
        <source>This plan is already open.</source>
        <translation>此计划已打开。</translation>
    </message>
    <message>
        <source>Cannot open plan</source>
        <translation>无法打开计划</translation>
    </message>
    <message>
        <source>Save plan as</source>
        <translation>计划另存为</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
    <message>
        <source>Import workbook or roster</source>
        <translation>导入工作簿或花名册</translation>
    </message>
    <message>
        <source>Workbooks and rosters (*.xlsx *.csv);;All files (*)</source>
        <translation>工作簿和花名册 (*.xlsx *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export Excel workbook</source>
        <translation>导出 Excel 工作簿</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出架构图</translation>
    </message>
    <message>
        <source>PNG resolution</source>
        <translation>PNG 分辨率</translation>
    </message>
    <message>
        <source>Dots per inch:</source>
        <translation>每英寸点数 (DPI)：</translation>
    </message>
    <message>
        <source>Fit on one page</source>
        <translation>缩放至一页</translation>
    </message>
    <message>
        <source>Split over pages at a readable size</source>
        <translation>按可读尺寸分多页</translation>
    </message>
    <message>
        <source>PDF pages</source>
        <translation>PDF 页面</translation>
    </message>
    <message>
        <source>Pages:</source>
        <translation>页面：</translation>
    </message>
    <message>
        <source>As shown (current expansion and focus)</source>
        <translation>按当前显示（当前展开层级与聚焦）</translation>
    </message>
    <message>
        <source>The whole chart</source>
        <translation>整个组织图</translation>
    </message>
    <message>
        <source>Draw:</source>
        <translation>绘制：</translation>
    </message>
    <message>
        <source>Export slides</source>
        <translation>导出幻灯片</translation>
    </message>
    <message>
        <source>PowerPoint presentations (*.pptx)</source>
        <translation>PowerPoint 演示文稿 (*.pptx)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Find by title, person or role</source>
        <translation>按职位、任职者或角色查找</translation>
    </message>
    <message>
        <source>Find a card by title, person or role</source>
        <translation>按职位、人员或角色查找卡片</translation>
    </message>
    <message numerus="yes">
        <source>%Ln matches</source>
        <translation>
            <numerusform>%Ln 个匹配</numerusform>
        </translation>
    </message>
    <message>
        <source>No match</source>
        <translation>无匹配项</translation>
    </message>
</context>
<context>
    <name>HiringPlanPanel</name>
    <message>
        <source>Headcount</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Ramped capacity</source>
        <translation>产能（含爬坡）</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Hiring plan by month</source>
        <translation>按月招聘计划</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Open positions: drag a bar to move the start month; the light part is the ramp to full productivity.</source>
        <translation>空缺岗位：拖动条形可调整入职月份；浅色部分为达到满产能前的爬坡期。</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>全年</translation>
    </message>
    <message numerus="yes">
        <source>%Ln open positions start this month</source>
        <translation>
            <numerusform>%Ln 个空缺职位本月入职</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Any card</source>
        <translation>任意卡片</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Revert this step</source>
        <translation>撤回此步骤</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>预览…</translation>
    </message>
    <message>
        <source>Restore as new scenario…</source>
        <translation>恢复为新情景…</translation>
    </message>
    <message>
        <source>Changes of the selected step:</source>
        <translation>所选步骤的更改：</translation>
    </message>
    <message>
        <source>open</source>
        <translation>空缺</translation>
    </message>
    <message>
        <source>All scenarios</source>
        <translation>所有情景</translation>
    </message>
    <message>
        <source>The history cannot be read in full: it is shown as far as it can be. The plan itself is not affected.</source>
        <translation>历史记录无法完整读取：已尽可能显示。计划本身不受影响。</translation>
    </message>
    <message>
        <source>The history was changed outside RevOrg at step %1: it is shown as it is now. The plan itself is not affected.</source>
        <translation>历史记录在第 %1 步被 RevOrg 以外的程序修改：按现状显示。计划本身不受影响。</translation>
    </message>
    <message>
        <source>(no field changes)</source>
        <translation>（没有字段更改）</translation>
    </message>
    <message>
        <source>Step %1 reverted: Edit &gt; Undo takes it back.</source>
        <translation>已撤回第 %1 步：编辑 &gt; 撤销可恢复。</translation>
    </message>
    <message>
        <source>Changed again by %1 at %2: %3</source>
        <translation>已被 %1 于 %2 再次更改：%3</translation>
    </message>
</context>
<context>
    <name>HistoryWords</name>
    <message>
        <source>Undo: %1</source>
        <translation>撤销：%1</translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation>重做：%1</translation>
    </message>
    <message>
        <source>scenario %1 (deleted)</source>
        <translation>情景 %1（已删除）</translation>
    </message>
    <message>
        <source>position %1</source>
        <translation>职位 %1</translation>
    </message>
    <message>
        <source>Scenario name</source>
        <translation>情景名称</translation>
    </message>
    <message>
        <source>Photo added: %1</source>
        <translation>已添加照片：%1</translation>
    </message>
    <message>
        <source>Photo removed: %1</source>
        <translation>已移除照片：%1</translation>
    </message>
    <message>
        <source>Photo replaced: %1</source>
        <translation>已替换照片：%1</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>Position added: %1</source>
        <translation>已添加职位：%1</translation>
    </message>
    <message>
        <source>Position removed: %1</source>
        <translation>已删除职位：%1</translation>
    </message>
    <message>
        <source>Scenario added: %1</source>
        <translation>已添加情景：%1</translation>
    </message>
    <message>
        <source>Scenario removed: %1</source>
        <translation>已删除情景：%1</translation>
    </message>
    <message>
        <source>Dotted line added: %1</source>
        <translation>已添加虚线汇报：%1</translation>
    </message>
    <message>
        <source>Dotted line removed: %1</source>
        <translation>已删除虚线汇报：%1</translation>
    </message>
    <message>
        <source>assumption %1</source>
        <translation>假设 %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2 的%1</translation>
    </message>
    <message>
        <source>(none: top)</source>
        <translation>（无：顶层）</translation>
    </message>
    <message>
        <source>Plan name</source>
        <translation>计划名称</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>货币</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>财年</translation>
    </message>
    <message>
        <source>First month of the fiscal year</source>
        <translation>财年首月</translation>
    </message>
</context>
<context>
    <name>ImportFinding</name>
    <message>
        <source>a RevOrg workbook carries its own targets: --template {template} is not used</source>
        <translation>RevOrg 工作簿自带目标：不使用 --template {template}</translation>
    </message>
    <message>
        <source>nothing could be read from this file</source>
        <translation>无法从此文件读取任何内容</translation>
    </message>
    <message>
        <source>{first} and {more}</source>
        <translation>{first}和{more}</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>note</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>sheet {sheet}</source>
        <translation>工作表 {sheet}</translation>
    </message>
    <message>
        <source>row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <source>column {column}</source>
        <translation>列 {column}</translation>
    </message>
    <message>
        <source>{place}, {more}</source>
        <translation>{place}，{more}</translation>
    </message>
    <message>
        <source>{severity}: {message}</source>
        <translation>{severity}：{message}</translation>
    </message>
    <message>
        <source>{severity}: {place}: {message}</source>
        <translation>{severity}：{place}：{message}</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号（Id、工号）</translation>
    </message>
    <message>
        <source>Name (Nombre)</source>
        <translation>姓名（Name、Nombre）</translation>
    </message>
    <message>
        <source>Last name (Apellidos)</source>
        <translation>姓氏（Last name、Apellidos）</translation>
    </message>
    <message>
        <source>Title (Puesto, Cargo)</source>
        <translation>职位（Title、岗位）</translation>
    </message>
    <message>
        <source>Manager (Responsable, Jefe)</source>
        <translation>上级（Manager、直属上级）</translation>
    </message>
    <message>
        <source>Department (Departamento, Área)</source>
        <translation>部门（Department）</translation>
    </message>
    <message>
        <source>Start date (Fecha de inicio)</source>
        <translation>入职日期（Start date）</translation>
    </message>
    <message>
        <source>Cost (Salary, Salario, Coste)</source>
        <translation>成本（Cost、薪资、年薪）</translation>
    </message>
    <message>
        <source>Email (Correo)</source>
        <translation>邮箱（Email）</translation>
    </message>
    <message>
        <source>Photo (Foto)</source>
        <translation>照片（Photo）</translation>
    </message>
    <message>
        <source>Staff (Assistant, Asistente)</source>
        <translation>幕僚（Assistant、助理）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{name} (row {row})</source>
        <translation>{name}（第 {row} 行）</translation>
    </message>
    <message>
        <source>open {title} (row {row})</source>
        <translation>{title} 空缺岗位（第 {row} 行）</translation>
    </message>
    <message>
        <source>{count} more error like the ones above, from row {first_row} on</source>
        <translation>还有 {count} 个类似的错误，从第 {first_row} 行起</translation>
    </message>
    <message>
        <source>{count} more errors like the ones above, from row {first_row} on</source>
        <translation>还有 {count} 个类似的错误，从第 {first_row} 行起</translation>
    </message>
    <message>
        <source>{count} more warning like the ones above, from row {first_row} on</source>
        <translation>还有 {count} 个类似的警告，从第 {first_row} 行起</translation>
    </message>
    <message>
        <source>{count} more warnings like the ones above, from row {first_row} on</source>
        <translation>还有 {count} 个类似的警告，从第 {first_row} 行起</translation>
    </message>
    <message>
        <source>{count} more note like the ones above, from row {first_row} on</source>
        <translation>还有 {count} 条类似的提示，从第 {first_row} 行起</translation>
    </message>
    <message>
        <source>{count} more notes like the ones above, from row {first_row} on</source>
        <translation>还有 {count} 条类似的提示，从第 {first_row} 行起</translation>
    </message>
    <message>
        <source>{file} has no rows</source>
        <translation>{file} 中没有任何行</translation>
    </message>
    <message>
        <source>{file} has no worksheets</source>
        <translation>{file} 中没有工作表</translation>
    </message>
    <message>
        <source>{count} rows: more than {limit} deals cannot be imported</source>
        <translation>{count} 行：最多只能导入 {limit} 笔交易</translation>
    </message>
    <message>
        <source>deal {id} is also on row {first_row}: this row is kept</source>
        <translation>交易 {id} 也在第 {first_row} 行：保留本行</translation>
    </message>
    <message>
        <source>the export has a heading row but no deals</source>
        <translation>导出文件有标题行，但没有交易</translation>
    </message>
    <message>
        <source>{value} is not an amount: deal left out</source>
        <translation>{value} 不是金额：已略过该交易</translation>
    </message>
    <message>
        <source>negative amount {amount}: deal left out</source>
        <translation>金额为负 {amount}：已略过该交易</translation>
    </message>
    <message>
        <source>no close date: deal left out</source>
        <translation>没有结束日期：已略过该交易</translation>
    </message>
    <message>
        <source>{reason}: deal left out</source>
        <translation>{reason}：已略过该交易</translation>
    </message>
    <message>
        <source>amounts in {currencies}, not the plan&apos;s {currency}: kept as they are, not converted</source>
        <translation>金额为 {currencies}，不是计划的 {currency}：按原样保留，未换算</translation>
    </message>
    <message>
        <source>no heading row with {amount}, {owner} and {close_date} in the first {rows} rows: this is not a deal export</source>
        <translation>前 {rows} 行中没有包含 {amount}、{owner} 和 {close_date} 的标题行：这不是交易导出文件</translation>
    </message>
    <message>
        <source>no column for {fields}</source>
        <translation>缺少列：{fields}</translation>
    </message>
    <message>
        <source>columns {columns} have the same heading {heading}: {first} is read</source>
        <translation>列 {columns} 的标题相同（{heading}）：读取 {first} 列</translation>
    </message>
    <message>
        <source>stages read as open (not won or lost): {values}; say which are won or lost in the stage rules</source>
        <translation>以下阶段按进行中处理（未赢单也未输单）：{values}；请在阶段规则中指明哪些是赢单或输单</translation>
    </message>
    <message>
        <source>types read as new business: {values}; say which are expansion or renewal in the type rules</source>
        <translation>以下类型按新业务处理：{values}；请在类型规则中指明哪些是增购或续约</translation>
    </message>
    <message>
        <source>read sheet {sheet_name}: the sheets before it have no Name and Title columns</source>
        <translation>已读取工作表 {sheet_name}：之前的工作表没有“姓名”和“职位”列</translation>
    </message>
    <message>
        <source>{file} has no data: every sheet is empty</source>
        <translation>{file} 没有数据：所有工作表都是空的</translation>
    </message>
    <message>
        <source>no {missing} column; the heading row has {found}</source>
        <translation>缺少 {missing} 列；该标题行中的列：{found}</translation>
    </message>
    <message>
        <source>columns not read: {headings}</source>
        <translation>未读取的列：{headings}</translation>
    </message>
    <message>
        <source>column {heading} also means {field}: only the first such column, {first}, is read</source>
        <translation>列 {heading} 也表示{field}：只读取第一个这样的列 {first}</translation>
    </message>
    <message>
        <source>the roster has a heading row but no people</source>
        <translation>花名册只有标题行，没有人员</translation>
    </message>
    <message>
        <source>the roster has {count} rows; at most {limit} are read (a larger chart is not a revenue organisation)</source>
        <translation>花名册有 {count} 行；最多读取 {limit} 行（规模更大的架构图已不是营收组织）</translation>
    </message>
    <message>
        <source>{count} blank row skipped ({rows})</source>
        <translation>跳过了 {count} 个空行（{rows}）</translation>
    </message>
    <message>
        <source>{count} blank rows skipped ({rows})</source>
        <translation>跳过了 {count} 个空行（{rows}）</translation>
    </message>
    <message>
        <source>costs in {count} currencies ({listed}): the plan is in {currency}, the most common, and the other amounts are used as they are, without conversion</source>
        <translation>成本使用了 {count} 种货币（{listed}）：计划采用最常见的 {currency}，其他金额按原数使用，不做换算</translation>
    </message>
    <message>
        <source>{email} is not an email address (one @ needed): left out</source>
        <translation>{email} 不是有效的电子邮件地址（需要一个 @）：已略过</translation>
    </message>
    <message>
        <source>{value} is not yes or no: the position is put in the team row</source>
        <translation>{value} 既不是“是”也不是“否”：该职位放在团队行中</translation>
    </message>
    <message>
        <source>the title is blank: every row needs one</source>
        <translation>职位为空：每一行都需要填写职位</translation>
    </message>
    <message>
        <source>{problem}: a cost cannot be below zero</source>
        <translation>{problem}：成本不能小于零</translation>
    </message>
    <message>
        <source>{problem}: the cost must be a number</source>
        <translation>{problem}：成本必须是数字</translation>
    </message>
    <message>
        <source>{amount} is more than {limit}: the cost is too large</source>
        <translation>{amount} 超过 {limit}：成本过高</translation>
    </message>
    <message>
        <source>id {id} is also on row {first_row}: ids must be unique</source>
        <translation>编号 {id} 也出现在第 {first_row} 行：编号必须唯一</translation>
    </message>
    <message>
        <source>email {email} is also on row {first_row}</source>
        <translation>邮箱 {email} 也出现在第 {first_row} 行</translation>
    </message>
    <message>
        <source>manager {manager} not found: no row has this id, email or name</source>
        <translation>找不到上级 {manager}：没有任何一行的编号、邮箱或姓名与之相符</translation>
    </message>
    <message>
        <source>manager {manager} is ambiguous: rows {rows} match; give the manager&apos;s id or email instead</source>
        <translation>上级 {manager} 不明确：第 {rows} 行都与之相符；请改填上级的编号或邮箱</translation>
    </message>
    <message>
        <source>{person} reports to themselves</source>
        <translation>{person} 向自己汇报</translation>
    </message>
    <message>
        <source>reporting cycle: {people}; someone in it must report to a person outside it</source>
        <translation>汇报关系形成循环：{people}；其中必须有人向循环之外的人汇报</translation>
    </message>
    <message>
        <source>no row has the id, email or name {root}: nobody to import</source>
        <translation>没有任何行的 ID、邮箱或姓名是 {root}：没有可导入的人员</translation>
    </message>
    <message>
        <source>{root} is ambiguous: rows {rows} match; give the person&apos;s id or email instead</source>
        <translation>{root} 有歧义：第 {rows} 行都匹配；请改用此人的 ID 或邮箱</translation>
    </message>
    <message>
        <source>only the organisation of {person} is imported: {count} of {total} rows</source>
        <translation>仅导入 {person} 的组织：{total} 行中的 {count} 行</translation>
    </message>
    <message>
        <source>title {title} read as the role {role}</source>
        <translation>职位 {title} 已识别为角色 {role}</translation>
    </message>
    <message>
        <source>department {department} is none of Executive, Marketing, Sales, Customer Success, Revenue Operations: the role&apos;s department is used</source>
        <translation>部门 {department} 不是高管层、市场部、销售部、客户成功部、营收运营部中的任何一个：使用角色所属的部门</translation>
    </message>
    <message>
        <source>{count} rows have no manager (rows {rows}): each heads its own chart</source>
        <translation>{count} 行没有上级（第 {rows} 行）：各自成为一张独立架构图的最高层</translation>
    </message>
    <message>
        <source>{count} row without a cost: it takes the role&apos;s default cost</source>
        <translation>{count} 行没有成本：使用角色的默认成本</translation>
    </message>
    <message>
        <source>{count} rows without a cost: they take the role&apos;s default cost</source>
        <translation>{count} 行没有成本：使用角色的默认成本</translation>
    </message>
    <message>
        <source>{count} {role} position placed in {department}, as the Department column says</source>
        <translation>{count} 个“{role}”岗位按“部门”列放入{department}</translation>
    </message>
    <message>
        <source>{count} {role} positions placed in {department}, as the Department column says</source>
        <translation>{count} 个“{role}”岗位按“部门”列放入{department}</translation>
    </message>
    <message>
        <source>{count} {role} position kept in {home}, the role&apos;s department, although the Department column says {department}</source>
        <translation>{count} 个“{role}”岗位保留在角色所属的{home}，尽管“部门”列填写的是{department}</translation>
    </message>
    <message>
        <source>{count} {role} positions kept in {home}, the role&apos;s department, although the Department column says {department}</source>
        <translation>{count} 个“{role}”岗位保留在角色所属的{home}，尽管“部门”列填写的是{department}</translation>
    </message>
    <message>
        <source>{count} person placed in Outside revenue: the title matches no revenue role and the department is no revenue function; shown on the chart, not counted in revenue cost, CAC or capacity</source>
        <translation>{count} 人归入“非营收部门”：职位不对应任何营收角色，部门也不是营收职能；显示在组织图上，但不计入营收成本、获客成本和产能</translation>
    </message>
    <message>
        <source>{count} people placed in Outside revenue: their titles match no revenue role and their departments are no revenue function; shown on the chart, not counted in revenue cost, CAC or capacity</source>
        <translation>{count} 人归入“非营收部门”：职位不对应任何营收角色，部门也不是营收职能；显示在组织图上，但不计入营收成本、获客成本和产能</translation>
    </message>
    <message>
        <source>{count} named person starts in or after fiscal year {year}, first {person}: named people count for the whole year (the start date is in the position&apos;s notes); clear the name to plan an open hire from that month</source>
        <translation>{count} 名已填姓名的人员在 {year} 财年或之后入职，最早的是 {person}：已填姓名的人员按全年计算（入职日期记在岗位备注中）；如要按从该月起招聘的空缺岗位来规划，请清空姓名</translation>
    </message>
    <message>
        <source>{count} named people start in or after fiscal year {year}, first {person}: named people count for the whole year (the start date is in the position&apos;s notes); clear the name to plan an open hire from that month</source>
        <translation>{count} 名已填姓名的人员在 {year} 财年或之后入职，最早的是 {person}：已填姓名的人员按全年计算（入职日期记在岗位备注中）；如要按从该月起招聘的空缺岗位来规划，请清空姓名</translation>
    </message>
    <message>
        <source>guessed from the title</source>
        <translation>根据职位推断</translation>
    </message>
    <message>
        <source>from the Department column</source>
        <translation>取自“部门”列</translation>
    </message>
    <message>
        <source>title {title} matches no role of the catalogue: added as a custom role in {department} ({why}; no capacity), {count} position</source>
        <translation>职位 {title} 与目录中的任何角色都不匹配：已作为自定义角色加入{department}（{why}；无产能），共 {count} 个岗位</translation>
    </message>
    <message>
        <source>title {title} matches no role of the catalogue: added as a custom role in {department} ({why}; no capacity), {count} positions</source>
        <translation>职位 {title} 与目录中的任何角色都不匹配：已作为自定义角色加入{department}（{why}；无产能），共 {count} 个岗位</translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <source>a PNG image</source>
        <translation>PNG 图片</translation>
    </message>
    <message>
        <source>a JPEG image</source>
        <translation>JPEG 图片</translation>
    </message>
    <message>
        <source>a GIF image</source>
        <translation>GIF 图片</translation>
    </message>
    <message>
        <source>a SQLite database (a RevOrg plan opens with `revorg FILE`)</source>
        <translation>SQLite 数据库（RevOrg 计划请用 `revorg 文件` 打开）</translation>
    </message>
    <message>
        <source>a gzip archive</source>
        <translation>gzip 压缩包</translation>
    </message>
    <message>
        <source>a 7-Zip archive</source>
        <translation>7-Zip 压缩包</translation>
    </message>
    <message>
        <source>a RAR archive</source>
        <translation>RAR 压缩包</translation>
    </message>
    <message>
        <source>a rich-text (RTF) document</source>
        <translation>富文本（RTF）文档</translation>
    </message>
    <message>
        <source>a program (ELF executable)</source>
        <translation>程序（ELF 可执行文件）</translation>
    </message>
    <message>
        <source>{file} is empty (0 bytes)</source>
        <translation>{file} 是空文件（0 字节）</translation>
    </message>
    <message>
        <source>{file} is {size} MB: files over {limit} MB are refused (a roster of 100,000 people is about 10 MB)</source>
        <translation>{file} 大小为 {size} MB：超过 {limit} MB 的文件会被拒绝（10 万人的花名册约 10 MB）</translation>
    </message>
    <message>
        <source>{file} is named {suffix} but is an Excel workbook: rename it to .xlsx</source>
        <translation>{file} 的扩展名是 {suffix}，但它是 Excel 工作簿：请将扩展名改为 .xlsx</translation>
    </message>
    <message>
        <source>{file} is {description}, not a workbook or a CSV roster</source>
        <translation>{file} 是{description}，不是工作簿或 CSV 花名册</translation>
    </message>
    <message>
        <source>{file} holds binary data, not text: it is neither a CSV roster nor an Excel workbook</source>
        <translation>{file} 包含二进制数据而非文本：既不是 CSV 花名册，也不是 Excel 工作簿</translation>
    </message>
    <message>
        <source>a text file (a CSV renamed?)</source>
        <translation>文本文件（可能是改了扩展名的 CSV？）</translation>
    </message>
    <message>
        <source>an XML or HTML document</source>
        <translation>XML 或 HTML 文档</translation>
    </message>
    <message>
        <source>{file} is named {suffix} but is {looks}, not an Excel workbook (an .xlsx is a zip archive): save it from Excel as .xlsx, or rename a CSV to .csv</source>
        <translation>{file} 的扩展名是 {suffix}，但它是{looks}，不是 Excel 工作簿（.xlsx 是 zip 压缩包）：请在 Excel 中另存为 .xlsx，如果是 CSV 文件，请把扩展名改为 .csv</translation>
    </message>
    <message>
        <source>{file} is an XML or HTML document, not a CSV roster</source>
        <translation>{file} 是 XML 或 HTML 文档，不是 CSV 花名册</translation>
    </message>
    <message>
        <source>{file} cannot be read: {reason}</source>
        <translation>无法读取 {file}：{reason}</translation>
    </message>
    <message>
        <source>{file} does not exist</source>
        <translation>{file} 不存在</translation>
    </message>
    <message>
        <source>{file} is a folder, not a file</source>
        <translation>{file} 是文件夹，不是文件</translation>
    </message>
    <message>
        <source>{file} is not a regular file</source>
        <translation>{file} 不是普通文件</translation>
    </message>
    <message>
        <source>{file} is password-protected (an encrypted Excel workbook): open it in Excel, remove the password (File &gt; Info &gt; Protect Workbook) and save it again</source>
        <translation>{file} 受密码保护（已加密的 Excel 工作簿）：请在 Excel 中打开，移除密码（文件 &gt; 信息 &gt; 保护工作簿）后重新保存</translation>
    </message>
    <message>
        <source>{file} is an Excel 97-2003 workbook (.xls): save it from Excel as .xlsx or .csv</source>
        <translation>{file} 是 Excel 97-2003 工作簿（.xls）：请在 Excel 中另存为 .xlsx 或 .csv</translation>
    </message>
    <message>
        <source>{file} is an Office 97-2003 document (OLE2), not a workbook or a CSV roster</source>
        <translation>{file} 是 Office 97-2003 文档（OLE2），不是工作簿或 CSV 花名册</translation>
    </message>
    <message>
        <source>{file} is damaged: not a readable zip archive ({reason})</source>
        <translation>{file} 已损坏：不是可读取的 zip 压缩包（{reason}）</translation>
    </message>
    <message>
        <source>{file} has {count} parts (a workbook has a few dozen): refused as a crafted archive</source>
        <translation>{file} 包含 {count} 个部件（正常工作簿只有几十个）：疑似人为构造的压缩包，已拒绝</translation>
    </message>
    <message>
        <source>{file} is an encrypted zip archive: save it again without a password</source>
        <translation>{file} 是加密的 zip 压缩包：请不设密码重新保存</translation>
    </message>
    <message>
        <source>{file} would expand to {size} MB when unpacked (the limit is {limit} MB): refused as a possible zip bomb</source>
        <translation>{file} 解压后将达到 {size} MB（上限为 {limit} MB）：疑似 zip 炸弹，已拒绝</translation>
    </message>
    <message>
        <source>{file}: part {part} is compressed {ratio} times (real workbooks stay under {limit}): refused as a possible zip bomb</source>
        <translation>{file}：部件 {part} 的压缩比为 {ratio} 倍（正常工作簿低于 {limit} 倍）：疑似 zip 炸弹，已拒绝</translation>
    </message>
    <message>
        <source>an Excel binary workbook (.xlsb): save it from Excel as .xlsx or .csv</source>
        <translation>Excel 二进制工作簿（.xlsb）：请在 Excel 中另存为 .xlsx 或 .csv</translation>
    </message>
    <message>
        <source>an OpenDocument spreadsheet (.ods): save it as .xlsx or .csv</source>
        <translation>OpenDocument 电子表格（.ods）：请另存为 .xlsx 或 .csv</translation>
    </message>
    <message>
        <source>a Word document, not a workbook</source>
        <translation>Word 文档，不是工作簿</translation>
    </message>
    <message>
        <source>a PowerPoint presentation, not a workbook</source>
        <translation>PowerPoint 演示文稿，不是工作簿</translation>
    </message>
    <message>
        <source>a zip archive, not an Excel workbook</source>
        <translation>zip 压缩包，不是 Excel 工作簿</translation>
    </message>
    <message>
        <source>{file} is {what}</source>
        <translation>{file} 是{what}</translation>
    </message>
    <message>
        <source>{file}: part {part} declares XML entities (a DTD), which workbooks never do: refused as a possible XML bomb</source>
        <translation>{file}：部件 {part} 声明了 XML 实体（DTD），正常工作簿从不这样做：疑似 XML 炸弹，已拒绝</translation>
    </message>
    <message>
        <source>{value} is not an amount</source>
        <translation>{value} 不是金额</translation>
    </message>
    <message>
        <source>negative amount {amount}</source>
        <translation>金额为负数 {amount}</translation>
    </message>
    <message>
        <source>{value} is not a date</source>
        <translation>{value} 不是日期</translation>
    </message>
    <message>
        <source>{value} is not a date (write 2027-03-15, 15/03/2027 or 03/2027)</source>
        <translation>{value} 不是日期（请写成 2027-03-15、15/03/2027 或 03/2027）</translation>
    </message>
    <message>
        <source>day first</source>
        <translation>“日在前”</translation>
    </message>
    <message>
        <source>month first</source>
        <translation>“月在前”</translation>
    </message>
    <message>
        <source>dates such as {value} could be day/month or month/day: read {order} ({date}), as usual with headings in {language}; write 2027-03-15 to be sure</source>
        <translation>{value} 这类日期既可能是“日/月”也可能是“月/日”：按{order}读取（{date}），这是{language}表头的通常写法；写成 2027-03-15 可避免歧义</translation>
    </message>
    <message>
        <source>binary data (character {character}): this is not a text roster</source>
        <translation>二进制数据（字符 {character}）：这不是文本花名册</translation>
    </message>
    <message>
        <source>{file}: the first line has no commas, semicolons or tabs, so this is not a CSV roster (it needs at least the columns Name and Title)</source>
        <translation>{file}：第一行没有逗号、分号或制表符，因此不是 CSV 花名册（至少需要“姓名”和“职位”两列）</translation>
    </message>
    <message>
        <source>cannot be read as CSV: {reason}</source>
        <translation>无法按 CSV 读取：{reason}</translation>
    </message>
    <message>
        <source>{file} starts like UTF-16 text but is not valid UTF-16</source>
        <translation>{file} 开头像 UTF-16 文本，但不是有效的 UTF-16</translation>
    </message>
    <message>
        <source>the file is not UTF-8; it was read as {encoding}: check the names, and save as &quot;CSV UTF-8&quot; next time</source>
        <translation>文件不是 UTF-8 编码，已按 {encoding} 读取：请检查姓名，下次请另存为“CSV UTF-8”</translation>
    </message>
    <message>
        <source>{file} cannot be read as an Excel workbook: {reason}</source>
        <translation>无法将 {file} 作为 Excel 工作簿读取：{reason}</translation>
    </message>
    <message>
        <source>a cost must not be negative: {cost}</source>
        <translation>成本不能为负数：{cost}</translation>
    </message>
    <message>
        <source>{file} is damaged: a sheet cannot be read ({reason})</source>
        <translation>{file} 已损坏：有工作表无法读取（{reason}）</translation>
    </message>
    <message>
        <source>this workbook was made by a newer version of RevOrg (workbook format {version}; this version reads up to {supported}): please update RevOrg</source>
        <translation>此工作簿由更新版本的 RevOrg 创建（工作簿格式 {version}；当前版本最高支持 {supported}）：请更新 RevOrg</translation>
    </message>
    <message>
        <source>this is not a RevOrg workbook: the sheet {missing} is missing (a RevOrg workbook has the sheets {targets}, {org}, {assumptions} and {roles})</source>
        <translation>这不是 RevOrg 工作簿：缺少工作表 {missing}（RevOrg 工作簿包含 {targets}、{org}、{assumptions} 和 {roles} 工作表）</translation>
    </message>
    <message>
        <source>a formula without a computed value: type the value, or open and save the workbook in Excel or LibreOffice first</source>
        <translation>公式没有计算结果：请直接输入数值，或先在 Excel 或 LibreOffice 中打开并保存该工作簿</translation>
    </message>
    <message>
        <source>the cell holds the error {code}</source>
        <translation>单元格中是错误值 {code}</translation>
    </message>
    <message>
        <source>this cell must not be blank</source>
        <translation>此单元格不能为空</translation>
    </message>
    <message>
        <source>the currency {currency} is not an ISO 4217 code: EUR is used</source>
        <translation>货币 {currency} 不是 ISO 4217 代码：改用 EUR</translation>
    </message>
    <message>
        <source>not a fiscal year: {value}</source>
        <translation>不是有效的财年：{value}</translation>
    </message>
    <message>
        <source>not a month (1-12): {value}</source>
        <translation>不是有效的月份（1-12）：{value}</translation>
    </message>
    <message>
        <source>must not be negative: {value}</source>
        <translation>不能为负数：{value}</translation>
    </message>
    <message>
        <source>must be a whole number of 0 or more: {value}</source>
        <translation>必须是不小于 0 的整数：{value}</translation>
    </message>
    <message>
        <source>a rate must be between 0 % and 100 % (write 10% or 0.1): {value}</source>
        <translation>比率必须在 0% 到 100% 之间（写成 10% 或 0.1）：{value}</translation>
    </message>
    <message>
        <source>the defined name {name} does not name twelve cells of one row: the seasonality is flat</source>
        <translation>定义名称 {name} 不是同一行中的十二个单元格：季节性按均匀处理</translation>
    </message>
    <message>
        <source>{reason}: the seasonality is flat</source>
        <translation>{reason}：季节性按均匀处理</translation>
    </message>
    <message>
        <source>the defined name {name} is missing: it must name the cell that holds it</source>
        <translation>缺少定义名称 {name}：它必须指向存放该值的单元格</translation>
    </message>
    <message>
        <source>the defined name {name} is missing: a default is used</source>
        <translation>缺少定义名称 {name}：使用默认值</translation>
    </message>
    <message>
        <source>the defined name {name} does not refer to one cell ({reference})</source>
        <translation>定义名称 {name} 没有指向单个单元格（{reference}）</translation>
    </message>
    <message>
        <source>the defined name {name} refers to a range, not one cell</source>
        <translation>定义名称 {name} 指向的是区域，而不是单个单元格</translation>
    </message>
    <message>
        <source>no Roles sheet: the built-in role catalogue is used</source>
        <translation>没有 Roles 工作表：使用内置的角色目录</translation>
    </message>
    <message>
        <source>a role needs a key</source>
        <translation>角色需要代码</translation>
    </message>
    <message>
        <source>the role key {key} is also on row {first_row}</source>
        <translation>角色代码 {key} 也出现在第 {first_row} 行</translation>
    </message>
    <message>
        <source>not a role key: {key}</source>
        <translation>不是有效的角色代码：{key}</translation>
    </message>
    <message>
        <source>unknown capacity kind {kind} (one of: {kinds})</source>
        <translation>未知的产能类型 {kind}（可选：{kinds}）</translation>
    </message>
    <message>
        <source>unknown funnel stage {stage}: &apos;all&apos; is used</source>
        <translation>未知的漏斗阶段 {stage}：改用 &apos;all&apos;</translation>
    </message>
    <message>
        <source>a department is needed</source>
        <translation>需要填写部门</translation>
    </message>
    <message>
        <source>unknown department {department} (one of: {keys})</source>
        <translation>未知的部门 {department}（可选：{keys}）</translation>
    </message>
    <message>
        <source>no Assumptions sheet: the default assumptions are used</source>
        <translation>没有 Assumptions 工作表：使用默认假设</translation>
    </message>
    <message>
        <source>an assumption needs a role key and a metric</source>
        <translation>假设需要角色代码和指标</translation>
    </message>
    <message>
        <source>{role_key} / {metric} is also on row {first_row}</source>
        <translation>{role_key} / {metric} 也出现在第 {first_row} 行</translation>
    </message>
    <message>
        <source>an assumption must not be negative: {value}</source>
        <translation>假设不能为负数：{value}</translation>
    </message>
    <message>
        <source>no role has the key {key}: this assumption has no effect</source>
        <translation>没有角色的代码是 {key}：此假设不起作用</translation>
    </message>
    <message>
        <source>RevOrg does not use the metric {metric}: it is kept but has no effect</source>
        <translation>RevOrg 不使用指标 {metric}：予以保留，但不起作用</translation>
    </message>
    <message>
        <source>a cost must be at most {limit}: {cost}</source>
        <translation>成本不能超过 {limit}：{cost}</translation>
    </message>
    <message>
        <source>no cost: the role&apos;s default annual cost ({cost}) is used</source>
        <translation>未填成本：使用角色的默认年度成本（{cost}）</translation>
    </message>
    <message>
        <source>a capacity must not be negative: {capacity}</source>
        <translation>产能不能为负数：{capacity}</translation>
    </message>
    <message>
        <source>a position needs a role</source>
        <translation>岗位需要角色</translation>
    </message>
    <message>
        <source>unknown role {role}: name a department for it, or add it to the Roles sheet</source>
        <translation>未知角色 {role}：请为其填写部门，或将其添加到 Roles 工作表</translation>
    </message>
    <message>
        <source>unknown role {role}: added as the custom role {key} without capacity (give it a capacity kind on the Roles sheet)</source>
        <translation>未知角色 {role}：已作为无产能的自定义角色 {key} 添加（请在 Roles 工作表中为其设置产能类型）</translation>
    </message>
    <message>
        <source>the ID {id} is also used on row {first_row}</source>
        <translation>编号 {id} 也用在第 {first_row} 行</translation>
    </message>
    <message>
        <source>the manager ID {id} is not the ID of any row</source>
        <translation>上级编号 {id} 不是任何一行的编号</translation>
    </message>
    <message>
        <source>a position cannot report to itself</source>
        <translation>岗位不能向自己汇报</translation>
    </message>
    <message>
        <source>the dotted line to {id} does not lead to another row&apos;s ID</source>
        <translation>指向 {id} 的虚线汇报没有对应到另一行的编号</translation>
    </message>
    <message>
        <source>a reporting cycle: {chain} (each reports to the next)</source>
        <translation>汇报关系形成循环：{chain}（每一个都向下一个汇报）</translation>
    </message>
    <message>
        <source>the column {heading} is missing (row 1 holds the headings)</source>
        <translation>缺少 {heading} 列（第 1 行为标题行）</translation>
    </message>
    <message>
        <source>the column {heading} is missing</source>
        <translation>缺少 {heading} 列</translation>
    </message>
    <message>
        <source>not yes or no: {value} (write TRUE or FALSE)</source>
        <translation>不是“是”或“否”：{value}（请写 TRUE 或 FALSE）</translation>
    </message>
    <message>
        <source>must be a whole number from 1 to {limit}: {number}</source>
        <translation>必须是 1 到 {limit} 之间的整数：{number}</translation>
    </message>
    <message>
        <source>not a number: {value}</source>
        <translation>不是数字：{value}</translation>
    </message>
    <message>
        <source>not a month: {value}</source>
        <translation>不是有效的月份：{value}</translation>
    </message>
    <message>
        <source>a date where a number belongs: {value}</source>
        <translation>此处应为数字，却填了日期：{value}</translation>
    </message>
    <message>
        <source>not a percentage: {value}</source>
        <translation>不是百分比：{value}</translation>
    </message>
    <message>
        <source>not a whole number: {value}</source>
        <translation>不是整数：{value}</translation>
    </message>
    <message>
        <source>not a month: {value} (write it as 2027-03)</source>
        <translation>不是有效的月份：{value}（请写成 2027-03）</translation>
    </message>
    <message>
        <source>ambiguous date: {value} could be day/month or month/day (write it as 2027-03)</source>
        <translation>日期有歧义：{value} 既可能是日/月，也可能是月/日（请写成 2027-03）</translation>
    </message>
    <message>
        <source>not a month: {value} (as an Excel date it is {date}; write it as 2027-03)</source>
        <translation>不是有效的月份：{value}（按 Excel 日期解读为 {date}；请写成 2027-03）</translation>
    </message>
    <message>
        <source>no column is headed {heading}; the heading row has {found}</source>
        <translation>没有标题为 {heading} 的列；标题行包含 {found}</translation>
    </message>
    <message>
        <source>Owner (Opportunity Owner, Deal owner)</source>
        <translation>所有人（业务机会所有人、交易所有者）</translation>
    </message>
    <message>
        <source>Amount (Importe, 金额)</source>
        <translation>金额（Amount、Importe）</translation>
    </message>
    <message>
        <source>Close Date (Fecha de cierre, 结束日期)</source>
        <translation>结束日期（Close Date、Fecha de cierre）</translation>
    </message>
    <message>
        <source>Stage or Won (Etapa, 阶段)</source>
        <translation>阶段或赢单（Stage、Won、Etapa）</translation>
    </message>
    <message>
        <source>{value} cannot be read: deal left out</source>
        <translation>无法读取 {value}：已略过该交易</translation>
    </message>
    <message>
        <source>{file} is not a file</source>
        <translation>{file} 不是文件</translation>
    </message>
    <message>
        <source>no such image file: {file}</source>
        <translation>找不到图片文件：{file}</translation>
    </message>
    <message>
        <source>{file} is larger than {limit} MB: a photo is at most that</source>
        <translation>{file} 大于 {limit} MB：照片不能超过此大小</translation>
    </message>
    <message>
        <source>{file} cannot be read: {problem}</source>
        <translation>无法读取 {file}：{problem}</translation>
    </message>
    <message>
        <source>{file} is not a PNG, JPEG, GIF, WebP or BMP image</source>
        <translation>{file} 不是 PNG、JPEG、GIF、WebP 或 BMP 图片</translation>
    </message>
    <message>
        <source>{file} has too many pixels to be opened safely (more than {limit} million)</source>
        <translation>{file} 像素过多，无法安全打开（超过 {limit} 百万像素）</translation>
    </message>
    <message>
        <source>{file} is damaged: its image cannot be read</source>
        <translation>{file} 已损坏：无法读取其图像</translation>
    </message>
    <message>
        <source>{file} is not a local file: only image files on this computer are read</source>
        <translation>{file} 不是本地文件：只读取本机上的图片文件</translation>
    </message>
    <message>
        <source>{value} is not yes or no</source>
        <translation>{value} 既不是“是”也不是“否”</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <source>everybody</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Import only this person (id, email or name) and everyone under them</source>
        <translation>只导入此人（ID、邮箱或姓名）及其所有下属</translation>
    </message>
    <message>
        <source>Targets and assumptions of a roster from</source>
        <translation>花名册的目标和假设取自</translation>
    </message>
    <message>
        <source>Only the organisation of</source>
        <translation>仅导入以下人员的组织</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>(not read)</source>
        <translation>（不读取）</translation>
    </message>
    <message>
        <source>Nothing can be imported until these errors are fixed in the file.</source>
        <translation>请先在文件中修正这些错误，否则无法导入任何内容。</translation>
    </message>
    <message>
        <source>%1, %2 (%3). Open it as a new, unsaved plan?</source>
        <translation>%1，%2（%3）。是否作为未保存的新计划打开？</translation>
    </message>
    <message numerus="yes">
        <source>%Ln positions</source>
        <translation>
            <numerusform>%Ln 个职位</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln people</source>
        <translation>
            <numerusform>%Ln 人</numerusform>
        </translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>No position selected</source>
        <translation>未选择岗位</translation>
    </message>
    <message>
        <source>Open position (vacancy)</source>
        <translation>空缺岗位（待招聘）</translation>
    </message>
    <message>
        <source>name@company.com: matches CRM deal owners</source>
        <translation>name@company.com：用于匹配 CRM 交易所有人</translation>
    </message>
    <message>
        <source>from the role&apos;s assumptions</source>
        <translation>取自角色假设</translation>
    </message>
    <message>
        <source>Staff of the manager (drawn beside)</source>
        <translation>上级的幕僚（画在上级旁边）</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>History of this position…</source>
        <translation>此职位的历史…</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职位</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>任职者</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>入职时间</translation>
    </message>
    <message>
        <source>Annual cost per head</source>
        <translation>人均年度成本</translation>
    </message>
    <message>
        <source>Capacity override</source>
        <translation>自定义产能</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>上级</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Dotted lines to</source>
        <translation>虚线汇报至</translation>
    </message>
    <message>
        <source>Select a card to edit it.</source>
        <translation>选择一张卡片进行编辑。</translation>
    </message>
    <message>
        <source>(none: top)</source>
        <translation>（无：最高层）</translation>
    </message>
    <message>
        <source>Already in seat / at year start</source>
        <translation>已在岗 / 年初入职</translation>
    </message>
    <message>
        <source>open</source>
        <translation>空缺</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Company revenue goal</source>
        <translation>公司营收目标</translation>
    </message>
    <message>
        <source>Marketing: leads</source>
        <translation>市场：线索数</translation>
    </message>
    <message>
        <source>Sales: close rate (%)</source>
        <translation>销售：成交率（%）</translation>
    </message>
    <message>
        <source>Sales: average deal</source>
        <translation>销售：客单价</translation>
    </message>
    <message>
        <source>CS: current revenue</source>
        <translation>客户成功：现有营收</translation>
    </message>
    <message>
        <source>CS: retention (%)</source>
        <translation>客户成功：留存率（%）</translation>
    </message>
    <message>
        <source>CS: expansion</source>
        <translation>客户成功：增购</translation>
    </message>
    <message>
        <source>Seasonality of bookings</source>
        <translation>签约季节性</translation>
    </message>
    <message>
        <source>Annual quota</source>
        <translation>年度配额</translation>
    </message>
    <message>
        <source>Annual expansion quota</source>
        <translation>年度增购配额</translation>
    </message>
    <message>
        <source>Quota attainment (%)</source>
        <translation>配额达成率（%）</translation>
    </message>
    <message>
        <source>Book of business per CSM</source>
        <translation>每位 CSM 管理的营收</translation>
    </message>
    <message>
        <source>Qualified meetings per month</source>
        <translation>每月合格会议数</translation>
    </message>
    <message>
        <source>Qualified leads per month</source>
        <translation>每月合格线索数</translation>
    </message>
    <message>
        <source>Ramp (months)</source>
        <translation>爬坡期（月）</translation>
    </message>
    <message>
        <source>Meeting-to-win rate (%)</source>
        <translation>会议成交率（%）</translation>
    </message>
    <message>
        <source>Suggested hires start in month</source>
        <translation>建议招聘的入职月份</translation>
    </message>
    <message>
        <source>Revenue uplift from a CRO (% of goal)</source>
        <translation>CRO 带来的营收提升（占目标 %）</translation>
    </message>
    <message>
        <source>Annual attrition (%)</source>
        <translation>年流失率（%）</translation>
    </message>
    <message>
        <source>Backfill delay (months)</source>
        <translation>补缺周期（月）</translation>
    </message>
    <message>
        <source>Gross margin (%)</source>
        <translation>毛利率（%）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职位</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>任职者</translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Start month</source>
        <translation>入职月份</translation>
    </message>
    <message>
        <source>Annual cost</source>
        <translation>年度成本</translation>
    </message>
    <message>
        <source>Capacity override</source>
        <translation>自定义产能</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>上级</translation>
    </message>
</context>
<context>
    <name>LiveUpdates</name>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Teammates&apos; changes could not be taken into this window: reopen the plan</source>
        <translation>无法将队友的更改载入此窗口：请重新打开计划</translation>
    </message>
    <message>
        <source>Teammates&apos; changes could not be taken into this window: the plan is read again</source>
        <translation>无法将队友的更改载入此窗口：正在重新读取计划</translation>
    </message>
    <message>
        <source>%1 made %2 changes</source>
        <translation>%1 做了 %2 处更改</translation>
    </message>
    <message>
        <source>%1 changed %2&apos;s %3</source>
        <translation>%1 更改了 %2 的%3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Plan totals</source>
        <translation>计划合计</translation>
    </message>
    <message>
        <source>not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>on goal</source>
        <translation>达成目标</translation>
    </message>
    <message>
        <source>gap %1</source>
        <translation>缺口 %1</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · cost not available · %4</source>
        <translation>%1 · %2 · %3 · 成本不可用 · %4</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · %4 cost · %5</source>
        <translation>%1 · %2 · %3 · 成本 %4 · %5</translation>
    </message>
    <message numerus="yes">
        <source>%Ln positions</source>
        <translation>
            <numerusform>%Ln 个职位</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln people</source>
        <translation>
            <numerusform>%Ln 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln open</source>
        <translation>
            <numerusform>%Ln 个空缺</numerusform>
        </translation>
    </message>
    <message>
        <source>Focus shows a manager&apos;s team: choose a card with reports.</source>
        <translation>聚焦显示一位经理的团队：请选择有下属的卡片。</translation>
    </message>
    <message>
        <source>Select a manager&apos;s card to focus on its team.</source>
        <translation>请选择一位经理的卡片以聚焦其团队。</translation>
    </message>
    <message>
        <source>The plan as it was right after step %1 (%2, %3): %4</source>
        <translation>第 %1 步之后的计划（%2，%3）：%4</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <source>Company revenue goal</source>
        <translation>公司营收目标</translation>
    </message>
    <message>
        <source>Planned revenue</source>
        <translation>计划营收</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>职位</translation>
    </message>
    <message>
        <source>Preview: %1</source>
        <translation>预览：%1</translation>
    </message>
    <message>
        <source>%1 after step %2</source>
        <translation>%1（第 %2 步之后）</translation>
    </message>
    <message>
        <source>Restore as new scenario</source>
        <translation>恢复为新情景</translation>
    </message>
    <message>
        <source>The new language applies when RevOrg starts again.</source>
        <translation>新语言将在 RevOrg 重新启动后生效。</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New from template…</source>
        <translation>从模板新建(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Open tea&amp;m plan…</source>
        <translation>打开团队计划(&amp;M)…</translation>
    </message>
    <message>
        <source>P&amp;ublish to team server…</source>
        <translation>发布到团队服务器(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Plan se&amp;ttings…</source>
        <translation>计划设置(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Import workbook or roster…</source>
        <translation>导入工作簿或花名册(&amp;I)…</translation>
    </message>
    <message>
        <source>Import a&amp;ctuals…</source>
        <translation>导入实际数据(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Excel &amp;workbook…</source>
        <translation>Excel 工作簿(&amp;W)…</translation>
    </message>
    <message>
        <source>Chart as &amp;PNG image…</source>
        <translation>架构图 PNG 图片(&amp;P)…</translation>
    </message>
    <message>
        <source>Chart as &amp;SVG drawing…</source>
        <translation>架构图 SVG 矢量图(&amp;S)…</translation>
    </message>
    <message>
        <source>Chart as P&amp;DF…</source>
        <translation>架构图 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>S&amp;lides…</source>
        <translation>幻灯片(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Print chart…</source>
        <translation>打印架构图(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Add direct report…</source>
        <translation>添加直接下属(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>重命名(&amp;N)</translation>
    </message>
    <message>
        <source>Dup&amp;licate</source>
        <translation>创建副本(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>偏好设置(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit chart</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <source>Fit &amp;readable</source>
        <translation>适合阅读(&amp;R)</translation>
    </message>
    <message>
        <source>As much of the chart as shows with readable names, around the selection</source>
        <translation>在名称清晰可读的前提下，围绕所选内容显示尽可能多的组织图</translation>
    </message>
    <message>
        <source>Overview &amp;map</source>
        <translation>总览图(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Compact teams</source>
        <translation>紧凑显示团队(&amp;C)</translation>
    </message>
    <message>
        <source>Collapse / e&amp;xpand</source>
        <translation>折叠 / 展开(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>历史记录(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Workshop mode</source>
        <translation>工作坊模式(&amp;W)</translation>
    </message>
    <message>
        <source>Leave workshop mode</source>
        <translation>退出工作坊模式</translation>
    </message>
    <message>
        <source>Expand to &amp;level</source>
        <translation>展开到层级(&amp;L)</translation>
    </message>
    <message>
        <source>Focus &amp;team</source>
        <translation>聚焦团队(&amp;T)</translation>
    </message>
    <message>
        <source>Level &amp;1</source>
        <translation>第 1 层(&amp;1)</translation>
    </message>
    <message>
        <source>Level &amp;2</source>
        <translation>第 2 层(&amp;2)</translation>
    </message>
    <message>
        <source>Level &amp;3</source>
        <translation>第 3 层(&amp;3)</translation>
    </message>
    <message>
        <source>&amp;All levels</source>
        <translation>全部层级(&amp;A)</translation>
    </message>
    <message>
        <source>Focus &amp;up a level</source>
        <translation>向上聚焦一级(&amp;U)</translation>
    </message>
    <message>
        <source>Whole or&amp;ganisation</source>
        <translation>整个组织(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Scenario</source>
        <translation>情景(&amp;S)</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <source> Scenario </source>
        <translation> 情景 </translation>
    </message>
    <message>
        <source>&amp;New scenario (copy of this one)…</source>
        <translation>复制为新情景(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Rename scenario…</source>
        <translation>重命名情景(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Delete scenario</source>
        <translation>删除情景(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Compare scenarios…</source>
        <translation>比较情景(&amp;C)…</translation>
    </message>
    <message>
        <source>Take &amp;snapshot…</source>
        <translation>拍摄快照(&amp;S)…</translation>
    </message>
    <message>
        <source>Sn&amp;apshots…</source>
        <translation>快照(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Welcome and templates…</source>
        <translation>欢迎页与模板(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Report a problem…</source>
        <translation>报告问题(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;About RevOrg</source>
        <translation>关于 RevOrg(&amp;A)</translation>
    </message>
</context>
<context>
    <name>NumberError</name>
    <message>
        <source>not a number: {text}</source>
        <translation>不是数字：{text}</translation>
    </message>
    <message>
        <source>not a finite number: {text}</source>
        <translation>不是有限的数字：{text}</translation>
    </message>
    <message>
        <source>{text} is unclear: write thousands as {example}</source>
        <translation>{text} 含义不明确：千位请写成 {example}</translation>
    </message>
</context>
<context>
    <name>OpenTeamPlanDialog</name>
    <message>
        <source>Open team plan</source>
        <translation>打开团队计划</translation>
    </message>
    <message>
        <source>List plans</source>
        <translation>列出计划</translation>
    </message>
    <message>
        <source>The plan&apos;s URL (…/revorg?plan=NAME), or the server&apos;s URL to choose one of its plans:</source>
        <translation>计划的 URL（…/revorg?plan=名称），或服务器的 URL，再从其计划中选择一个：</translation>
    </message>
    <message numerus="yes">
        <source>%n plan(s) on this server</source>
        <translation>
            <numerusform>此服务器上有 %n 个计划</numerusform>
        </translation>
    </message>
    <message>
        <source>No team plans on this server that you may read.</source>
        <translation>此服务器上没有您可以读取的团队计划。</translation>
    </message>
</context>
<context>
    <name>OutlineLink</name>
    <message>
        <source>Outline</source>
        <translation>大纲</translation>
    </message>
    <message>
        <source>Outli&amp;ne</source>
        <translation>大纲(&amp;N)</translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message>
        <source>Title</source>
        <translation>职位</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>任职者</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>入职时间</translation>
    </message>
    <message>
        <source>Cost per head</source>
        <translation>人均成本</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>产能</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>上级</translation>
    </message>
    <message>
        <source>Annual cost per head</source>
        <translation>人均年度成本</translation>
    </message>
    <message>
        <source>What the position delivers in the fiscal year, all heads counted</source>
        <translation>该职位在本财年的产出（计入全部人数）</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>空缺</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>In seat</source>
        <translation>已在岗</translation>
    </message>
    <message>
        <source>%1 meetings</source>
        <translation>%1 次会议</translation>
    </message>
    <message>
        <source>%1 leads</source>
        <translation>%1 条线索</translation>
    </message>
</context>
<context>
    <name>OutlinePanel</name>
    <message>
        <source>Filter: any column</source>
        <translation>筛选：任意列</translation>
    </message>
    <message>
        <source>Filter the outline</source>
        <translation>筛选大纲</translation>
    </message>
    <message>
        <source>Shows the positions whose texts contain these words, with their managers</source>
        <translation>显示文本包含这些词的职位及其上级</translation>
    </message>
    <message>
        <source>Organisation outline</source>
        <translation>组织大纲</translation>
    </message>
    <message numerus="yes">
        <source>%Ln positions</source>
        <translation>
            <numerusform>%Ln 个职位</numerusform>
        </translation>
    </message>
    <message>
        <source>filtered by “%1”</source>
        <translation>按“%1”筛选</translation>
    </message>
    <message>
        <source>%1. Selected: %2</source>
        <translation>%1。已选择：%2</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Team server password</source>
        <translation>团队服务器密码</translation>
    </message>
    <message>
        <source>Keep it in the system keyring</source>
        <translation>保存在系统密钥环中</translation>
    </message>
    <message>
        <source>Password of %1 on %2:</source>
        <translation>%1 在 %2 上的密码：</translation>
    </message>
</context>
<context>
    <name>PhotoField</name>
    <message>
        <source>Add photo…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>移除照片</translation>
    </message>
    <message>
        <source>Photo of %1</source>
        <translation>%1 的照片</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
    <message>
        <source>Replace photo…</source>
        <translation>替换照片…</translation>
    </message>
    <message>
        <source>An open position has no photo</source>
        <translation>空缺岗位没有照片</translation>
    </message>
    <message>
        <source>Add photo</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Images (%1);;All files (*)</source>
        <translation>图片 (%1);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>PlanController</name>
    <message>
        <source>not available</source>
        <translation>不可用</translation>
    </message>
</context>
<context>
    <name>PlanDocks</name>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Capacity against target</source>
        <translation>产能与目标对比</translation>
    </message>
    <message>
        <source>Hiring plan</source>
        <translation>招聘计划</translation>
    </message>
    <message>
        <source>Quarters</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Actuals</source>
        <translation>实际数据</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Assumptions</source>
        <translation>假设</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
</context>
<context>
    <name>PlanEditError</name>
    <message>
        <source>a position needs a title</source>
        <translation>岗位需要职位名称</translation>
    </message>
    <message>
        <source>headcount must be a whole number, 1 or more</source>
        <translation>人数必须是不小于 1 的整数</translation>
    </message>
    <message>
        <source>headcount must be at most {limit}</source>
        <translation>人数不能超过 {limit}</translation>
    </message>
    <message>
        <source>start month must be a year and month</source>
        <translation>入职时间必须是年份和月份</translation>
    </message>
    <message>
        <source>a dotted line needs two different positions</source>
        <translation>虚线汇报需要两个不同的岗位</translation>
    </message>
    <message>
        <source>that dotted line is already there</source>
        <translation>该虚线汇报已存在</translation>
    </message>
    <message>
        <source>{field} must be a number, 0 or more</source>
        <translation>{field}：必须是不小于 0 的数字</translation>
    </message>
    <message>
        <source>{field} must be at most {limit}</source>
        <translation>{field}：不能超过 {limit}</translation>
    </message>
    <message>
        <source>leads must be a whole number from 0 to {limit}</source>
        <translation>线索数必须是 0 到 {limit} 之间的整数</translation>
    </message>
    <message>
        <source>{field} must be between 0 % and 100 %</source>
        <translation>{field}：必须在 0% 到 100% 之间</translation>
    </message>
    <message>
        <source>{field} must be a whole number from {lowest} to {highest}</source>
        <translation>{field}：必须是 {lowest} 到 {highest} 之间的整数</translation>
    </message>
    <message>
        <source>a plan needs at least one scenario: this is its only one</source>
        <translation>计划至少需要一个情景：这是仅有的一个</translation>
    </message>
    <message>
        <source>a scenario needs a name</source>
        <translation>情景需要名称</translation>
    </message>
    <message>
        <source>the plan already has a snapshot named {name}</source>
        <translation>计划中已有名为 {name} 的快照</translation>
    </message>
    <message>
        <source>the plan already has a scenario named {name}</source>
        <translation>计划中已有名为 {name} 的情景</translation>
    </message>
    <message>
        <source>choose two scenarios of this plan</source>
        <translation>请选择本计划中的两个情景</translation>
    </message>
    <message>
        <source>{position} cannot report to itself</source>
        <translation>{position} 不能向自己汇报</translation>
    </message>
    <message>
        <source>{position} cannot report to {manager}: {manager} already reports to {position}</source>
        <translation>{position} 不能向 {manager} 汇报：{manager} 已向 {position} 汇报</translation>
    </message>
    <message>
        <source>a plan needs at least one scenario</source>
        <translation>计划至少需要一个情景</translation>
    </message>
    <message>
        <source>no such snapshot</source>
        <translation>没有这个快照</translation>
    </message>
    <message>
        <source>the plan needs a name</source>
        <translation>计划需要一个名称</translation>
    </message>
    <message>
        <source>the fiscal year must be {first} to {last}, not {value}</source>
        <translation>财年必须在 {first} 到 {last} 之间，而不是 {value}</translation>
    </message>
    <message>
        <source>the fiscal year&apos;s first month must be 1 to 12, not {value}</source>
        <translation>财年的第一个月必须在 1 到 12 之间，而不是 {value}</translation>
    </message>
    <message>
        <source>the currency is empty: give an ISO 4217 code (USD)</source>
        <translation>货币为空：请填写 ISO 4217 代码（如 USD）</translation>
    </message>
    <message>
        <source>{currency} is not an ISO 4217 currency code (USD, EUR, CNY...)</source>
        <translation>{currency} 不是 ISO 4217 货币代码（USD、EUR、CNY……）</translation>
    </message>
    <message>
        <source>seasonality must be a shape ({shapes}) or twelve monthly weights in percent</source>
        <translation>季节性必须是一种形态（{shapes}）或十二个以百分比表示的月度权重</translation>
    </message>
    <message>
        <source>seasonality needs twelve monthly weights, not {count}</source>
        <translation>季节性需要十二个月度权重，而不是 {count} 个</translation>
    </message>
    <message>
        <source>seasonality weights must be numbers, 0 or more</source>
        <translation>季节性权重必须是大于或等于 0 的数字</translation>
    </message>
    <message>
        <source>the monthly weights add up to {total} %, not 100 %</source>
        <translation>月度权重合计为 {total}%，而不是 100%</translation>
    </message>
    <message>
        <source>leads win nothing while the close rate or the average deal is 0</source>
        <translation>成交率或客单价为 0 时，线索带不来任何收入</translation>
    </message>
    <message>
        <source>no leads to close from</source>
        <translation>没有可成交的线索</translation>
    </message>
    <message>
        <source>no deal value: the average deal is 0</source>
        <translation>成交没有金额：客单价为 0</translation>
    </message>
    <message>
        <source>no customers won to set a deal size for: leads or close rate is 0</source>
        <translation>没有新客户，无法设定客单价：线索数或成交率为 0</translation>
    </message>
    <message>
        <source>no current revenue to retain</source>
        <translation>没有可留存的现有营收</translation>
    </message>
    <message>
        <source>no new business or expansion to spread the gap over</source>
        <translation>没有新签业务或增购可分摊缺口</translation>
    </message>
    <message>
        <source>close rate would have to be {percent} %, above 100 %</source>
        <translation>成交率需要达到 {percent}%，超过 100%</translation>
    </message>
    <message>
        <source>retention would have to be {percent} %, above 100 %</source>
        <translation>留存率需要达到 {percent}%，超过 100%</translation>
    </message>
    <message>
        <source>{field} would have to be {value}, above {limit}</source>
        <translation>{field}：需要达到 {value}，超过上限 {limit}</translation>
    </message>
    <message>
        <source>a snapshot is taken of a scenario</source>
        <translation>快照只能从情景拍摄</translation>
    </message>
    <message>
        <source>{name} is a snapshot and cannot be changed: restore it as a new scenario to work on it</source>
        <translation>{name} 是快照，不能修改：请将其恢复为新情景后再编辑</translation>
    </message>
    <message>
        <source>A rule needs the stage or type it is about.</source>
        <translation>规则需要指明所针对的阶段或类型。</translation>
    </message>
    <message>
        <source>there is no step {step} in the history</source>
        <translation>历史记录中没有第 {step} 步</translation>
    </message>
    <message>
        <source>step {step} changed nothing to revert</source>
        <translation>第 {step} 步没有可撤回的更改</translation>
    </message>
    <message>
        <source>changed again by {who} at {at}: {name}</source>
        <translation>已被 {who} 于 {at} 再次更改：{name}</translation>
    </message>
    <message>
        <source>this step removed a scenario: to have it back, restore the step before it as a new scenario</source>
        <translation>此步骤删除了一个情景：要找回它，请将前一步恢复为新情景</translation>
    </message>
    <message>
        <source>this step removed a position: putting it back needs its full record, which the history does not keep yet</source>
        <translation>此步骤删除了一个职位：恢复它需要完整记录，而历史记录尚未保存完整记录</translation>
    </message>
    <message>
        <source>an import of deals is not reverted on its own: undo it, or import the export you want the plan to have</source>
        <translation>交易导入不能单独撤回：请撤销它，或导入你希望计划采用的导出文件</translation>
    </message>
    <message>
        <source>step {step} cannot be reverted</source>
        <translation>第 {step} 步无法撤回</translation>
    </message>
    <message>
        <source>the history&apos;s copy of this photo is damaged</source>
        <translation>历史记录中这张照片的副本已损坏</translation>
    </message>
    <message>
        <source>a step that added a {kind} is not reverted</source>
        <translation>添加了 {kind} 的步骤不能撤回</translation>
    </message>
    <message>
        <source>the plan has no scenario</source>
        <translation>计划没有任何情景</translation>
    </message>
    <message>
        <source>the plan no longer holds the values this step left: not reverted</source>
        <translation>计划中已不是此步骤留下的值：未撤回</translation>
    </message>
    <message>
        <source>a position this step added has reports now: not reverted</source>
        <translation>此步骤添加的职位现在有下属：未撤回</translation>
    </message>
    <message>
        <source>{email} is not an email address: it needs one @ with text on both sides</source>
        <translation>{email} 不是有效的电子邮件地址：需要一个 @，且两侧都有文字</translation>
    </message>
    <message>
        <source>{position} has no manager: only a position under a manager can be its staff</source>
        <translation>{position} 没有上级：只有上级之下的职位才能成为其幕僚</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <source>Add %1</source>
        <translation>添加 %1</translation>
    </message>
    <message>
        <source>Duplicate %1</source>
        <translation>创建 %1 的副本</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>移动 %1</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>Delete %1 positions</source>
        <translation>删除 %1 个岗位</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>Add dotted line %1 to %2</source>
        <translation>添加虚线汇报：%1 → %2</translation>
    </message>
    <message>
        <source>Remove dotted line %1 to %2</source>
        <translation>移除虚线汇报：%1 → %2</translation>
    </message>
    <message>
        <source>Add %1 suggested hires</source>
        <translation>添加 %1 个建议招聘岗位</translation>
    </message>
    <message>
        <source>Edit targets</source>
        <translation>编辑目标</translation>
    </message>
    <message>
        <source>Balance to goal through new business and expansion</source>
        <translation>通过新签业务和增购对齐目标</translation>
    </message>
    <message>
        <source>Balance to goal through %1</source>
        <translation>通过%1对齐目标</translation>
    </message>
    <message>
        <source>Edit assumption %1 of %2</source>
        <translation>编辑 %2 的假设：%1</translation>
    </message>
    <message>
        <source>New scenario %1</source>
        <translation>新建情景 %1</translation>
    </message>
    <message>
        <source>Rename scenario %1</source>
        <translation>重命名情景 %1</translation>
    </message>
    <message>
        <source>Delete scenario %1</source>
        <translation>删除情景 %1</translation>
    </message>
    <message>
        <source>Take snapshot %1</source>
        <translation>拍摄快照 %1</translation>
    </message>
    <message>
        <source>Delete snapshot %1</source>
        <translation>删除快照 %1</translation>
    </message>
    <message>
        <source>Restore snapshot %1 as %2</source>
        <translation>将快照 %1 恢复为 %2</translation>
    </message>
    <message>
        <source>Plan settings</source>
        <translation>计划设置</translation>
    </message>
    <message>
        <source>Import actuals %1: %2 new, %3 changed</source>
        <translation>导入实际数据 %1：新增 %2，变更 %3</translation>
    </message>
    <message>
        <source>Read %1 as %2</source>
        <translation>将 %1 视为 %2</translation>
    </message>
    <message>
        <source>Match %1 to %2</source>
        <translation>将 %1 匹配到 %2</translation>
    </message>
    <message>
        <source>Import %1: %2 positions</source>
        <translation>导入 %1：%2 个岗位</translation>
    </message>
    <message>
        <source>Revert “%1”</source>
        <translation>还原“%1”</translation>
    </message>
    <message>
        <source>Restore step %1 as %2</source>
        <translation>将第 %1 步恢复为 %2</translation>
    </message>
    <message>
        <source>Offline edits of %1, %2</source>
        <translation>%1 的离线编辑，%2</translation>
    </message>
    <message>
        <source>Remove photo of %1</source>
        <translation>移除 %1 的照片</translation>
    </message>
    <message>
        <source>Add photo of %1</source>
        <translation>添加 %1 的照片</translation>
    </message>
    <message>
        <source>Replace photo of %1</source>
        <translation>替换 %1 的照片</translation>
    </message>
    <message>
        <source>Mark %1 as staff</source>
        <translation>将 %1 设为幕僚</translation>
    </message>
    <message>
        <source>Put %1 in the team row</source>
        <translation>将 %1 放回团队行</translation>
    </message>
    <message>
        <source>Mark %1 positions as staff</source>
        <translation>将 %1 个职位设为幕僚</translation>
    </message>
    <message>
        <source>Put %1 positions in the team row</source>
        <translation>将 %1 个职位放回团队行</translation>
    </message>
</context>
<context>
    <name>PlanFileError</name>
    <message>
        <source>no scenario named {name}; the plan has {names}</source>
        <translation>没有名为 {name} 的情景；该计划包含 {names}</translation>
    </message>
    <message>
        <source>this plan has no file yet: use Save As</source>
        <translation>此计划尚未保存为文件：请使用“另存为”</translation>
    </message>
    <message>
        <source>the plan cannot be saved: row {row} of {table} refers to a missing {parent} row</source>
        <translation>无法保存计划：{table} 的第 {row} 行引用了不存在的 {parent} 行</translation>
    </message>
    <message>
        <source>cannot open {path}: {reason}</source>
        <translation>无法打开 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} is damaged and cannot be read ({reason})</source>
        <translation>{path} 已损坏，无法读取（{reason}）</translation>
    </message>
    <message>
        <source>{path} is damaged and cannot be read</source>
        <translation>{path} 已损坏，无法读取</translation>
    </message>
    <message>
        <source>{path} is damaged: a value in table {table} cannot be read ({reason})</source>
        <translation>{path} 已损坏：无法读取表 {table} 中的一个值（{reason}）</translation>
    </message>
    <message>
        <source>{path} was changed by another program and is not opened: it has a trigger {name}, which RevOrg never makes</source>
        <translation>{path} 已被其他程序修改，因此不予打开：其中有触发器 {name}，RevOrg 从不创建触发器</translation>
    </message>
    <message>
        <source>{path} was changed by another program and is not opened: it has a view {name}, which RevOrg never makes</source>
        <translation>{path} 已被其他程序修改，因此不予打开：其中有视图 {name}，RevOrg 从不创建视图</translation>
    </message>
    <message>
        <source>{path} was changed by another program and is not opened: it has a virtual table {name}, which RevOrg never makes</source>
        <translation>{path} 已被其他程序修改，因此不予打开：其中有虚拟表 {name}，RevOrg 从不创建虚拟表</translation>
    </message>
    <message>
        <source>{path} was changed by another program and is not opened: it has a table {name}, which RevOrg does not make</source>
        <translation>{path} 已被其他程序修改，因此不予打开：其中有 RevOrg 不会创建的表 {name}</translation>
    </message>
    <message>
        <source>{path} was changed by another program and is not opened: it has an index {name}, which RevOrg does not make</source>
        <translation>{path} 已被其他程序修改，因此不予打开：其中有 RevOrg 不会创建的索引 {name}</translation>
    </message>
    <message>
        <source>{path} was changed by another program and is not opened: table {table} is not stored as RevOrg stores it</source>
        <translation>{path} 已被其他程序修改，因此不予打开：表 {table} 的存储方式与 RevOrg 的不一致</translation>
    </message>
    <message>
        <source>{path} is damaged: column {column} of table {table} is missing</source>
        <translation>{path} 已损坏：表 {table} 缺少列 {column}</translation>
    </message>
    <message>
        <source>{path} was changed by another program and is not opened: column {column} of table {table} is computed by a formula, which RevOrg never makes</source>
        <translation>{path} 已被其他程序修改，因此不予打开：表 {table} 的列 {column} 由公式计算得出，RevOrg 从不创建这种列</translation>
    </message>
    <message>
        <source>{path} was changed by another program and is not opened: it has a column {column} in table {table}, which RevOrg does not make</source>
        <translation>{path} 已被其他程序修改，因此不予打开：表 {table} 中有 RevOrg 不会创建的列 {column}</translation>
    </message>
    <message>
        <source>{path} was changed by another program and is not opened: column {column} of table {table} is not as RevOrg makes it</source>
        <translation>{path} 已被其他程序修改，因此不予打开：表 {table} 的列 {column} 与 RevOrg 创建的不一致</translation>
    </message>
    <message>
        <source>{path} was changed by another program and is not opened: the links of table {table} to other tables are not as RevOrg makes them</source>
        <translation>{path} 已被其他程序修改，因此不予打开：表 {table} 与其他表的关联与 RevOrg 创建的不一致</translation>
    </message>
    <message>
        <source>{path} was changed by another program and is not opened: index {name} is missing or not as RevOrg makes it</source>
        <translation>{path} 已被其他程序修改，因此不予打开：索引 {name} 缺失或与 RevOrg 创建的不一致</translation>
    </message>
    <message>
        <source>no such file: {path}</source>
        <translation>文件不存在：{path}</translation>
    </message>
    <message>
        <source>{path} is a folder, not a RevOrg plan</source>
        <translation>{path} 是文件夹，不是 RevOrg 计划</translation>
    </message>
    <message>
        <source>cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} is not a RevOrg plan (not a SQLite database)</source>
        <translation>{path} 不是 RevOrg 计划（不是 SQLite 数据库）</translation>
    </message>
    <message>
        <source>{path} is damaged: it is shorter than a SQLite header</source>
        <translation>{path} 已损坏：文件比 SQLite 文件头还短</translation>
    </message>
    <message>
        <source>{path} is damaged: it is {size} bytes long where its header says {expected} (an interrupted copy?)</source>
        <translation>{path} 已损坏：文件长 {size} 字节，而文件头记录为 {expected}（复制是否被中断？）</translation>
    </message>
    <message>
        <source>{path} is a SQLite database but not a RevOrg plan</source>
        <translation>{path} 是 SQLite 数据库，但不是 RevOrg 计划</translation>
    </message>
    <message>
        <source>{path} was saved by a newer version of RevOrg (file format {version}; this version reads up to {newest}): please update RevOrg</source>
        <translation>{path} 由更新版本的 RevOrg 保存（文件格式 {version}；本版本最高只能读取 {newest}）：请更新 RevOrg</translation>
    </message>
    <message>
        <source>{path} is damaged: it has no file format version</source>
        <translation>{path} 已损坏：缺少文件格式版本</translation>
    </message>
    <message>
        <source>{path} is damaged: {reason}</source>
        <translation>{path} 已损坏：{reason}</translation>
    </message>
    <message>
        <source>{path} is damaged: table {table} is missing</source>
        <translation>{path} 已损坏：缺少表 {table}</translation>
    </message>
    <message>
        <source>{path} could not be upgraded from file format {version}: {reason}</source>
        <translation>无法将 {path} 从文件格式 {version} 升级：{reason}</translation>
    </message>
    <message>
        <source>could not save {path}: {reason}</source>
        <translation>无法保存 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} is already open in another RevOrg window; close it there first, or open a copy</source>
        <translation>{path} 已在另一个 RevOrg 窗口中打开；请先在那里关闭，或打开一个副本</translation>
    </message>
    <message>
        <source>no snapshot named {name}; the plan has {names}</source>
        <translation>没有名为 {name} 的快照；计划中有 {names}</translation>
    </message>
    <message>
        <source>{name} is a snapshot: write {prefixed}</source>
        <translation>{name} 是快照：请写作 {prefixed}</translation>
    </message>
</context>
<context>
    <name>PlanSettingsDialog</name>
    <message>
        <source>Plan settings</source>
        <translation>计划设置</translation>
    </message>
    <message>
        <source>Amounts are not converted: a new currency changes only the label of every amount. A new fiscal year or first month moves the start month of open positions so that each keeps its month of the year (a start in the third month stays in the third month).</source>
        <translation>金额不会换算：更换货币只改变每个金额的货币标识。更改财年或其第一个月时，空缺职位的入职月份会随之移动，使每个职位保持在财年中的同一个月（原在第三个月入职的仍在第三个月）。</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation>货币：</translation>
    </message>
    <message>
        <source>Fiscal year:</source>
        <translation>财年：</translation>
    </message>
    <message>
        <source>First month of the fiscal year:</source>
        <translation>财年第一个月：</translation>
    </message>
</context>
<context>
    <name>PositionHistoryDialog</name>
    <message>
        <source>History of %1</source>
        <translation>%1 的历史</translation>
    </message>
    <message>
        <source>Changes of &lt;b&gt;%1&lt;/b&gt; in every scenario, newest first.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 在所有情景中的更改，最新的在前。</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>更改</translation>
    </message>
    <message>
        <source>No recorded change of this position yet.</source>
        <translation>此职位尚无记录的更改。</translation>
    </message>
    <message>
        <source>Show older changes</source>
        <translation>显示更早的更改</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <source>System language (%1)</source>
        <translation>系统语言（%1）</translation>
    </message>
    <message>
        <source>The plan&apos;s history records your changes under this name.</source>
        <translation>计划的历史记录以此名字记录你的更改。</translation>
    </message>
    <message>
        <source>Stack wide teams (compact chart)</source>
        <translation>堆叠较宽的团队（紧凑架构图）</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>你的名字：</translation>
    </message>
    <message>
        <source>This window is in %1, chosen for this start only (--lang). The list shows the language RevOrg starts in otherwise.</source>
        <translation>此窗口使用%1，仅本次启动时指定（--lang）。列表显示 RevOrg 平时启动时使用的语言。</translation>
    </message>
    <message>
        <source>The new language applies when RevOrg starts again.</source>
        <translation>新语言将在 RevOrg 重新启动后生效。</translation>
    </message>
</context>
<context>
    <name>PresencePanel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <source>People with this plan open</source>
        <translation>打开此计划的人</translation>
    </message>
    <message>
        <source>Nobody else has this plan open.</source>
        <translation>没有其他人打开此计划。</translation>
    </message>
    <message>
        <source>Others with this plan open: %1</source>
        <translation>其他打开此计划的人：%1</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1（您）</translation>
    </message>
    <message>
        <source>%1, signed in as %2</source>
        <translation>%1，以 %2 登录</translation>
    </message>
    <message>
        <source>(not known)</source>
        <translation>（未知）</translation>
    </message>
</context>
<context>
    <name>ProblemReport</name>
    <message>
        <source>Report a problem</source>
        <translation>报告问题</translation>
    </message>
    <message>
        <source>A report is on the clipboard: paste it into an email or an issue, with what you did and what you saw. It holds RevOrg&apos;s version, your system and the end of the log, and nothing of your plans.</source>
        <translation>报告已复制到剪贴板：请将其粘贴到邮件或问题单中，并说明您做了什么、看到了什么。报告包含 RevOrg 的版本、您的系统信息和日志末尾，不含任何计划内容。</translation>
    </message>
    <message>
        <source>The whole log is in %1</source>
        <translation>完整日志位于 %1</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>Publish to team server</source>
        <translation>发布到团队服务器</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>Plan name on the server:</source>
        <translation>服务器上的计划名称：</translation>
    </message>
    <message>
        <source>The plan as it is now becomes a team plan; the window then edits it on the server, where each change is saved as you make it.</source>
        <translation>当前的计划将成为团队计划；之后窗口在服务器上编辑它，每项更改在做出时即已保存。</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>Recover unsaved work?</source>
        <translation>恢复未保存的工作？</translation>
    </message>
    <message>
        <source>RevOrg ended unexpectedly while “%1” had unsaved changes (autosaved %2). Recover them?</source>
        <translation>RevOrg 意外退出时，“%1”有未保存的更改（自动保存于 %2）。是否恢复？</translation>
    </message>
    <message>
        <source>Cannot recover</source>
        <translation>无法恢复</translation>
    </message>
</context>
<context>
    <name>ReplayError</name>
    <message>
        <source>step {step} cannot be replayed: it was recorded by an older RevOrg, which kept only the names of the records it added or removed</source>
        <translation>无法重放第 {step} 步：它由旧版 RevOrg 记录，旧版只保存了所添加或删除记录的名称</translation>
    </message>
    <message>
        <source>the plan&apos;s history cannot be read: {reason}</source>
        <translation>无法读取计划的历史记录：{reason}</translation>
    </message>
    <message>
        <source>the plan&apos;s history does not match the plan at step {step} ({reason}): it cannot be replayed</source>
        <translation>计划的历史记录在第 {step} 步与计划不符（{reason}）：无法重放</translation>
    </message>
    <message>
        <source>the plan&apos;s history has no step {step}</source>
        <translation>计划的历史记录中没有第 {step} 步</translation>
    </message>
    <message>
        <source>scenario {scenario} was not in the plan after step {step}</source>
        <translation>第 {step} 步之后计划中没有情景 {scenario}</translation>
    </message>
</context>
<context>
    <name>Resending</name>
    <message numerus="yes">
        <source>The team server cannot be reached; %n change(s) waiting. RevOrg tries again every few seconds and sends them when it answers.</source>
        <translation>
            <numerusform>无法连接团队服务器;%n 项更改等待发送。RevOrg 每隔几秒重试一次,服务器响应后即发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>Try now</source>
        <translation>立即重试</translation>
    </message>
    <message numerus="yes">
        <source>Back on the team server: %n change(s) sent.</source>
        <translation>
            <numerusform>已重新连接团队服务器:已发送 %n 项更改。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RevenuePanel</name>
    <message>
        <source>Quota coverage</source>
        <translation>配额覆盖率</translation>
    </message>
    <message>
        <source>Pipeline needed</source>
        <translation>所需销售管道</translation>
    </message>
    <message>
        <source>ARR at the start</source>
        <translation>期初 ARR</translation>
    </message>
    <message>
        <source>− churned</source>
        <translation>− 流失</translation>
    </message>
    <message>
        <source>+ expansion</source>
        <translation>+ 增购</translation>
    </message>
    <message>
        <source>+ new business</source>
        <translation>+ 新业务</translation>
    </message>
    <message>
        <source>= ARR at the end</source>
        <translation>= 期末 ARR</translation>
    </message>
    <message>
        <source>Customer lifetime value</source>
        <translation>客户终身价值</translation>
    </message>
    <message>
        <source>%1 (at a %2 close rate)</source>
        <translation>%1（按 %2 的成交率）</translation>
    </message>
    <message>
        <source>– (no close rate)</source>
        <translation>–（无成交率）</translation>
    </message>
    <message>
        <source>The pipeline the new-business target needs: the target over the close rate.</source>
        <translation>新业务目标所需的销售管道：目标除以成交率。</translation>
    </message>
    <message>
        <source>%1 (churn %2)</source>
        <translation>%1（流失率 %2）</translation>
    </message>
    <message>
        <source>Annual recurring revenue at the end of the year: the plan&apos;s total.</source>
        <translation>年末的年度经常性收入：即计划的总额。</translation>
    </message>
    <message>
        <source>%1 (at a %2 gross margin)</source>
        <translation>%1（按 %2 的毛利率）</translation>
    </message>
    <message>
        <source>– (no churn or no deal size)</source>
        <translation>–（无流失或无交易金额）</translation>
    </message>
    <message>
        <source>The gross profit of a customer over its life: the average deal times the gross margin, over the churn rate (the gross margin is in the assumptions).</source>
        <translation>客户在其生命周期内带来的毛利：平均交易额乘以毛利率，再除以流失率（毛利率见“假设”）。</translation>
    </message>
    <message>
        <source>usual range %1-%2</source>
        <translation>常见范围 %1-%2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>– (no new-business target; %1)</source>
        <translation>–（无新业务目标；%1）</translation>
    </message>
    <message>
        <source>Below 100 %: the quota assigned does not even cover the target.</source>
        <translation>低于 100%：分配的配额连目标都覆盖不了。</translation>
    </message>
    <message>
        <source>Under the usual range: no room for the reps who miss their quota.</source>
        <translation>低于常见范围：没有为未完成配额的销售留出余量。</translation>
    </message>
    <message>
        <source>Within the usual range.</source>
        <translation>处于常见范围内。</translation>
    </message>
    <message>
        <source>Over the usual range: quotas may look out of reach, or the target is low.</source>
        <translation>高于常见范围：配额可能显得难以完成，或者目标偏低。</translation>
    </message>
    <message>
        <source>Quota assigned to the sales team (ramped, before attainment): %1; new-business target: %2. %3</source>
        <translation>分配给销售团队的配额（计入爬坡期，未计达成率）：%1；新业务目标：%2。%3</translation>
    </message>
</context>
<context>
    <name>RolePalette</name>
    <message>
        <source>Filter roles…</source>
        <translation>筛选角色…</translation>
    </message>
</context>
<context>
    <name>RolePickerDialog</name>
    <message>
        <source>Add a direct report</source>
        <translation>添加直接下属</translation>
    </message>
    <message>
        <source>Role of the new position:</source>
        <translation>新岗位的角色：</translation>
    </message>
</context>
<context>
    <name>ScenarioCommands</name>
    <message>
        <source>New scenario</source>
        <translation>新建情景</translation>
    </message>
    <message>
        <source>Rename scenario</source>
        <translation>重命名情景</translation>
    </message>
    <message>
        <source>A plan needs at least one scenario.</source>
        <translation>计划至少需要一个情景。</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>Take snapshot</source>
        <translation>拍摄快照</translation>
    </message>
    <message>
        <source>Snapshot “%1” taken.</source>
        <translation>已拍摄快照“%1”。</translation>
    </message>
</context>
<context>
    <name>ScenarioName</name>
    <message>
        <source>{name} (copy)</source>
        <translation>{name}（副本）</translation>
    </message>
    <message>
        <source>{name} (copy {number})</source>
        <translation>{name}（副本 {number}）</translation>
    </message>
</context>
<context>
    <name>Seasonality</name>
    <message>
        <source>Flat</source>
        <translation>均匀</translation>
    </message>
    <message>
        <source>Back-loaded quarters</source>
        <translation>季末集中</translation>
    </message>
    <message>
        <source>Growing through the year</source>
        <translation>全年逐步增长</translation>
    </message>
    <message>
        <source>Year-end push</source>
        <translation>年末冲刺</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
</context>
<context>
    <name>SeasonalityEditor</name>
    <message>
        <source>Seasonality of bookings</source>
        <translation>签约季节性</translation>
    </message>
    <message>
        <source>How new business and expansion fall over the fiscal year, in percent of the year&apos;s bookings; the retained base counts evenly. The months must add up to 100 %.</source>
        <translation>新业务和增购在财年中的分布，以全年签约额的百分比表示；留存收入按月平均计算。各月合计必须为 100%。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Sum: –</source>
        <translation>合计：–</translation>
    </message>
    <message>
        <source>Sum: %1 %</source>
        <translation>合计：%1%</translation>
    </message>
    <message>
        <source>(must be 100 % to apply)</source>
        <translation>（须为 100% 才能应用）</translation>
    </message>
    <message>
        <source>(counts as 100 %)</source>
        <translation>（按 100% 计）</translation>
    </message>
    <message>
        <source>The months add up to %1 %, not 100 %: not applied yet.</source>
        <translation>各月合计为 %1%，而不是 100%：尚未应用。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys or mouse</source>
        <translation>按键或鼠标</translation>
    </message>
    <message>
        <source>Move a card to another manager</source>
        <translation>将卡片移到另一位上级之下</translation>
    </message>
    <message>
        <source>Drag it onto the manager</source>
        <translation>拖到上级的卡片上</translation>
    </message>
    <message>
        <source>Add a role</source>
        <translation>添加角色</translation>
    </message>
    <message>
        <source>Drag it from Roles onto a card</source>
        <translation>从“角色”面板拖到卡片上</translation>
    </message>
    <message>
        <source>Select the next card</source>
        <translation>选择下一张卡片</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>方向键</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>Ctrl + mouse wheel</source>
        <translation>Ctrl + 鼠标滚轮</translation>
    </message>
    <message>
        <source>Collapse or expand a team</source>
        <translation>折叠或展开团队</translation>
    </message>
    <message>
        <source>Double-click the manager</source>
        <translation>双击上级的卡片</translation>
    </message>
</context>
<context>
    <name>SlideWords</name>
    <message numerus="yes">
        <source>%Ln people ▸ slide %1</source>
        <translation>
            <numerusform>%Ln 人 ▸ 第 %1 页</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Slides</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Scenario: %1 · %2</source>
        <translation>情景：%1 · %2</translation>
    </message>
    <message>
        <source>Team: %1</source>
        <translation>团队：%1</translation>
    </message>
    <message>
        <source>%1 · scenario %2</source>
        <translation>%1 · 情景 %2</translation>
    </message>
    <message>
        <source>(part %1 of %2)</source>
        <translation>（第 %1 部分，共 %2 部分）</translation>
    </message>
    <message>
        <source>Targets against capacity</source>
        <translation>目标与产能对比</translation>
    </message>
    <message>
        <source>Goal: %1</source>
        <translation>总目标：%1</translation>
    </message>
    <message>
        <source>The targets add up to %1 (gap to the goal: %2).</source>
        <translation>各项目标合计 %1（与总目标的差距：%2）。</translation>
    </message>
    <message>
        <source>The people on the chart can deliver %1: %2 of the goal.</source>
        <translation>架构图中的人员可实现 %1：占总目标的 %2。</translation>
    </message>
</context>
<context>
    <name>SnapshotsDialog</name>
    <message>
        <source>Snapshots</source>
        <translation>快照</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>快照</translation>
    </message>
    <message>
        <source>Of scenario</source>
        <translation>来源情景</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>拍摄时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>拍摄人</translation>
    </message>
    <message>
        <source>Revenue goal</source>
        <translation>营收目标</translation>
    </message>
    <message>
        <source>Gap to goal</source>
        <translation>与目标的差距</translation>
    </message>
    <message>
        <source>No snapshots yet: Scenario &gt; Take snapshot… keeps the scenario as it is now.</source>
        <translation>还没有快照：“情景 &gt; 拍摄快照…”可将情景按当前状态保存下来。</translation>
    </message>
    <message>
        <source>&amp;Restore as new scenario…</source>
        <translation>恢复为新情景(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Delete snapshot</source>
        <translation>删除快照(&amp;D)</translation>
    </message>
    <message>
        <source>Restore as new scenario</source>
        <translation>恢复为新情景</translation>
    </message>
</context>
<context>
    <name>StartMonthDelegate</name>
    <message>
        <source>Already in seat / at year start</source>
        <translation>已在岗 / 年初入职</translation>
    </message>
</context>
<context>
    <name>StepListModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
</context>
<context>
    <name>StepPreviewDialog</name>
    <message>
        <source>Restore as new scenario…</source>
        <translation>恢复为新情景…</translation>
    </message>
</context>
<context>
    <name>TargetsPanel</name>
    <message>
        <source>New customers</source>
        <translation>新客户数</translation>
    </message>
    <message>
        <source>New business</source>
        <translation>新签业务</translation>
    </message>
    <message>
        <source>Retained revenue</source>
        <translation>留存营收</translation>
    </message>
    <message>
        <source>Total revenue</source>
        <translation>总营收</translation>
    </message>
    <message>
        <source>Gap to goal</source>
        <translation>距目标缺口</translation>
    </message>
    <message>
        <source>%1 short</source>
        <translation>差 %1</translation>
    </message>
    <message>
        <source>%1 above</source>
        <translation>超出 %1</translation>
    </message>
    <message>
        <source>on goal</source>
        <translation>达成目标</translation>
    </message>
    <message>
        <source>leads must be a whole number</source>
        <translation>线索数必须为整数</translation>
    </message>
</context>
<context>
    <name>TeamCommands</name>
    <message>
        <source>team plan %1 on %2</source>
        <translation>团队计划 %1，位于 %2</translation>
    </message>
    <message>
        <source>This plan is already open.</source>
        <translation>此计划已经打开。</translation>
    </message>
    <message>
        <source>Cannot open team plan</source>
        <translation>无法打开团队计划</translation>
    </message>
    <message>
        <source>The password could not be kept in the system keyring.</source>
        <translation>无法将密码保存到系统密钥环中。</translation>
    </message>
    <message>
        <source>Cannot publish</source>
        <translation>无法发布</translation>
    </message>
    <message>
        <source>Published to %1</source>
        <translation>已发布到 %1</translation>
    </message>
    <message>
        <source>Saved on the server: each change is sent as you make it.</source>
        <translation>已保存在服务器上：每项更改在做出时即已发送。</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>A copy was saved to %1; this window stays on the team plan.</source>
        <translation>副本已保存到 %1;此窗口仍停留在团队计划上。</translation>
    </message>
    <message>
        <source>Undo refused: %1, after your change. The plan shows their value.</source>
        <translation>撤销被拒绝：%1，在您的更改之后。计划现在显示对方的值。</translation>
    </message>
    <message>
        <source>Your change was not sent: %1 since you read it. The plan shows it now.</source>
        <translation>您的更改未发送：在您读取之后，%1。计划现在显示该更改。</translation>
    </message>
    <message>
        <source>Yours: %1.</source>
        <translation>您的值：%1。</translation>
    </message>
    <message>
        <source>Apply my change again</source>
        <translation>重新应用我的更改</translation>
    </message>
    <message>
        <source>a teammate</source>
        <translation>一位队友</translation>
    </message>
    <message>
        <source>%1 changed %2’s %3 at %4</source>
        <translation>%1 于 %4 更改了“%2”的%3</translation>
    </message>
    <message>
        <source>%1 changed %2 at %3</source>
        <translation>%1 于 %3 更改了“%2”</translation>
    </message>
    <message>
        <source>card %1</source>
        <translation>卡片 %1</translation>
    </message>
    <message>
        <source>the targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>an assumption</source>
        <translation>一项假设</translation>
    </message>
    <message>
        <source>the plan settings</source>
        <translation>计划设置</translation>
    </message>
    <message>
        <source>a scenario</source>
        <translation>一个情景</translation>
    </message>
    <message>
        <source>a dotted line</source>
        <translation>一条虚线</translation>
    </message>
    <message>
        <source>The plan already has your values.</source>
        <translation>计划中已经是您的值。</translation>
    </message>
</context>
<context>
    <name>TeamNotice</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>TeamPlanError</name>
    <message>
        <source>not a team plan URL (postgresql://user@host:5432/revorg?plan=NAME)</source>
        <translation>不是团队计划的 URL（postgresql://用户@主机:5432/revorg?plan=名称）</translation>
    </message>
    <message>
        <source>a team plan URL has no #fragment</source>
        <translation>团队计划的 URL 不能包含 #片段</translation>
    </message>
    <message>
        <source>the URL names no database after the host</source>
        <translation>URL 在主机之后没有指明数据库</translation>
    </message>
    <message>
        <source>the URL&apos;s port is not a number from 1 to 65535</source>
        <translation>URL 中的端口不是 1 到 65535 之间的数字</translation>
    </message>
    <message>
        <source>the URL&apos;s options after ? cannot be read</source>
        <translation>无法读取 URL 中 ? 之后的选项</translation>
    </message>
    <message>
        <source>the URL names no plan: add ?plan=NAME (spaces as %20)</source>
        <translation>URL 没有指明计划：请添加 ?plan=名称（空格写作 %20）</translation>
    </message>
    <message>
        <source>a plan name has at most {limit} characters and no control characters</source>
        <translation>计划名称最多 {limit} 个字符，且不能包含控制字符</translation>
    </message>
    <message>
        <source>unknown option in the URL: {option}</source>
        <translation>URL 中有未知选项：{option}</translation>
    </message>
    <message>
        <source>the team server {server} was set up by a newer version of RevOrg (schema {revision}; this version knows up to {head}): please update RevOrg</source>
        <translation>团队服务器 {server} 由更新版本的 RevOrg 设置（架构 {revision}；此版本最高支持 {head}）：请更新 RevOrg</translation>
    </message>
    <message>
        <source>no plan {plan} on {server}: the server has no team plans yet (`revorg push FILE URL` publishes one)</source>
        <translation>{server} 上没有计划 {plan}：该服务器还没有团队计划（`revorg push 文件 URL` 可发布一个）</translation>
    </message>
    <message>
        <source>the team server {server} has an older schema ({revision}; this version needs {head}): publishing a plan with this version upgrades it</source>
        <translation>团队服务器 {server} 的架构较旧（{revision}；此版本需要 {head}）：用此版本发布计划即可升级</translation>
    </message>
    <message>
        <source>authentication failed for user {user} on {server}: check the password (PGPASSWORD, ~/.pgpass or the system keyring)</source>
        <translation>用户 {user} 在 {server} 上身份验证失败：请检查密码（PGPASSWORD、~/.pgpass 或系统密钥环）</translation>
    </message>
    <message>
        <source>the server {server} does not let user {user} in</source>
        <translation>服务器 {server} 不允许用户 {user} 登录</translation>
    </message>
    <message>
        <source>no database {database} on {server}</source>
        <translation>{server} 上没有数据库 {database}</translation>
    </message>
    <message>
        <source>the team server {server} cannot store a value of this plan (a text with a NUL character?); nothing was written</source>
        <translation>团队服务器 {server} 无法保存此计划中的某个值（文本中含有 NUL 字符？）；未写入任何内容</translation>
    </message>
    <message>
        <source>the team server {server} is busy: another session has held what this needs for over {seconds}; nothing was written, try again</source>
        <translation>团队服务器 {server} 正忙：另一个会话占用此操作所需的资源已超过 {seconds}；未写入任何内容，请重试</translation>
    </message>
    <message>
        <source>cannot reach the team server {server} ({reason})</source>
        <translation>无法连接团队服务器 {server}（{reason}）</translation>
    </message>
    <message>
        <source>the team server {server} refused the request (SQLSTATE {code})</source>
        <translation>团队服务器 {server} 拒绝了请求（SQLSTATE {code}）</translation>
    </message>
    <message>
        <source>permission denied: user {user} may not do this on plan {plan}</source>
        <translation>权限不足：用户 {user} 不能对计划 {plan} 执行此操作</translation>
    </message>
    <message>
        <source>plan {plan} already exists on {server}: publish under another name, or pull a copy</source>
        <translation>计划 {plan} 已存在于 {server}：请以其他名称发布，或拉取一份副本</translation>
    </message>
    <message>
        <source>no plan {plan} on {server} for user {user} (an owner of a plan gives access to it: revorg team grant)</source>
        <translation>{server} 上没有用户 {user} 可访问的计划 {plan}（计划的所有者可授予访问权限：revorg team grant）</translation>
    </message>
    <message>
        <source>{user} is the plan&apos;s only owner: make someone else owner first</source>
        <translation>{user} 是该计划唯一的所有者：请先将其他人设为所有者</translation>
    </message>
    <message>
        <source>{user} made other owners of the plan: take their owner role away first (PostgreSQL 16 and later keep a role only while whoever gave it may give it)</source>
        <translation>{user} 曾将其他人设为该计划的所有者：请先取消他们的所有者角色（PostgreSQL 16 及更高版本仅在授予者仍可授予该角色时保留该角色）</translation>
    </message>
    <message>
        <source>{user} was given the role by {giver}: on PostgreSQL 16 and later only {giver} or an administrator may take it away</source>
        <translation>{user} 的角色由 {giver} 授予：在 PostgreSQL 16 及更高版本中，只有 {giver} 或管理员可以将其取消</translation>
    </message>
    <message>
        <source>{user} is one of the plan&apos;s roles, not a user</source>
        <translation>{user} 是该计划的角色之一，而不是用户</translation>
    </message>
    <message>
        <source>no user {user} on the server (an administrator creates users: CREATE ROLE ... LOGIN)</source>
        <translation>服务器上没有用户 {user}（由管理员创建用户：CREATE ROLE ... LOGIN）</translation>
    </message>
    <message>
        <source>permission denied: only an owner of plan {plan} may change its roles</source>
        <translation>权限被拒绝：只有计划 {plan} 的所有者才能更改其角色</translation>
    </message>
    <message>
        <source>the team plan {plan} on {server} cannot be read: {reason}</source>
        <translation>无法读取 {server} 上的团队计划 {plan}：{reason}</translation>
    </message>
    <message>
        <source>this team plan was opened for reading: pull a copy to a file</source>
        <translation>此团队计划以只读方式打开：请将副本拉取到文件</translation>
    </message>
    <message>
        <source>plan {plan} already exists and this file is not a copy of it (no step in common): publish it under another name, or pull a copy</source>
        <translation>计划 {plan} 已存在，而此文件不是它的副本（没有共同的步骤）：请以其他名称发布，或拉取一份副本</translation>
    </message>
    <message>
        <source>this edit ({kind}) cannot be made on a team plan yet: pull a copy to a file</source>
        <translation>团队计划暂不支持此编辑（{kind}）：请将副本拉取到文件</translation>
    </message>
    <message>
        <source>{record} was changed on the server since you read it: your edit was not sent (reload the plan and make it again)</source>
        <translation>自您读取以来，{record} 已在服务器上被修改：您的编辑未发送（请重新加载计划后再做一次）</translation>
    </message>
    <message>
        <source>{record} was changed by {who} at {at} (step {step}) since you read it: your edit was not sent (reload the plan and make it again)</source>
        <translation>自您读取以来，{who} 于 {at} 修改了 {record}（步骤 {step}）：您的编辑未发送（请重新加载计划后再做一次）</translation>
    </message>
    <message>
        <source>the plan is at version {version}, not {expected}: changed since by {who} (last at {at}); nothing was sent</source>
        <translation>计划的版本是 {version}，而不是 {expected}：此后由 {who} 修改（最近一次在 {at}）；未发送任何内容</translation>
    </message>
    <message>
        <source>the team server {server} cannot be reached: your undo was not sent and waits</source>
        <translation>无法连接团队服务器 {server}：您的撤销未发送，正在等待</translation>
    </message>
    <message>
        <source>the team server {server} cannot be reached: your change was not sent and waits</source>
        <translation>无法连接团队服务器 {server}：您的更改未发送，正在等待</translation>
    </message>
    <message>
        <source>{who} changed {record} since your edit (at {at}): undoing it would overwrite their change, so it was not undone</source>
        <translation>{who} 在您编辑之后（{at}）更改了 {record}：撤销会覆盖其更改，因此未撤销</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>New plan from template</source>
        <translation>从模板新建计划</translation>
    </message>
    <message>
        <source>Start from one of these plans:</source>
        <translation>从以下计划之一开始：</translation>
    </message>
</context>
<context>
    <name>UndoActions</name>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销 %1(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做 %1(&amp;R)</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to RevOrg</source>
        <translation>欢迎使用 RevOrg</translation>
    </message>
    <message>
        <source>Design your revenue organisation: drag roles into the chart, set the revenue goal and each department&apos;s targets, and see at once whether the people on the chart can deliver them. Start from a template:</source>
        <translation>设计你的营收组织：把角色拖入架构图，设定营收目标和各部门目标，立即看到图中人员能否完成这些目标。从模板开始：</translation>
    </message>
    <message>
        <source>Start from this template</source>
        <translation>从此模板开始</translation>
    </message>
    <message>
        <source>Open a plan…</source>
        <translation>打开计划…</translation>
    </message>
    <message>
        <source>Explore the demo plan</source>
        <translation>浏览演示计划</translation>
    </message>
</context>
<context>
    <name>WindowServerWait</name>
    <message>
        <source>Waiting for the team server %1 to answer…</source>
        <translation>正在等待团队服务器 %1 响应…</translation>
    </message>
</context>
<context>
    <name>WorkshopStrip</name>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Show the role palette to drop new roles</source>
        <translation>显示角色面板，拖入新角色</translation>
    </message>
    <message>
        <source>Leave (Esc)</source>
        <translation>退出 (Esc)</translation>
    </message>
    <message>
        <source>%1 of %2 goal (%3)</source>
        <translation>%1 / 目标 %2（%3）</translation>
    </message>
</context>
<context>
    <name>YearPlanPanel</name>
    <message>
        <source>Targets and capacity by quarter</source>
        <translation>按季度的目标与产能</translation>
    </message>
    <message>
        <source>Revenue target and capacity per fiscal quarter; the gap is the target less the capacity (above zero: capacity falls short).</source>
        <translation>每个财季的收入目标与产能；差距为目标减去产能（大于零：产能不足）。</translation>
    </message>
    <message>
        <source>The first month where a department&apos;s capacity so far is less than its target so far (months in the fiscal year, targets shaped by the seasonality).</source>
        <translation>部门累计产能首次低于累计目标的月份（按财年月份计，目标按季节性分布）。</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Q%1 (%2-%3 %4)</source>
        <translation>Q%1（%4年%2-%3）</translation>
    </message>
    <message>
        <source>Q%1 (%2-%3)</source>
        <translation>Q%1（%2-%3）</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%2年%1</translation>
    </message>
    <message>
        <source>%1 falls behind the target in %2</source>
        <translation>%1在%2落后于目标</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1在%2</translation>
    </message>
    <message>
        <source>Capacity keeps up with the target all year in every department.</source>
        <translation>全年各部门的产能都能跟上目标。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>全年</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>产能</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>差距</translation>
    </message>
</context>
<context>
    <name>live</name>
    <message>
        <source>&amp;Team</source>
        <translation>团队(&amp;T)</translation>
    </message>
</context>
</TS>
