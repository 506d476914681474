#!/usr/bin/env python3
"""Prints the median and the spread of each benchmark's measured iterations from JMH's JSON results."""
import json
import statistics
import sys

path = sys.argv[1] if len(sys.argv) > 1 else "openvod-bench/target/results.json"
print(f"| benchmark | median | min | max | iterations | unit |")
print(f"| --- | ---: | ---: | ---: | ---: | --- |")
for b in json.load(open(path)):
    raw = [x for fork in b["primaryMetric"]["rawData"] for x in fork]
    name = b["benchmark"].rsplit(".", 2)
    print(f"| {name[-2]}.{name[-1]} | {statistics.median(raw):,.0f} | {min(raw):,.0f} | {max(raw):,.0f} | {len(raw)} | {b['primaryMetric']['scoreUnit']} |")
