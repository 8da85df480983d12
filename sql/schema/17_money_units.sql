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
