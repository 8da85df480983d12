CREATE OR REPLACE VIEW v_year_ranking AS
SELECT unit_key, unit_name, region, fiscal_year, score, execution_rate_pct,
       rank() OVER (PARTITION BY fiscal_year ORDER BY score DESC NULLS LAST) AS score_rank,
       rank() OVER (PARTITION BY fiscal_year ORDER BY execution_rate_pct DESC NULLS LAST) AS execution_rank,
       rank() OVER (PARTITION BY fiscal_year, region ORDER BY score DESC NULLS LAST) AS score_rank_in_region,
       rank() OVER (PARTITION BY fiscal_year, region ORDER BY execution_rate_pct DESC NULLS LAST) AS execution_rank_in_region,
       dq_status
FROM v_unit_year;
COMMENT ON VIEW v_year_ranking IS '年度单位排名：按得分与执行率（全体及地区内）';
COMMENT ON COLUMN v_year_ranking.unit_key IS '单位标准名';
COMMENT ON COLUMN v_year_ranking.unit_name IS '单位名称';
COMMENT ON COLUMN v_year_ranking.region IS '地区';
COMMENT ON COLUMN v_year_ranking.fiscal_year IS '评价年度';
COMMENT ON COLUMN v_year_ranking.score IS '自评得分';
COMMENT ON COLUMN v_year_ranking.execution_rate_pct IS '预算执行率（%）';
COMMENT ON COLUMN v_year_ranking.score_rank IS '得分排名';
COMMENT ON COLUMN v_year_ranking.execution_rank IS '执行率排名';
COMMENT ON COLUMN v_year_ranking.score_rank_in_region IS '地区内得分排名';
COMMENT ON COLUMN v_year_ranking.execution_rank_in_region IS '地区内执行率排名';
COMMENT ON COLUMN v_year_ranking.dq_status IS '数据质量状态';
