<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CommitteeCard</name>
    <message>
        <source>Regulatory profile</source>
        <translation>适用法规</translation>
    </message>
    <message>
        <source>none in force today</source>
        <translation>当前无生效的适用法规</translation>
    </message>
    <message>
        <source>In force since</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Voting members</source>
        <translation>有表决权的委员</translation>
    </message>
    <message>
        <source>Other seats</source>
        <translation>其他席位</translation>
    </message>
    <message>
        <source>The window works with this committee.</source>
        <translation>当前正在使用此委员会。</translation>
    </message>
    <message>
        <source>Work with this committee</source>
        <translation>切换到此委员会</translation>
    </message>
</context>
<context>
    <name>CommitteeForm</name>
    <message>
        <source>e.g. 华康市第一人民医院</source>
        <translation>例如：华康市第一人民医院</translation>
    </message>
    <message>
        <source>e.g. Huakang First People&apos;s Hospital</source>
        <translation>例如：Huakang First People&apos;s Hospital</translation>
    </message>
    <message>
        <source>e.g. 医学伦理委员会</source>
        <translation>例如：医学伦理委员会</translation>
    </message>
    <message>
        <source>e.g. Medical Ethics Committee</source>
        <translation>例如：Medical Ethics Committee</translation>
    </message>
    <message>
        <source>Institution name (Chinese) *</source>
        <translation>机构名称（中文）*</translation>
    </message>
    <message>
        <source>Institution name (English)</source>
        <translation>机构名称（英文）</translation>
    </message>
    <message>
        <source>Committee name (Chinese) *</source>
        <translation>委员会名称（中文）*</translation>
    </message>
    <message>
        <source>Committee name (English)</source>
        <translation>委员会名称（英文）</translation>
    </message>
    <message>
        <source>Regulatory profile</source>
        <translation>适用法规</translation>
    </message>
    <message>
        <source>Create the committee</source>
        <translation>创建委员会</translation>
    </message>
    <message>
        <source>* required</source>
        <translation>* 为必填项</translation>
    </message>
    <message>
        <source>{title}. The rules the committee applies to its composition, quorum and votes.</source>
        <translation>{title}。委员会的组成、会议法定人数和表决规则以此为准。</translation>
    </message>
</context>
<context>
    <name>CommitteePage</name>
    <message>
        <source>No committee yet</source>
        <translation>尚未设立委员会</translation>
    </message>
    <message>
        <source>The committee&apos;s roster is kept here: its members with their roles, expertise, affiliation and terms of office.</source>
        <translation>这里保存委员会的名册：每位委员的职务、专业领域、是否为本机构人员以及任期。</translation>
    </message>
</context>
<context>
    <name>CommitteeRosterPage</name>
    <message>
        <source>No regulatory profile in force today</source>
        <translation>当前无生效的适用法规</translation>
    </message>
    <message>
        <source>Consultants ({count})</source>
        <translation>独立顾问（{count}）</translation>
    </message>
    <message>
        <source>{count} memberships</source>
        <translation>共 {count} 条任职记录</translation>
    </message>
    <message>
        <source>{shown} of {count} memberships shown</source>
        <translation>显示 {shown} 条，共 {count} 条任职记录</translation>
    </message>
    <message>
        <source>An ended membership stays as history; add a new one to seat the person again.</source>
        <translation>已终止的任职作为历史记录保留；如需再次聘任此人，请新增任职。</translation>
    </message>
</context>
<context>
    <name>CommitteeSection</name>
    <message>
        <source>e.g. 医学伦理委员会</source>
        <translation>例如：医学伦理委员会</translation>
    </message>
    <message>
        <source>e.g. Medical Ethics Committee</source>
        <translation>例如：Medical Ethics Committee</translation>
    </message>
    <message>
        <source>e.g. the municipal health commission</source>
        <translation>例如：市卫生健康委员会</translation>
    </message>
    <message>
        <source>Name (Chinese) *</source>
        <translation>名称（中文）*</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>名称（英文）</translation>
    </message>
    <message>
        <source>Filing number (备案号)</source>
        <translation>备案号</translation>
    </message>
    <message>
        <source>Filing authority (备案机关)</source>
        <translation>备案机关</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Dates in minutes and letters, and the year of each number, follow it.</source>
        <translation>会议纪要和批件上的日期以及各类编号中的年份均按此时区确定。</translation>
    </message>
</context>
<context>
    <name>CommitteeSettingsDialog</name>
    <message>
        <source>Institution</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Committee</source>
        <translation>委员会</translation>
    </message>
    <message>
        <source>Number series</source>
        <translation>编号规则</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>届次</translation>
    </message>
    <message>
        <source>Regulatory profile</source>
        <translation>适用法规</translation>
    </message>
    <message>
        <source>Your changes have not been saved.</source>
        <translation>您的修改尚未保存。</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>New committee</source>
        <translation>新建委员会</translation>
    </message>
    <message>
        <source>A new committee of {institution}.</source>
        <translation>为{institution}新建委员会。</translation>
    </message>
    <message>
        <source>Create the committee</source>
        <translation>创建委员会</translation>
    </message>
    <message>
        <source>Committee settings — {name}</source>
        <translation>委员会设置 — {name}</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Nothing has changed.</source>
        <translation>没有需要保存的修改。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Enter the committee&apos;s name in Chinese.</source>
        <translation>请填写委员会的中文名称。</translation>
    </message>
    <message>
        <source>Enter the institution&apos;s name in Chinese.</source>
        <translation>请填写机构的中文名称。</translation>
    </message>
    <message>
        <source>Term {number}: {reason}</source>
        <translation>第{number}届：{reason}</translation>
    </message>
    <message>
        <source>The committee has been created. Its terms can be recorded now.</source>
        <translation>委员会已创建，现在可以登记届次。</translation>
    </message>
