// Values computed by hand (Python's decimal module at 50 digits) from
// docs/valuation-model.md and the preset table in
// crates/core/src/model/presets.rs, never from the app. Raw values are kept so that
// tests compare to 0.005 per share as the spec asks; the display strings
// are those values rounded half away from zero.
//
// Base, for example (n = 2026 - 2025 = 1, every core segment on 22x P/E):
//   smartphones 170m x (1 - 5.9%) x RMB 1,100 = RMB 175.967bn x 4%  = 7.03868  x 22 = 154.85096
//   iot         128 x 1.08                   = RMB 138.24bn   x 8%  = 11.0592  x 22 = 243.3024
//   internet    37.2 x 1.08                  = RMB 40.176bn   x 48% = 19.28448 x 22 = 424.25856
//   ev          650,000 x RMB 255,000        = RMB 165.75bn   x 3.0 EV/Sales       = 497.25
//   sum 1,319.66192bn / 26.04bn shares x 1.095 HKD/RMB = HK$55.4927 a share; 55.4927 / 40.34 - 1 = +37.6%

export const PRICE = 'HK$40.34';

export interface Expected {
  perShare: number;
  text: string;
  upside: string;
  verdict?: string;
  segments: Record<string, string>;
  group?: Record<string, string>;
}

const zeroGroup = {
  'holding-discount': 'HK$0.00',
  'net-cash': 'HK$0.00',
  investments: 'HK$0.00',
  other: 'HK$0.00',
  buybacks: 'HK$0.00',
  'shares-retired': 'HK$0.00',
};

export const PRESETS: Record<'Bear' | 'Base' | 'Bull', Expected> = {
  Bear: {
    perShare: 27.30593173963134,
    text: 'HK$27.31',
    upside: '-32.3%',
    verdict: 'Bear case: HK$27.31 a share, 32.3% below HK$40.34',
    segments: { smartphones: 'HK$3.04', iot: 'HK$5.82', internet: 'HK$10.88', ev: 'HK$7.57' },
    group: zeroGroup,
  },
  Base: {
    perShare: 55.49269594470046,
    text: 'HK$55.49',
    upside: '+37.6%',
    verdict: 'Base case: HK$55.49 a share, 37.6% above HK$40.34',
    // ev: 497.25 / 26.04 x 1.095 = 20.9099..., so HK$20.91.
    segments: { smartphones: 'HK$6.51', iot: 'HK$10.23', internet: 'HK$17.84', ev: 'HK$20.91' },
    group: zeroGroup,
  },
  Bull: {
    perShare: 82.5911319124424,
    text: 'HK$82.59',
    upside: '+104.7%',
    verdict: 'Bull case: HK$82.59 a share, 104.7% above HK$40.34',
    segments: { smartphones: 'HK$11.10', iot: 'HK$15.04', internet: 'HK$23.65', ev: 'HK$32.80' },
    group: zeroGroup,
  },
};

/** Base with EV deliveries 800,000: ev 204bn x 3.0 = 612bn; sum 1,434.41192bn. */
export const BASE_EV_800K: Expected = {
  perShare: 60.31801276497696,
  text: 'HK$60.32',
  upside: '+49.5%',
  verdict: 'Custom case: HK$60.32 a share, 49.5% above HK$40.34',
  segments: { smartphones: 'HK$6.51', iot: 'HK$10.23', internet: 'HK$17.84', ev: 'HK$25.74' },
};

/** Base with the EV segment on EV/EBIT: 165.75bn x 5% = 8.2875bn x 3.0 = 24.8625bn. */
export const BASE_EV_EBIT: Expected = {
  perShare: 35.62847503456221,
  text: 'HK$35.63',
  upside: '-11.7%',
  segments: { smartphones: 'HK$6.51', iot: 'HK$10.23', internet: 'HK$17.84', ev: 'HK$1.05' },
};

/**
 * fixtures/valid-xiaomi-custom.json (n = 2, fx 1.1, price as a JSON number):
 *   smartphones 170m x 0.97^2 x 1,200 = 191.9436bn x 4.5% x 18 = 155.474bn
 *   iot 128 x 1.1^2 = 154.88bn x 8% x 20 = 247.808bn
 *   internet 37.2 x 1.09^2 = 44.19732bn x 50% x 20 = 441.9732bn
 *   ev 700,000 x 250,000 = 175bn x 6% EBIT x 25 EV/EBIT = 262.5bn
 *   sum 1,107.755bn; holding discount 10% = -110.7755bn; net cash +50; investments 60 x 0.7 = +42;
 *   other -10; buybacks HK$5bn / 1.1 = -4.5454bn; equity 1,064.4341bn
 *   shares 26.04 - 5 / 40.34 = 25.91605bn; x 1.1 = HK$45.6041 a share, +13.0%
 */
export const IMPORT_XIAOMI: Expected = {
  perShare: 45.60408701092578,
  text: 'HK$45.60',
  upside: '+13.0%',
  // Bridge lines per share before the buyback (26.04bn shares, x 1.1);
  // the 0.12395bn shares retired give back 45.6041 - 1,064.4341 / 26.04
  // x 1.1 = HK$0.22 (issue 27).
  segments: { smartphones: 'HK$6.57', iot: 'HK$10.47', internet: 'HK$18.67', ev: 'HK$11.09' },
  group: {
    'holding-discount': '-HK$4.68',
    'net-cash': 'HK$2.11',
    investments: 'HK$1.77',
    other: '-HK$0.42',
    buybacks: '-HK$0.19',
    'shares-retired': 'HK$0.22',
  },
};

/**
 * fixtures/valid-generic.json (USD, n = 3):
 *   software 10 x 1.1^3 = 13.31bn x 25% EBIT x 12 = 39.93bn
 *   hardware 8bn x 0.5 EV/Sales = 4bn (its -5% margin is unused)
 *   equity 39.93 + 4 - 3 net debt = 40.93bn / 2bn shares = US$20.465 exactly,
 *   which rounds half away from zero to US$20.47; 20.465 / 12.5 - 1 = +63.7%
 */
export const IMPORT_GENERIC: Expected = {
  perShare: 20.465,
  text: 'US$20.47',
  upside: '+63.7%',
  segments: { software: 'US$19.97', hardware: 'US$2.00' },
  group: { 'net-cash': '-US$1.50' },
};
