-- Money and measurement units, loaded from vocab/money_units.csv (the same file Python reads):
-- each printed spelling with its factor to the base unit (yuan; % and 分 are their own base).
CREATE TABLE IF NOT EXISTS money_units (
    unit           VARCHAR PRIMARY KEY,  -- as printed: 万元, 万, 千元, %, 分 …
    canonical      VARCHAR NOT NULL,     -- the spelling it stands for (万 → 万元)
    kind           VARCHAR NOT NULL,     -- money | percent | score | measure (个, 人次: no conversion)
    factor         DOUBLE NOT NULL,      -- × this = base unit (yuan for money)
    in_headers     BOOLEAN NOT NULL,     -- accepted as a table's unit (单位：万元)
    table_default  BOOLEAN NOT NULL      -- the unit of a budget table that prints none
);

-- Factor of a printed unit; 1 for none or an unknown one (the figure is compared as printed).
CREATE OR REPLACE MACRO unit_factor(u) AS
    coalesce((SELECT mu.factor FROM money_units mu WHERE mu.unit = u), 1.0);

-- The rounding interval of a printed figure (XBRL Calculations 1.1): a value printed with d
-- decimals in unit u stands for v ± ½·10⁻ᵈ units. `amount` is the figure in base units
-- (amount_yuan for money, the value itself for % and 分); lo, hi and half are in base units.
-- Every check in sql/checks/ takes its tolerances from here; Python's twin is
-- pipeline.normalize.money.printed_interval (tests/unit/test_money_units.py holds them equal).
CREATE OR REPLACE MACRO printed_interval(amount, d, u) AS {
    'lo': CAST(amount AS DOUBLE) - 0.5 * pow(10, -coalesce(d, 0)) * unit_factor(u),
    'hi': CAST(amount AS DOUBLE) + 0.5 * pow(10, -coalesce(d, 0)) * unit_factor(u),
    'half': 0.5 * pow(10, -coalesce(d, 0)) * unit_factor(u)
};

-- Printed arithmetic (表内勾稽关系), the rule an auditor applies to a published page: the
-- parts as printed, added up, give the printed total at the precision of the list (`coarsest_half`,
-- from list_half below). The identity checks hold a sum within the rounding intervals above
-- (the contract's rule); where it holds only so, the same sum judged as printed is a
-- `printed_balance` row: a reader who adds up the page's figures finds it unbalanced (尾差未调平).
-- Python's twin: pipeline.normalize.money.printed_sum_agrees.
CREATE OR REPLACE MACRO printed_sum_agrees(total, parts_sum, coarsest_half) AS
    abs(CAST(total AS DOUBLE) - CAST(parts_sum AS DOUBLE)) <= CAST(coarsest_half AS DOUBLE) * (1 + 1e-9) + 1e-6;

-- A printed ratio (执行率) agrees with the figures printed beside it when recomputing it from
-- them, rounding to one place more and then to the printed places, gives it (97.80 % beside
-- 31.69 / 32.4 = 97.809 % does not; 44.5 % beside 969 / 2180 = 44.4495 % does). `half` is the
-- ratio's printed_interval half. Python's twin: pipeline.normalize.money.printed_ratio_agrees.
CREATE OR REPLACE MACRO printed_ratio_agrees(printed, computed, half) AS
    abs(CAST(printed AS DOUBLE) - CAST(computed AS DOUBLE)) <= 1.1 * CAST(half AS DOUBLE) + 1e-9;

-- What a printed_balance finding adds to its identity's sentence.
CREATE OR REPLACE MACRO printed_balance_note(ok) AS
    CASE WHEN ok THEN '' ELSE '（差额在各数四舍五入范围内，但按印出的数字计算不平：尾差未调平）' END;

-- The precision of a printed list (a total and its parts, a table column): the finest printed
-- among its figures in the total's unit — a figure printed with fewer decimals than its
-- neighbours lost its trailing zeros (80 beside 380.17 and 460.06 is 80.00) — unless a part is
-- printed in another, coarser unit (1.2亿元 among 万元 figures), whose rounding then counts.
-- `same_unit_min`: the smallest half among the parts printed in the total's unit (null: none);
-- `other_unit_max`: the largest half among non-zero parts printed in another unit (null: none).
-- Python's twin: pipeline.normalize.money.list_half.
CREATE OR REPLACE MACRO list_half(whole_half, same_unit_min, other_unit_max) AS
    greatest(least(CAST(whole_half AS DOUBLE), coalesce(CAST(same_unit_min AS DOUBLE), CAST(whole_half AS DOUBLE))),
             coalesce(CAST(other_unit_max AS DOUBLE), 0));