</context>
<context>
    <name>ComplianceLine</name>
    <message>
        <source>• {requirement} ({rule})</source>
        <translation>• {requirement}（{rule}）</translation>
    </message>
    <message>
        <source>• and {count} more</source>
        <translation>• 另有 {count} 项</translation>
    </message>
    <message>
        <source>Compliant today and for the next {days} days.</source>
        <translation>今日符合要求，未来 {days} 天内保持符合。</translation>
    </message>
    <message>
        <source>Compliant today; not compliant from {date}:</source>
        <translation>今日符合要求；自 {date} 起不符合：</translation>
    </message>
    <message>
        <source>Not compliant:</source>
        <translation>不符合：</translation>
    </message>
    <message>
        <source>Compliant from {date}.</source>
        <translation>自 {date} 起符合要求。</translation>
    </message>
</context>
<context>
    <name>CompositionPanel</name>
    <message>
        <source>The SOP relaxes this rule: {value} (the profile: {profile_value})</source>
        <translation>SOP 放宽了此规则：{value}（适用法规：{profile_value}）</translation>
    </message>
    <message>
        <source>Composition</source>
        <translation>委员组成</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>核查日期</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Check the committee as it is today</source>
        <translation>按今天的情况核查委员会</translation>
    </message>
    <message>
        <source>Next meeting</source>
        <translation>下次会议</translation>
    </message>
    <message>
        <source>Show every member&apos;s passing term checks</source>
        <translation>显示各委员已通过的任期核查</translation>
    </message>
    <message>
        <source>Next meeting: {date}</source>
        <translation>下次会议：{date}</translation>
    </message>
    <message>
        <source>No meeting is planned.</source>
        <translation>暂无已安排的会议。</translation>
    </message>
    <message>
        <source>No committee is chosen.</source>
        <translation>未选择委员会。</translation>
    </message>
    <message>
        <source>Not compliant with {profile} on {date}: {count} requirement(s) fail.</source>
        <translation>{date} 不符合“{profile}”：{count} 项要求未满足。</translation>
    </message>
    <message>
        <source>Compliant with {profile} on {date}.</source>
        <translation>{date} 符合“{profile}”。</translation>
    </message>
    <message>
        <source>{count} warning(s).</source>
        <translation>另有 {count} 项警告。</translation>
    </message>
    <message>
        <source>The committee&apos;s SOP departs from its profile:</source>
        <translation>本委员会 SOP 与适用法规的不同之处：</translation>
    </message>
    <message>
        <source>• rule {rule} ({message}): {change}</source>
        <translation>• 规则 {rule}（{message}）：{change}</translation>
    </message>
    <message>
        <source>Click a finding to see its rule, citation, quote and evidence.</source>
        <translation>点击一条核查结果，可查看其规则、出处、原文和核实情况。</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>核查结果</translation>
    </message>
    <message>
        <source>Citation</source>
        <translation>出处</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>核实情况</translation>
    </message>
    <message>
        <source>Check against the official text.</source>
        <translation>请与官方文本核对。</translation>
    </message>
</context>
<context>
    <name>ConsultantModel</name>
    <message>
        <source>Consultant</source>
        <translation>独立顾问</translation>
    </message>
    <message>
        <source>Expertise</source>
        <translation>专业领域</translation>
    </message>
    <message>
        <source>Engaged for</source>
        <translation>咨询事项</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>聘期</translation>
    </message>
    <message>
        <source>Declarations</source>
        <translation>声明</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>None on file</source>
        <translation>未存档</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>What expires soon cannot be read just now: {reason}</source>
        <translation>暂时无法读取即将到期的事项：{reason}</translation>
    </message>
</context>
<context>
    <name>DeclarationDialog</name>
    <message>
        <source>Add declaration: {name}</source>
        <translation>添加声明：{name}</translation>
    </message>
    <message>
        <source>No end date</source>
        <translation>长期有效</translation>
    </message>
    <message>
        <source>Interests declared, if any</source>
        <translation>申报的利益关系（如有）</translation>
    </message>
    <message>
        <source>The scanned, signed declaration</source>
        <translation>签字声明的扫描件</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Declaration</source>
        <translation>声明类型</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>适用范围</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签署日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>利益关系</translation>
    </message>
    <message>
        <source>Signed file</source>
        <translation>签字文件</translation>
    </message>
    <message>
        <source>Add declaration</source>
        <translation>添加声明</translation>
    </message>
    <message>
        <source>Choose the signed declaration</source>
        <translation>选择已签字的声明</translation>
    </message>
    <message>
        <source>The committee has no meeting to choose yet.</source>
        <translation>本委员会尚无可选的会议。</translation>
    </message>
    <message>
        <source>The committee has no project to choose yet.</source>
        <translation>本委员会尚无可选的项目。</translation>
    </message>
    <message>
        <source>It cannot run out before it was signed.</source>
        <translation>有效期不能早于签署日期。</translation>
    </message>
    <message>
        <source>There is no file at this path.</source>
        <translation>此路径下没有文件。</translation>
    </message>
