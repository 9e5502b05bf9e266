"""Runs a command and prints `MEASURE {"ms": wall time, "maxRssMB": peak RSS}` of it as a whole process: the way the
merge bench times `xiaobo merge` and the pandas script as a user runs them (getrusage of the waited-for child)."""
import json
import resource
import subprocess
import sys
import time

started = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
ms = (time.perf_counter() - started) * 1000
if done.returncode not in (0, 1):
    sys.stderr.write(done.stderr.decode("utf-8", "replace")[-4000:])
    sys.exit(done.returncode)
print("MEASURE " + json.dumps({"ms": ms, "maxRssMB": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, "exit": done.returncode}))
