#!/usr/bin/env python3
"""Writes a synthetic registry of N units and N sites (CSV, the import format) for the import benchmark."""
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 15000
out = sys.stdout
out.write("type,code,name,kind,parentCode,aliases,url,unitCode\n")
counties = max(1, n // 100)
for i in range(n):
    if i < counties:
        out.write(f"unit,b-c{i},基准县{i},COUNTY,,,,\n")
    else:
        parent = f"b-c{i % counties}"
        out.write(f"unit,b-u{i},基准单位{i},COUNTY_DEPARTMENT,{parent},别名{i}|简称{i},,\n")
for i in range(n):
    code = f"b-c{i}" if i < counties else f"b-u{i}"
    out.write(f"site,,基准网站{i},DEPARTMENT,,,http://site{i}.bench.gov.cn/,{code}\n")