</context>
<context>
    <name>DeclarationModel</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>签署日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>No end</source>
        <translation>长期</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <source>Decision letters, agendas, sign-in sheets, minutes and rosters that the committee issues are kept here, with their numbers and dates.</source>
        <translation>委员会出具的审查批件、会议议程、签到表、会议纪要和委员名册都保存在这里，并附有编号和日期。</translation>
    </message>
    <message>
        <source>No documents yet</source>
        <translation>暂无文件</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Documents this committee has issued.</source>
        <translation>本委员会已出具的文件。</translation>
    </message>
    <message>
        <source>Decision letters</source>
        <translation>审查批件</translation>
    </message>
</context>
<context>
    <name>DossiersPage</name>
    <message>
        <source>Projects and their submissions appear here once the committee has registered one: each project with its investigator, type and approval period, and each submission with its acceptance number and review path.</source>
        <translation>委员会登记项目后，项目及其送审会显示在这里：每个项目的主要研究者、项目类型和批准有效期，以及每次送审的受理号和审查方式。</translation>
    </message>
    <message>
        <source>No projects yet</source>
        <translation>暂无项目</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Projects registered with this committee, and their submissions.</source>
        <translation>在本委员会登记的项目及其送审。</translation>
    </message>
    <message>
        <source>Submissions</source>
        <translation>送审</translation>
    </message>
</context>
<context>
    <name>EndMembershipDialog</name>
    <message>
        <source>End membership</source>
        <translation>终止任职</translation>
    </message>
    <message>
        <source>{name} ({roles}) leaves the committee. The membership stays in the history with its dates and the reason.</source>
        <translation>{name}（{roles}）将离开委员会。该任职记录连同日期和离任原因将保留在历史记录中。</translation>
    </message>
    <message>
        <source>e.g. resigned, term not renewed, moved away</source>
        <translation>例如：辞任、任期届满未续聘、调离</translation>
    </message>
    <message>
        <source>Last day on the committee</source>
        <translation>任职最后一天</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>The membership cannot end before its term starts.</source>
        <translation>终止日期不能早于任期开始日期。</translation>
    </message>
</context>
<context>
    <name>ExpiriesSection</name>
    <message>
        <source>Expiring within {days} days</source>
        <translation>{days} 天内到期</translation>
    </message>
    <message>
        <source>Terms of office, training and declarations of {committee} that run out by {date}, soonest first; those already run out are marked.</source>
        <translation>{committee}在 {date} 前到期的任期、培训和声明，按到期先后排列；已过期的以红色标出。</translation>
    </message>
    <message>
        <source>Nothing expires in the next {days} days: every term, training record and declaration on file runs beyond {date}.</source>
        <translation>未来 {days} 天内没有到期事项：所有任期、培训记录和声明的有效期都超过 {date}。</translation>
    </message>
</context>
<context>
    <name>ExpiryModel</name>
    <message>
        <source>Date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>When</source>
        <translation>到期情况</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Term of office as {role}</source>
        <translation>{role}任期</translation>
    </message>
    <message>
        <source>Training: {course}</source>
        <translation>培训：{course}</translation>
    </message>
    <message>
        <source>expired {days} days ago</source>
        <translation>已过期 {days} 天</translation>
    </message>
    <message>
        <source>expired yesterday</source>
        <translation>昨天已过期</translation>
    </message>
    <message>
        <source>expires today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>明天到期</translation>
    </message>
    <message>
        <source>in {days} days</source>
        <translation>{days} 天后到期</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>Status</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Requirement and finding</source>
        <translation>要求与核查结果</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Fails</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>{status}, SOP</source>
        <translation>{status}（SOP）</translation>
    </message>
    <message>
        <source>Evidence: {level}</source>
        <translation>核实情况：{level}</translation>
    </message>
    <message>
        <source>Check against the official text.</source>
        <translation>请与官方文本核对。</translation>
    </message>
</context>
<context>
    <name>GuardedDialog</name>
    <message>
        <source>This is required.</source>
        <translation>此项为必填项。</translation>
    </message>
    <message>
        <source>Still needed: {fields}</source>
        <translation>尚需填写：{fields}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Saving this leaves the committee non-compliant on {date}:</source>
        <translation>保存后，委员会在 {date} 将不符合要求：</translation>
    </message>
</context>
<context>
    <name>ImagePicker</name>
    <message>
        <source>Choose image…</source>
        <translation>选择图片…</translation>
    </message>
    <message>
        <source>Choose an image</source>
        <translation>选择图片</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>No image</source>
        <translation>无图片</translation>
    </message>
    <message>
        <source>None chosen yet.</source>
        <translation>尚未选择。</translation>
    </message>
    <message>
        <source>{name} is not a PNG or JPEG image.</source>
        <translation>{name} 不是 PNG 或 JPEG 图片。</translation>
    </message>
    <message>
        <source>{name} (saved when you save)</source>
        <translation>{name}（点击“保存”后写入）</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import roster</source>
        <translation>导入名册</translation>
    </message>
    <message>
        <source>Import {file}</source>
        <translation>导入 {file}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>This file cannot be imported. Correct it in the spreadsheet, save it, and import it again. Nothing has been written.</source>
        <translation>此文件无法导入。请在电子表格中修改并保存，然后重新导入。未写入任何数据。</translation>
    </message>
    <message>
        <source>{bad} of {rows} rows have problems, marked below with their line. Correct the file and import it again; nothing is written until every row is ready.</source>
        <translation>{rows} 行中有 {bad} 行存在问题，已在下方按行标出。请修改文件后重新导入；所有行都就绪之前不会写入任何数据。</translation>
    </message>
    <message>
        <source>All {rows} rows are ready. Importing adds them to {committee} as new members, each with their own record in the audit trail.</source>
        <translation>全部 {rows} 行均已就绪。导入后将作为新委员加入{committee}，每人在审计记录中各有一条记录。</translation>
    </message>
    <message>
        <source>… and {count} more problems.</source>
        <translation>……另有 {count} 个问题。</translation>
    </message>
    <message>
        <source>Import {rows} members</source>
        <translation>导入 {rows} 名委员</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Nothing can be imported until every problem is fixed in the file.</source>
        <translation>文件中的问题全部改正之前，无法导入任何数据。</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} / {total}</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>The import was stopped; nothing was imported.</source>
        <translation>导入已停止，未导入任何数据。</translation>
    </message>
    <message>
        <source>Nothing was imported: {reason}</source>
        <translation>未导入任何数据：{reason}</translation>
    </message>
    <message>
        <source>Nothing was imported because of an error in EthicsDesk. The details are in the log.</source>
        <translation>EthicsDesk 出错，未导入任何数据。详细信息已写入日志。</translation>
    </message>
