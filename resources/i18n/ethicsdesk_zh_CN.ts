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
    <message>
        <source>Also named</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>所属机构</translation>
    </message>
    <message>
        <source>Regulatory profile</source>
        <translation>适用法规</translation>
    </message>
    <message>
        <source>none in force today</source>
        <translation>当前无生效的适用法规</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>法规全称</translation>
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
        <source>Seats held today. Voting members are the chair, vice-chairs and members who vote; other seats are alternates and non-voting secretaries.</source>
        <translation>当前在任的席位。有表决权的委员指主任委员、副主任委员和参加表决的委员；其他席位指候补委员和不参加表决的秘书。</translation>
    </message>
    <message>
        <source>No members are recorded for this committee yet.</source>
        <translation>该委员会尚未登记任何委员。</translation>
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
    <name>Profiles</name>
    <message>
        <source>China: 2023 Measures</source>
        <translation>中国：2023年审查办法</translation>
    </message>
    <message>
        <source>Measures for Ethical Review of Life Science and Medical Research Involving Humans (2023)</source>
        <translation>涉及人的生命科学和医学研究伦理审查办法（2023年）</translation>
    </message>
    <message>
        <source>China: 2016 Measures (Order No. 11)</source>
        <translation>中国：2016年审查办法（11号令）</translation>
    </message>
    <message>
        <source>Measures for Ethical Review of Biomedical Research Involving Humans (2016, NHFPC Order No. 11)</source>
        <translation>涉及人的生物医学研究伦理审查办法（2016年，国家卫生计生委令第11号）</translation>
    </message>
    <message>
        <source>China: drug GCP (2020)</source>
        <translation>中国：药物临床试验GCP（2020年）</translation>
    </message>
    <message>
        <source>Good Clinical Practice for Drug Clinical Trials (2020)</source>
        <translation>药物临床试验质量管理规范（2020年）</translation>
    </message>
    <message>
        <source>China: science and technology ethics (2023)</source>
        <translation>中国：科技伦理审查（2023年）</translation>
    </message>
    <message>
        <source>Measures for Science and Technology Ethics Review (Trial, 2023)</source>
        <translation>科技伦理审查办法（试行）（2023年）</translation>
    </message>
    <message>
        <source>ICH E6 (GCP)</source>
        <translation>ICH E6（GCP）</translation>
    </message>
    <message>
        <source>ICH E6 Guideline for Good Clinical Practice</source>
        <translation>ICH E6 药物临床试验质量管理规范指导原则</translation>
    </message>
    <message>
        <source>US: Common Rule (45 CFR 46)</source>
        <translation>美国：通用规则（45 CFR 46）</translation>
    </message>
    <message>
        <source>Protection of Human Subjects, 45 CFR 46 (the Common Rule, 2018)</source>
        <translation>美国联邦法规 45 CFR 46 人类受试者保护（通用规则，2018年）</translation>
    </message>
    <message>
        <source>US: FDA (21 CFR 56)</source>
        <translation>美国：FDA（21 CFR 56）</translation>
    </message>
    <message>
        <source>FDA Institutional Review Boards, 21 CFR 56</source>
        <translation>美国联邦法规 21 CFR 56 机构审查委员会（FDA）</translation>
    </message>
    <message>
        <source>WHO (2011)</source>
        <translation>世界卫生组织（2011年）</translation>
    </message>
    <message>
        <source>WHO Standards and Operational Guidance for Ethics Review of Health-Related Research with Human Participants (2011)</source>
        <translation>世界卫生组织《涉及人类受试者的健康相关研究伦理审查标准与操作指南》（2011年）</translation>
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
        <source>Chinese (Simplified)</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英语</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>EthicsDesk keeps everything in one database, in its data folder, on this computer. The data folder and the language are chosen when EthicsDesk starts.</source>
        <translation>EthicsDesk 将所有资料保存在本机数据文件夹中的一个数据库里。数据文件夹和界面语言在 EthicsDesk 启动时确定。</translation>
    </message>
    <message>
        <source>To use another data folder or language, start EthicsDesk with the options --data-dir FOLDER and --lang zh_CN or --lang en.</source>
        <translation>如需使用其他数据文件夹或语言，请在启动 EthicsDesk 时加上选项 --data-dir 文件夹，以及 --lang zh_CN 或 --lang en。</translation>
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
        <source>The database could not be written: {reason}</source>
        <translation>无法写入数据库：{reason}</translation>
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
