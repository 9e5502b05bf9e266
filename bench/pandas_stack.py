"""The baseline the county merge is measured against: the pandas + openpyxl script a statistician writes to stack
every township's rows into one table. `python3 bench/pandas_stack.py <files-dir> <out.csv>`.

Each file's first sheet is read with pandas (openpyxl engine); the title and two header rows are skipped, rows whose
序号 is not a number (the 合计 row, the footer) dropped, the township's name added; the rows of all files are
concatenated and written as CSV — a lighter output than the county workbook XiaoBo writes."""
import os
import sys

import pandas as pd

folder, out = sys.argv[1], sys.argv[2]
frames = []
for name in sorted(os.listdir(folder)):
    if not name.endswith(".xlsx"):
        continue
    df = pd.read_excel(os.path.join(folder, name), sheet_name=0, header=None, skiprows=4, engine="openpyxl")
    df = df[pd.to_numeric(df[0], errors="coerce").notna()]
    df.insert(0, "乡镇", name[:-5])
    frames.append(df)
stacked = pd.concat(frames, ignore_index=True)
stacked.to_csv(out, index=False)
print(len(stacked))
