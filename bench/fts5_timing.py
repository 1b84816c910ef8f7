#!/usr/bin/env python3
"""Times the bare FTS5 queries on the built index (data/index.db), outside .NET, to show the floor
that SQLite itself sets for one search. usage: python3 bench/fts5_timing.py [index.db]"""
import sqlite3
import sys
import time

path = sys.argv[1] if len(sys.argv) > 1 else "data/index.db"
db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
match = '"salary" OR "senior" OR "california"'
queries = {
    "MATCH only": "SELECT rowid FROM passage_fts WHERE passage_fts MATCH ?",
    "MATCH + bm25() + ORDER BY": "SELECT rowid, bm25(passage_fts, 6.0, 1.0) AS s FROM passage_fts WHERE passage_fts MATCH ? ORDER BY s LIMIT 40",
}
for name, sql in queries.items():
    for _ in range(100):
        db.execute(sql, (match,)).fetchall()
    runs = 2000
    start = time.perf_counter()
    for _ in range(runs):
        rows = db.execute(sql, (match,)).fetchall()
    print(f"{name}: {(time.perf_counter() - start) / runs * 1e6:.1f} us per query, {len(rows)} rows")
