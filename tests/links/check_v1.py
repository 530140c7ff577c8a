#!/usr/bin/env python3
"""A second reader of share links of format v1, written from the format's
description in crates/core/src/link.rs and the spec's valuation, independent of the Rust
code. It computes the value per share of a link with Python's decimal module
at 40 digits; that is where the expected values of v1.txt come from.

    python3 tests/links/check_v1.py 's1.3AEL...'      # one fragment
    python3 tests/links/check_v1.py < tests/links/v1.txt   # check the corpus

With a corpus on stdin it prints each line's value and whether it matches
the expected value written on the line.
"""

import base64
import sys
import zlib
from decimal import ROUND_HALF_UP, Decimal, getcontext

getcontext().prec = 40


class Reader:
    def __init__(self, data):
        self.data = data
        self.at = 0

    def byte(self):
        b = self.data[self.at]
        self.at += 1
        return b

    def leb128(self, max_bits):
        value, shift = 0, 0
        while True:
            b = self.byte()
            assert shift < max_bits, "too wide"
            value |= (b & 0x7F) << shift
            if not b & 0x80:
                assert not (b == 0 and shift > 0), "not minimal"
                assert value < 1 << max_bits, "too wide"
                return value
            shift += 7

    def text(self):
        n = self.leb128(32)
        raw = self.data[self.at : self.at + n]
        assert len(raw) == n
        self.at += n
        return raw.decode("utf-8")

    def year(self):
        z = self.leb128(32)
        return (z >> 1) ^ -(z & 1)

    def decimal(self):
        head = self.byte()
        assert head & 0x60 == 0
        scale = head & 0x1F
        assert scale <= 28
        mantissa = self.leb128(96)
        return Decimal((1 if head & 0x80 else 0, tuple(int(c) for c in str(mantissa)), -scale))


def payload(fragment):
    fragment = fragment.removeprefix("#")
    assert fragment.startswith("s1."), "not a v1 link"
    data = fragment[3:]
    raw = base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))
    assert base64.urlsafe_b64encode(raw).decode().rstrip("=") == data, "non-canonical base64"
    r = Reader(raw)
    length = r.leb128(14)
    body = raw[r.at : r.at + length]
    crc = raw[r.at + length :]
    assert len(body) == length and len(crc) == 4, "length"
    assert zlib.crc32(raw[:-4]) == int.from_bytes(crc, "little"), "crc"
    return body


def scenario(fragment):
    r = Reader(payload(fragment))
    s = {}
    s["name"] = r.text()
    s["company"] = {"name": r.text(), "ticker": r.text()}
    s["reporting_currency"] = r.text()
    s["listing_currency"] = r.text()
    s["fx_listing_per_reporting"] = r.decimal()
    s["price"] = r.decimal()
    flag = r.byte()
    assert flag in (0, 1)
    if flag:
        s["price_date"] = r.text()
    s["shares_bn"] = r.decimal()
    s["base_year"] = r.year()
    s["valuation_year"] = r.year()
    segments = []
    for _ in range(r.leb128(32)):
        seg = {"id": r.text(), "name": r.text()}
        kind = r.byte()
        if kind == 0:
            seg["driver"] = {"kind": "units", "units": r.decimal(), "asp": r.decimal()}
        elif kind == 1:
            seg["driver"] = {
                "kind": "units_growth",
                "base_units": r.decimal(),
                "growth_pct": r.decimal(),
                "asp": r.decimal(),
            }
        elif kind == 2:
            seg["driver"] = {"kind": "revenue", "revenue_bn": r.decimal()}
        elif kind == 3:
            seg["driver"] = {"kind": "revenue_growth", "base_revenue_bn": r.decimal(), "growth_pct": r.decimal()}
        else:
            raise AssertionError("driver kind")
        seg["margin_pct"] = r.decimal()
        seg["method"] = ["pe", "ev_ebit", "ev_sales"][r.byte()]
        seg["multiple"] = r.decimal()
        segments.append(seg)
    s["segments"] = segments
    for key in [
        "net_cash_bn",
        "investments_bn",
        "investments_discount_pct",
        "other_bn",
        "holding_discount_pct",
        "buyback_listing_bn",
    ]:
        s[key] = r.decimal()
    assert r.at == len(r.data), "bytes after the scenario"
    return s


def per_share_listing(s):
    """The spec's valuation, straight from its formulas."""
    n = s["valuation_year"] - s["base_year"]
    hundred = Decimal(100)
    total = Decimal(0)
    for seg in s["segments"]:
        d = seg["driver"]
        if d["kind"] == "units":
            revenue = d["units"] * d["asp"] / Decimal(10) ** 9
        elif d["kind"] == "units_growth":
            revenue = d["base_units"] * (1 + d["growth_pct"] / hundred) ** n * d["asp"] / Decimal(10) ** 9
        elif d["kind"] == "revenue":
            revenue = d["revenue_bn"]
        else:
            revenue = d["base_revenue_bn"] * (1 + d["growth_pct"] / hundred) ** n
        profit = revenue * seg["margin_pct"] / hundred
        total += (revenue if seg["method"] == "ev_sales" else profit) * seg["multiple"]
    fx, price = s["fx_listing_per_reporting"], s["price"]
    equity = (
        total
        - total * s["holding_discount_pct"] / hundred
        + s["net_cash_bn"]
        + s["investments_bn"] * (1 - s["investments_discount_pct"] / hundred)
        + s["other_bn"]
        - s["buyback_listing_bn"] / fx
    )
    shares_after = s["shares_bn"] - s["buyback_listing_bn"] / price
    return equity / shares_after * fx


def main():
    if len(sys.argv) > 1:
        for fragment in sys.argv[1:]:
            s = scenario(fragment)
            print(s)
            v = per_share_listing(s)
            print(len(fragment.removeprefix("#")), v, v.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
        return
    bad = 0
    for line in sys.stdin:
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        fragment, expected, comment = line.split(" ", 2)
        v = per_share_listing(scenario(fragment))
        ok = abs(v - Decimal(expected)) <= Decimal("0.005")
        bad += not ok
        print("ok " if ok else "BAD", v, expected, comment)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
