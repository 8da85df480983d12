CREATE OR REPLACE VIEW v_year_ranking AS
SELECT unit_key, unit_name, region, fiscal_year, report_kind, score, execution_rate_pct,
       CASE WHEN score IS NOT NULL THEN
           rank() OVER (PARTITION BY fiscal_year, score IS NULL ORDER BY score DESC) END AS score_rank,
       CASE WHEN execution_rate_pct IS NOT NULL THEN
           rank() OVER (PARTITION BY fiscal_year, execution_rate_pct IS NULL ORDER BY execution_rate_pct DESC) END AS execution_rank,
       CASE WHEN score IS NOT NULL AND region IS NOT NULL THEN
           rank() OVER (PARTITION BY fiscal_year, region, score IS NULL ORDER BY score DESC) END AS score_rank_in_region,
       CASE WHEN execution_rate_pct IS NOT NULL AND region IS NOT NULL THEN
           rank() OVER (PARTITION BY fiscal_year, region, execution_rate_pct IS NULL ORDER BY execution_rate_pct DESC) END
           AS execution_rank_in_region,
       count(*) OVER (PARTITION BY fiscal_year) AS units_in_year,
       count(*) OVER (PARTITION BY fiscal_year, region) AS units_in_region,
       failed_identities, dq_status
FROM v_unit_year;
COMMENT ON VIEW v_year_ranking IS '年度单位排名：同一评价年度内及同一地区内，按自评得分与预算执行率排名（RANK，并列同名次；无值不排名）';
COMMENT ON COLUMN v_year_ranking.unit_key IS '单位标准名';
COMMENT ON COLUMN v_year_ranking.unit_name IS '单位名称';
COMMENT ON COLUMN v_year_ranking.region IS '地区';
COMMENT ON COLUMN v_year_ranking.fiscal_year IS '评价年度';
COMMENT ON COLUMN v_year_ranking.report_kind IS '计入的报告类型';
COMMENT ON COLUMN v_year_ranking.score IS '自评得分';
COMMENT ON COLUMN v_year_ranking.execution_rate_pct IS '预算执行率（%）';
COMMENT ON COLUMN v_year_ranking.score_rank IS '年度得分排名';
COMMENT ON COLUMN v_year_ranking.execution_rank IS '年度执行率排名';
COMMENT ON COLUMN v_year_ranking.score_rank_in_region IS '地区内得分排名';
COMMENT ON COLUMN v_year_ranking.execution_rank_in_region IS '地区内执行率排名';
COMMENT ON COLUMN v_year_ranking.units_in_year IS '当年单位数';
COMMENT ON COLUMN v_year_ranking.units_in_region IS '当年地区内单位数';
COMMENT ON COLUMN v_year_ranking.failed_identities IS '未通过的勾稽检查数';
COMMENT ON COLUMN v_year_ranking.dq_status IS '数据质量状态 ok/warning/error';
