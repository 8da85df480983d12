CREATE OR REPLACE VIEW v_indicator_attainment AS
SELECT ur.unit_key, ur.unit_name, ur.region, ur.fiscal_year, ur.report_kind, i.report_id, i.project_id,
       p.project_code, p.project_name, i.level1, i.level2, i.name,
       i.target_text, i.target_op, i.target_value, i.target_unit, i.actual_text, i.actual_value, i.actual_unit,
       i.weight, i.score, i.weight - i.score AS points_lost, i.attained,
       coalesce(i.score >= i.weight AND i.attained = FALSE, FALSE) AS full_marks_but_missed,
       i.deviation_reason, i.source_ref, ur.dq_status
FROM fact_indicators i
JOIN v_unit_report ur USING (report_id)
LEFT JOIN projects p USING (project_id)
WHERE NOT coalesce(i.is_twin, FALSE);
COMMENT ON VIEW v_indicator_attainment IS '绩效指标完成情况：年度指标值与实际完成值、是否达成、分值与得分，并标出满分但未达成目标的指标';
COMMENT ON COLUMN v_indicator_attainment.unit_key IS '单位标准名';
COMMENT ON COLUMN v_indicator_attainment.unit_name IS '单位名称（原文）';
COMMENT ON COLUMN v_indicator_attainment.region IS '地区';
COMMENT ON COLUMN v_indicator_attainment.fiscal_year IS '评价年度';
COMMENT ON COLUMN v_indicator_attainment.report_kind IS '报告类型';
COMMENT ON COLUMN v_indicator_attainment.report_id IS '报告ID';
COMMENT ON COLUMN v_indicator_attainment.project_id IS '项目ID（空表示报告层级）';
COMMENT ON COLUMN v_indicator_attainment.project_code IS '项目编码';
COMMENT ON COLUMN v_indicator_attainment.project_name IS '项目名称';
COMMENT ON COLUMN v_indicator_attainment.level1 IS '一级指标';
COMMENT ON COLUMN v_indicator_attainment.level2 IS '二级指标';
COMMENT ON COLUMN v_indicator_attainment.name IS '三级指标';
COMMENT ON COLUMN v_indicator_attainment.target_text IS '年度指标值（原文）';
COMMENT ON COLUMN v_indicator_attainment.target_op IS '比较符';
COMMENT ON COLUMN v_indicator_attainment.target_value IS '目标数值';
COMMENT ON COLUMN v_indicator_attainment.target_unit IS '目标单位';
COMMENT ON COLUMN v_indicator_attainment.actual_text IS '实际完成值（原文）';
COMMENT ON COLUMN v_indicator_attainment.actual_value IS '实际数值';
COMMENT ON COLUMN v_indicator_attainment.actual_unit IS '实际单位';
COMMENT ON COLUMN v_indicator_attainment.weight IS '分值';
COMMENT ON COLUMN v_indicator_attainment.score IS '得分';
COMMENT ON COLUMN v_indicator_attainment.points_lost IS '扣分（分值−得分）';
COMMENT ON COLUMN v_indicator_attainment.attained IS '是否达成（无法判断时为空）';
COMMENT ON COLUMN v_indicator_attainment.full_marks_but_missed IS '满分但未达成目标（得分≥分值且未达成）';
COMMENT ON COLUMN v_indicator_attainment.deviation_reason IS '偏差原因分析及改进措施';
COMMENT ON COLUMN v_indicator_attainment.source_ref IS '出处';
COMMENT ON COLUMN v_indicator_attainment.dq_status IS '数据质量状态 ok/warning/error（所在报告）';
