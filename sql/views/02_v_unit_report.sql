-- Helper view: the reports behind each unit × fiscal year. Only the most comprehensive kind
-- present counts towards the unit's figures (department > special_fund > project >
-- final_accounts > budget), so a project report is not added on top of the department report
-- that already contains it, and a unit that publishes only its 决算 or 预算 still has figures.
CREATE OR REPLACE VIEW v_unit_report AS
WITH live AS (
    SELECT r.*,
           CASE r.report_kind WHEN 'department' THEN 1 WHEN 'special_fund' THEN 2 WHEN 'project' THEN 3
                               WHEN 'final_accounts' THEN 4 WHEN 'budget' THEN 5 END AS kind_priority
    FROM reports r JOIN documents d USING (document_id)
    WHERE d.missing_since IS NULL AND d.status IN ('loaded', 'partial')
)
SELECT l.report_id, l.document_id, l.unit_key, l.unit_name, l.region, l.fiscal_year, l.report_kind, l.kind_priority,
       coalesce(l.kind_priority = min(l.kind_priority) OVER (PARTITION BY l.unit_key, l.fiscal_year), FALSE)
       -- A unit publishes one 决算 and one 预算 a year (a 单位预算 beside the 部门预算 repeats
       -- the same money): only one of each counts, the department's first.
       AND (l.kind_priority <= 3 OR row_number() OVER (
                PARTITION BY l.unit_key, l.fiscal_year, l.report_kind
                ORDER BY coalesce(l.title LIKE '%部门%', FALSE) DESC, l.document_id, l.report_id) = 1) AS counted,
       l.score_total, l.grade_text, l.grade_rank,
       q.checks_run, q.checks_failed, q.errors AS failed_errors, q.failed_checks, q.dq_status
FROM live l LEFT JOIN v_report_dq q USING (report_id);
COMMENT ON VIEW v_unit_report IS '单位年度所含报告：标明哪些报告计入单位年度汇总（部门整体 > 专项资金 > 单个项目 > 决算 > 预算）';
COMMENT ON COLUMN v_unit_report.report_id IS '报告ID';
COMMENT ON COLUMN v_unit_report.document_id IS '文件ID（内容哈希）';
COMMENT ON COLUMN v_unit_report.unit_key IS '单位标准名';
COMMENT ON COLUMN v_unit_report.unit_name IS '单位名称（原文）';
COMMENT ON COLUMN v_unit_report.region IS '地区';
COMMENT ON COLUMN v_unit_report.fiscal_year IS '评价年度';
COMMENT ON COLUMN v_unit_report.report_kind IS '报告类型';
COMMENT ON COLUMN v_unit_report.kind_priority IS '报告类型优先级（1部门整体，2专项资金，3单个项目，4决算，5预算）';
COMMENT ON COLUMN v_unit_report.counted IS '是否计入单位年度汇总';
COMMENT ON COLUMN v_unit_report.score_total IS '自评得分';
COMMENT ON COLUMN v_unit_report.grade_text IS '评价等级（原文）';
COMMENT ON COLUMN v_unit_report.grade_rank IS '等级序号（1最好）';
COMMENT ON COLUMN v_unit_report.checks_run IS '已运行检查数';
COMMENT ON COLUMN v_unit_report.checks_failed IS '未通过检查数';
COMMENT ON COLUMN v_unit_report.failed_errors IS '错误级未通过数';
COMMENT ON COLUMN v_unit_report.failed_checks IS '未通过的检查名称';
COMMENT ON COLUMN v_unit_report.dq_status IS '数据质量状态 ok/warning/error';