</context>
<context>
    <name>InstitutionSection</name>
    <message>
        <source>The institution&apos;s names, address, logo and seal are shared by all its committees and appear on letterheads.</source>
        <translation>机构的名称、地址、徽标和印章由其下所有委员会共用，并显示在文件抬头上。</translation>
    </message>
    <message>
        <source>e.g. 华康市第一人民医院</source>
        <translation>例如：华康市第一人民医院</translation>
    </message>
    <message>
        <source>Name (Chinese) *</source>
        <translation>名称（中文）*</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>名称（英文）</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>徽标</translation>
    </message>
    <message>
        <source>Seal</source>
        <translation>印章</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Dashboard</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>Committee</source>
        <translation>委员会</translation>
    </message>
    <message>
        <source>Dossiers</source>
        <translation>项目档案</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>审查</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Data: {location}</source>
        <translation>数据位置：{location}</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Committee:</source>
        <translation>委员会：</translation>
    </message>
    <message>
        <source>Committee settings…</source>
        <translation>委员会设置…</translation>
    </message>
    <message>
        <source>New committee…</source>
        <translation>新建委员会…</translation>
    </message>
    <message>
        <source>&amp;Committee</source>
        <translation>委员会(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Roster</source>
        <translation>名册(&amp;R)</translation>
    </message>
    <message>
        <source>Import roster…</source>
        <translation>导入名册…</translation>
    </message>
    <message>
        <source>Export roster as JSON…</source>
        <translation>导出名册为 JSON…</translation>
    </message>
    <message>
        <source>Export roster as CSV…</source>
        <translation>导出名册为 CSV…</translation>
    </message>
    <message>
        <source>{committee} ({institution})</source>
        <translation>{committee}（{institution}）</translation>
    </message>
    <message>
        <source>The committee&apos;s settings have been saved.</source>
        <translation>委员会设置已保存。</translation>
    </message>
    <message>
        <source>One member was imported into the roster.</source>
        <translation>已将 1 名委员导入名册。</translation>
    </message>
    <message>
        <source>{count} members were imported into the roster.</source>
        <translation>已将 {count} 名委员导入名册。</translation>
    </message>
    <message>
        <source>Roster exported to {path}</source>
        <translation>名册已导出到 {path}</translation>
    </message>
    <message>
        <source>The committee has been set up.</source>
        <translation>委员会已创建。</translation>
    </message>
    <message>
        <source>The demo is ready.</source>
        <translation>演示数据已就绪。</translation>
    </message>
</context>
<context>
    <name>MeetingsPage</name>
    <message>
        <source>Meetings appear here once one has been planned, each with its agenda, sign-in and quorum, recusals, votes and minutes.</source>
        <translation>安排会议后，会议会显示在这里，包括每次会议的议程、签到与法定人数、回避、表决和会议纪要。</translation>
    </message>
    <message>
        <source>No meetings yet</source>
        <translation>暂无会议</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Meetings of this committee, planned and held.</source>
        <translation>本委员会已安排和已召开的会议。</translation>
    </message>
</context>
<context>
    <name>MembershipDialog</name>
    <message>
        <source>Add a member</source>
        <translation>添加委员</translation>
    </message>
    <message>
        <source>Edit membership</source>
        <translation>编辑任职信息</translation>
    </message>
    <message>
        <source>A new person</source>
        <translation>新增人员</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Name (Chinese) *</source>
        <translation>姓名（中文）*</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>姓名（英文）</translation>
    </message>
    <message>
        <source>Gender *</source>
        <translation>性别*</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职称</translation>
    </message>
    <message>
        <source>Profession</source>
        <translation>专业</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Degrees</source>
        <translation>学位</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Roles *</source>
        <translation>职务*</translation>
    </message>
    <message>
        <source>Alternate for</source>
        <translation>候补对应委员</translation>
    </message>
    <message>
        <source>Expertise *</source>
        <translation>专业领域*</translation>
    </message>
    <message>
        <source>Term starts</source>
        <translation>任期开始</translation>
    </message>
    <message>
        <source>Term ends</source>
        <translation>任期结束</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>添加委员</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>the name in Chinese</source>
        <translation>中文姓名</translation>
    </message>
    <message>
        <source>the gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>a role</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>an area of expertise</source>
        <translation>专业领域</translation>
    </message>
    <message>
        <source>The term cannot end before it starts.</source>
        <translation>任期结束日期不能早于开始日期。</translation>
    </message>
    <message>
        <source>An alternate sits for a member: choose the member.</source>
        <translation>候补委员须对应一名委员：请选择该委员。</translation>
    </message>
    <message>
        <source>An alternate sits for a member, and the committee has none yet.</source>
        <translation>候补委员须对应一名委员，但本委员会尚无可对应的委员。</translation>
    </message>
    <message>
        <source>A secretary who is not also a member does not vote.</source>
        <translation>不兼任委员的秘书不参加表决。</translation>
    </message>
</context>
<context>
    <name>MembershipForm</name>
    <message>
        <source>e.g. 王芳</source>
        <translation>例如：王芳</translation>
    </message>
    <message>
        <source>e.g. Wang Fang</source>
        <translation>例如：Wang Fang</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>e.g. 主任医师</source>
        <translation>例如：主任医师</translation>
    </message>
    <message>
        <source>e.g. 肿瘤内科</source>
        <translation>例如：肿瘤内科</translation>
    </message>
    <message>
        <source>e.g. 汉族</source>
        <translation>例如：汉族</translation>
    </message>
    <message>
        <source>Ethnic minority</source>
        <translation>少数民族</translation>
    </message>
    <message>
        <source>Agrees to publish name, profession and affiliation</source>
        <translation>同意公开姓名、专业和所在单位</translation>
    </message>
    <message>
        <source>Works for the institution, or is family of someone who does</source>
        <translation>本机构人员或其亲属</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>参加表决</translation>
    </message>
    <message>
        <source>No end date</source>
        <translation>无结束日期</translation>
    </message>
    <message>
        <source>Choose the member…</source>
        <translation>请选择委员…</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Seat on the committee</source>
        <translation>委员会任职</translation>
    </message>
</context>
<context>
    <name>NumbersSection</name>
    <message>
        <source>Acceptance numbers (受理号) and letter numbers (批件号) are separate series without gaps, counted per year. Write {yyyy} for the year and {seq} for the number; {seq:03d} writes it with three digits (001).</source>
        <translation>受理号和批件号是两套相互独立、连续不间断的编号，按年度计数。用 {yyyy} 表示年份，用 {seq} 表示序号；{seq:03d} 表示序号固定为三位数字（如 001）。</translation>
    </message>
    <message>
        <source>Acceptance numbers</source>
        <translation>受理号</translation>
    </message>
    <message>
        <source>Letter numbers</source>
        <translation>批件号</translation>
    </message>
    <message>
        <source>The first number of {year} will be {example}</source>
        <translation>{year} 年的第一个编号为 {example}</translation>
    </message>
    <message>
        <source>This pattern cannot be used: it {reason}.</source>
        <translation>无法使用此格式：{reason}。</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Everything here belongs to a committee, so set one up first.</source>
        <translation>这里的内容都属于某个委员会，请先设立委员会。</translation>
    </message>
    <message>
        <source>Set up a committee</source>
        <translation>设立委员会</translation>
    </message>
</context>
<context>
    <name>PersonRecordsPanel</name>
    <message>
        <source>Add training…</source>
        <translation>添加培训…</translation>
    </message>
    <message>
        <source>Add declaration…</source>
        <translation>添加声明…</translation>
    </message>
    <message>
        <source>Attach signed file…</source>
        <translation>附加签字文件…</translation>
    </message>
    <message>
        <source>Attach the signed file to the chosen declaration</source>
        <translation>为所选声明附加签字文件</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Declarations</source>
        <translation>声明</translation>
    </message>
    <message>
        <source>Choose a member in the roster to see their training and declarations.</source>
        <translation>在名册中选择一位委员，即可查看其培训和声明。</translation>
    </message>
    <message>
        <source>Training and declarations of {name}</source>
        <translation>{name}的培训与声明</translation>
    </message>
    <message>
        <source>Choose the signed declaration</source>
        <translation>选择已签字的声明</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Member</source>
        <translation>委员序号</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
</context>
<context>
    <name>ProfileHistoryModel</name>
    <message>
        <source>In force from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>适用法规</translation>
    </message>
    <message>
        <source>SOP overrides</source>
        <translation>SOP 调整项</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{date} (in force)</source>
        <translation>{date}（现行）</translation>
    </message>
</context>
<context>
    <name>ProfileSection</name>
    <message>
        <source>e.g. SOP version 4.0, approved 2026-03-01</source>
        <translation>例如：SOP 第 4.0 版，2026-03-01 批准</translation>
    </message>
    <message>
        <source>Regulatory profile</source>
        <translation>适用法规</translation>
    </message>
    <message>
        <source>Applies from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>SOP overrides</source>
        <translation>SOP 调整项</translation>
    </message>
    <message>
        <source>The committee&apos;s SOP may make any rule stricter. It may relax a rule only where the profile leaves it to the SOP; each relaxation is shown beside the rule it departs from.</source>
        <translation>本委员会的标准操作规程（SOP）可以将任何规则定得更严格；只有在适用法规允许由 SOP 规定之处，才可以放宽规则。每项放宽都显示在其所偏离的规则旁。</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>counts toward the quorum</source>
        <translation>计入法定人数</translation>
    </message>
    <message>
        <source>does not count</source>
        <translation>不计入</translation>
    </message>
    <message>
        <source> present</source>
        <translation> 人出席</translation>
    </message>
    <message>
        <source>all members</source>
        <translation>全体委员</translation>
    </message>
    <message>
        <source>the members present</source>
        <translation>出席委员</translation>
    </message>
    <message>
        <source>more than half</source>
        <translation>过半数</translation>
    </message>
    <message>
        <source>two thirds</source>
        <translation>三分之二</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>recorded by name</source>
        <translation>记名</translation>
    </message>
    <message>
        <source>not recorded by name</source>
        <translation>不记名</translation>
    </message>
    <message>
        <source>Remote attendance</source>
        <translation>远程参会</translation>
    </message>
    <message>
        <source>Quorum: at least</source>
        <translation>法定人数：至少</translation>
    </message>
    <message>
        <source>Counted among</source>
        <translation>计票基数</translation>
    </message>
    <message>
        <source>Votes needed</source>
        <translation>通过所需票数</translation>
    </message>
    <message>
        <source>Also required expertise</source>
        <translation>另需专业领域</translation>
    </message>
    <message>
        <source>Continuing review every</source>
        <translation>跟踪审查：每</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>表决方式</translation>
    </message>
    <message>
        <source>Choose the rules the committee applies, and from which day.</source>
        <translation>选择委员会适用的法规及其生效日期。</translation>
    </message>
    <message>
        <source>In force today: {title}, since {date}. A change applies from the date you give; decisions taken before it keep the rules they were taken under.</source>
        <translation>现行适用法规：{title}，自 {date} 起生效。变更自您指定的日期起适用；此前作出的决定仍以当时适用的规则为准。</translation>
    </message>
    <message>
        <source>the profile requires: {value}</source>
        <translation>适用法规要求：{value}</translation>
    </message>
    <message>
        <source>profile: {value}</source>
        <translation>适用法规：{value}</translation>
    </message>
    <message>
        <source>Relaxes rule {rule} ({citation}): the profile says {profile}; this SOP says {value}. The profile leaves this to the committee&apos;s SOP.</source>
        <translation>放宽了规则 {rule}（{citation}）：适用法规规定为“{profile}”，本 SOP 规定为“{value}”。适用法规允许由委员会 SOP 规定此项。</translation>
    </message>
    <message>
        <source>Not allowed: this relaxes rule {rule} ({citation}) — {message}. The profile does not leave this rule to the SOP.</source>
        <translation>不允许：此项放宽了规则 {rule}（{citation}）——{message}。适用法规不允许由 SOP 规定此项。</translation>
    </message>
    <message>
        <source>Not allowed: {reason}.</source>
        <translation>不允许：{reason}。</translation>
    </message>
</context>
<context>
    <name>ReviewsPage</name>
    <message>
        <source>When a submission has been accepted and given primary reviewers, their assignments and worksheets appear here: a score and comment for each approval criterion, and the decision each reviewer recommends.</source>
        <translation>送审受理并指定主审委员后，审查任务和审查工作表会显示在这里：每项批准标准的评分和意见，以及每位主审委员建议的决定。</translation>
    </message>
    <message>
        <source>No reviews yet</source>
        <translation>暂无审查</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>审查</translation>
    </message>
    <message>
        <source>Reviewers assigned to this committee&apos;s submissions.</source>
        <translation>为本委员会送审指定的主审委员。</translation>
    </message>
    <message>
        <source>Review assignments</source>
        <translation>审查任务</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <source>Alternate ({name})</source>
        <translation>候补委员（{name}）</translation>
    </message>
    <message>
        <source>{roles} (non-voting)</source>
        <translation>{roles}（无表决权）</translation>
    </message>
    <message>
        <source>{start} – {end}, ended</source>
        <translation>{start} – {end}，已离任</translation>
    </message>
    <message>
        <source>from {start}</source>
        <translation>自 {start} 起</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>No expiry</source>
        <translation>长期有效</translation>
    </message>
    <message>
        <source>No training is recorded.</source>
        <translation>没有培训记录。</translation>
    </message>
    <message>
        <source>Training expired on {date}.</source>
        <translation>培训已于 {date} 过期。</translation>
    </message>
    <message>
        <source>Training expires on {date}, in {days} days.</source>
        <translation>培训将于 {date} 过期（{days} 天后）。</translation>
    </message>
    <message>
        <source>Training is valid and does not expire.</source>
        <translation>培训有效，无到期日。</translation>
    </message>
    <message>
        <source>Training is valid to {date}.</source>
        <translation>培训有效期至 {date}。</translation>
    </message>
    <message>
        <source>On file</source>
        <translation>已存档</translation>
    </message>
    <message>
        <source>No COI</source>
        <translation>缺利益冲突声明</translation>
    </message>
    <message>
        <source>No confid.</source>
        <translation>缺保密承诺</translation>
    </message>
    <message>
        <source>{declaration}: on file</source>
        <translation>{declaration}：已存档</translation>
    </message>
    <message>
        <source>{declaration}: missing</source>
        <translation>{declaration}：缺失</translation>
    </message>
    <message>
        <source>Standing confidentiality and conflict-of-interest declarations</source>
        <translation>长期有效的保密承诺和利益冲突声明</translation>
    </message>
    <message>
        <source>Affiliated</source>
        <translation>本机构</translation>
    </message>
    <message>
        <source>External</source>
        <translation>非本机构</translation>
    </message>
    <message>
        <source>Ended on {date}</source>
        <translation>已于 {date} 离任</translation>
    </message>
    <message>
        <source>: {reason}</source>
        <translation>：{reason}</translation>
    </message>
    <message>
        <source>The term ran out on {date}; end the membership or renew it.</source>
        <translation>任期已于 {date} 届满，请终止任职或续任。</translation>
    </message>
    <message>
        <source>The term ends in {days} days</source>
        <translation>任期将于 {days} 天后届满</translation>
    </message>
    <message>
        <source>Alternate for {name}</source>
        <translation>{name} 的候补委员</translation>
    </message>
</context>
<context>
    <name>RosterPageView</name>
    <message>
        <source>Add member…</source>
        <translation>添加委员…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>End membership…</source>
        <translation>终止任职…</translation>
    </message>
    <message>
        <source>Show history</source>
        <translation>显示历史</translation>
    </message>
    <message>
        <source>Also list memberships that have ended</source>
        <translation>同时列出已终止的任职</translation>
    </message>
    <message>
        <source>Current and ended</source>
        <translation>现任和已离任</translation>
    </message>
    <message>
        <source>Current only</source>
        <translation>仅现任</translation>
    </message>
    <message>
        <source>Ended only</source>
        <translation>仅已离任</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>全部职务</translation>
    </message>
    <message>
        <source>Search name, profession, employer, expertise</source>
        <translation>搜索姓名、专业、工作单位、专业领域</translation>
    </message>
    <message>
        <source>Independent consultants advise on a project or submission. They are not members: they never vote and never count toward the composition.</source>
        <translation>独立顾问就某个项目或某次送审提供咨询意见。独立顾问不是委员：不参加表决，也不计入委员组成。</translation>
    </message>
    <message>
        <source>Training and declarations</source>
        <translation>培训与声明</translation>
    </message>
    <message>
        <source>Consultants</source>
        <translation>独立顾问</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职务</translation>
    </message>
</context>
<context>
    <name>RosterTransfer</name>
    <message>
        <source>Set up a committee first.</source>
        <translation>请先设立委员会。</translation>
    </message>
    <message>
        <source>The committee no longer exists.</source>
        <translation>该委员会已不存在。</translation>
    </message>
    <message>
        <source>Import roster</source>
        <translation>导入名册</translation>
    </message>
    <message>
        <source>Roster files (*.csv *.json);;CSV (*.csv);;JSON (*.json)</source>
        <translation>名册文件 (*.csv *.json);;CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>{file} cannot be read: {reason}</source>
        <translation>无法读取 {file}：{reason}</translation>
    </message>
    <message>
        <source>EthicsDesk could not do this because of an error; see the log.</source>
        <translation>由于 EthicsDesk 出错，未能完成此操作；详情见日志。</translation>
    </message>
    <message>
        <source>roster</source>
        <translation>名册</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export roster</source>
        <translation>导出名册</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>跟随系统语言</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>The choice could not be saved: {reason}</source>
        <translation>无法保存此选择：{reason}</translation>
    </message>
    <message>
        <source>EthicsDesk will be in {language} from its next start.</source>
        <translation>EthicsDesk 下次启动时将使用{language}。</translation>
    </message>
    <message>
        <source>EthicsDesk will follow the system&apos;s language from its next start.</source>
        <translation>EthicsDesk 下次启动时将跟随系统语言。</translation>
    </message>
    <message>
        <source>Language now</source>
        <translation>当前语言</translation>
    </message>
    <message>
        <source>EthicsDesk keeps everything in one database, in its data folder, on this computer. The committee&apos;s names, filing, number series, terms and regulatory profile are kept in its settings.</source>
        <translation>EthicsDesk 将所有资料保存在本机数据文件夹中的一个数据库里。委员会的名称、备案信息、编号规则、届次和适用法规保存在委员会设置中。</translation>
    </message>
    <message>
        <source>Committee settings…</source>
        <translation>委员会设置…</translation>
    </message>
    <message>
        <source>EthicsDesk keeps everything in one database, in its data folder, on this computer. The data folder is chosen when EthicsDesk starts.</source>
        <translation>EthicsDesk 将全部数据保存在本机数据文件夹中的一个数据库里。数据文件夹在 EthicsDesk 启动时选定。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>To use another data folder, start EthicsDesk with the option --data-dir FOLDER; --lang zh_CN or --lang en chooses the language for one run.</source>
        <translation>如需使用其他数据文件夹，请以 --data-dir 文件夹 选项启动 EthicsDesk；--lang zh_CN 或 --lang en 可为单次运行指定语言。</translation>
    </message>
    <message>
        <source>Committee</source>
        <translation>委员会</translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <source>No committee is set up for this institution.</source>
        <translation>该机构尚未设立委员会。</translation>
    </message>
    <message>
        <source>Committees: {count}</source>
        <translation>委员会：{count} 个</translation>
    </message>
    <message>
        <source>One committee.</source>
        <translation>共一个委员会。</translation>
    </message>
</context>
<context>
    <name>TermNumberBox</name>
    <message>
        <source>Term {number}</source>
        <translation>第{number}届</translation>
    </message>
</context>
<context>
    <name>TermsModel</name>
    <message>
        <source>Term</source>
        <translation>届次</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Appointment document</source>
        <translation>聘任文件</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Term {number}</source>
        <translation>第{number}届</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未定</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>尚未保存</translation>
    </message>
</context>
<context>
    <name>TermsSection</name>
    <message>
        <source>Each term of office (第N届) with its dates and the document that appointed it. New terms are written when you save.</source>
        <translation>委员会每一届（第N届）的起止日期和聘任文件。新增的届次在保存时写入。</translation>
    </message>
    <message>
        <source>Add a term</source>
        <translation>新增届次</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>结束于</translation>
    </message>
    <message>
        <source>e.g. 明医发〔2026〕12号</source>
        <translation>例如：明医发〔2026〕12号</translation>
    </message>
    <message>
        <source>Add term</source>
        <translation>添加届次</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove a term that has not been saved yet</source>
        <translation>移除尚未保存的届次</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>届次</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Appointment document</source>
        <translation>聘任文件</translation>
    </message>
    <message>
        <source>Term {number} is in the list already.</source>
        <translation>第{number}届已在列表中。</translation>
    </message>
    <message>
        <source>The term cannot end before it starts.</source>
        <translation>本届结束日期不能早于开始日期。</translation>
    </message>
</context>
<context>
    <name>TrainingDialog</name>
    <message>
        <source>Add training: {name}</source>
        <translation>添加培训记录：{name}</translation>
    </message>
    <message>
        <source>e.g. GCP 与伦理审查培训</source>
        <translation>例如：GCP 与伦理审查培训</translation>
    </message>
    <message>
        <source>Does not expire</source>
        <translation>长期有效</translation>
    </message>
    <message>
        <source>Course *</source>
        <translation>课程名称*</translation>
    </message>
    <message>
        <source>Taken on</source>
        <translation>培训日期</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Add training</source>
        <translation>添加培训</translation>
    </message>
    <message>
        <source>the course</source>
        <translation>课程名称</translation>
    </message>
    <message>
        <source>Training cannot expire before it was taken.</source>
        <translation>有效期不能早于培训日期。</translation>
    </message>
</context>
<context>
    <name>TrainingModel</name>
    <message>
        <source>Course</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>培训日期</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>长期有效</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>more than half of all members</source>
        <translation>全体委员过半数</translation>
    </message>
    <message>
        <source>more than half of the members present</source>
        <translation>出席委员过半数</translation>
    </message>
    <message>
        <source>two thirds of all members</source>
        <translation>全体委员三分之二以上</translation>
    </message>
    <message>
        <source>two thirds of the members present</source>
        <translation>出席委员三分之二以上</translation>
    </message>
    <message>
        <source>remote attendance counts</source>
        <translation>远程参会计入</translation>
    </message>
    <message>
        <source>remote attendance does not count</source>
        <translation>远程参会不计入</translation>
    </message>
    <message>
        <source>no fixed minimum</source>
        <translation>无最低人数要求</translation>
    </message>
    <message>
        <source>at least {count} present</source>
        <translation>至少 {count} 人出席</translation>
    </message>
    <message>
        <source>of all members</source>
        <translation>以全体委员为基数</translation>
    </message>
    <message>
        <source>of the members present</source>
        <translation>以出席委员为基数</translation>
    </message>
    <message>
        <source>more than half</source>
        <translation>过半数</translation>
    </message>
    <message>
        <source>two thirds</source>
        <translation>三分之二</translation>
    </message>
    <message>
        <source>none beyond the profile</source>
        <translation>无额外要求</translation>
    </message>
    <message>
        <source>no interval set</source>
        <translation>未设定间隔</translation>
    </message>
    <message>
        <source>every {months} months</source>
        <translation>每 {months} 个月</translation>
    </message>
    <message>
        <source>votes recorded by name</source>
        <translation>记名表决</translation>
    </message>
    <message>
        <source>votes not recorded by name</source>
        <translation>不记名表决</translation>
    </message>
</context>
<context>
    <name>WarningBar</name>
    <message>
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <source>Welcome to EthicsDesk</source>
        <translation>欢迎使用 EthicsDesk</translation>
    </message>
    <message>
        <source>This data folder holds no committee yet. Set up your institution&apos;s committee to start from an empty roster, or open the demo to look around first.</source>
        <translation>此数据文件夹中还没有委员会。可以为本机构设立委员会，从空白名册开始；也可以先打开演示数据看看。</translation>
    </message>
    <message>
        <source>Create an empty committee</source>
        <translation>创建空白委员会</translation>
    </message>
    <message>
        <source>Open the demo</source>
        <translation>打开演示数据</translation>
    </message>
    <message>
        <source>A fictional hospital with two committees, one of them with a full roster of 15 members, to try EthicsDesk without typing anything. Every name in it is made up.</source>
        <translation>一家虚构的医院，设有两个委员会，其中一个有完整的 15 人委员名册，无需录入即可试用 EthicsDesk。其中的名称全部为虚构。</translation>
    </message>
    <message>
        <source>The demo is written into this data folder. Keep your own committee&apos;s records in another data folder.</source>
        <translation>演示数据会写入此数据文件夹。请将本委员会的真实资料保存在另一个数据文件夹中。</translation>
    </message>
    <message>
        <source>Enter the institution&apos;s name in Chinese.</source>
        <translation>请填写机构的中文名称。</translation>
    </message>
    <message>
        <source>Enter the committee&apos;s name in Chinese.</source>
        <translation>请填写委员会的中文名称。</translation>
    </message>
    <message>
        <source>Building the demo…</source>
        <translation>正在生成演示数据…</translation>
    </message>
    <message>
        <source>The demo could not be built because of an error in EthicsDesk. The details are in the log.</source>
        <translation>EthicsDesk 出错，未能生成演示数据。详细信息已写入日志。</translation>
    </message>
</context>
<context>
    <name>run_gui</name>
    <message>
        <source>EthicsDesk cannot open its database.

{reason}</source>
        <translation>EthicsDesk 无法打开数据库。

{reason}</translation>
    </message>
    <message>
        <source>EthicsDesk cannot reach its database. Check the data folder or the database address, then start it again.

{reason}</source>
        <translation>EthicsDesk 无法连接数据库。请检查数据文件夹或数据库地址，然后重新启动。

{reason}</translation>
    </message>
</context>
</TS>
