#!/usr/bin/env python3
"""运行知识库中的 Jupyter 笔记本与 Markdown 代码块，检查它们能否从头跑通。

用法：
    /usr/bin/python3 scripts/run_notebooks.py [FOLDER ...] [--strict] [--no-md] [-j N] [-v]
                                              [--timeout SEC] [--budget SEC]

- FOLDER 默认为 content（整个知识库，相对于仓库根目录）。持续集成用 --no-md 只跑笔记本，
  Markdown 文章交给 scripts/run_python_blocks.py。
- 每个 .ipynb 的代码单元格按顺序在同一个全新的命名空间里执行；
  每个笔记本使用单独的子进程、单独的临时工作目录，并设置 MPLBACKEND=Agg。
- 每个 .md 文件里的 ```python 代码块（按出现顺序）同样在一个命名空间里执行；
  不含 ```python 代码块的 .md 文件会被跳过。--no-md 可关闭这一项。
- 第一行以 “# 不运行：” 开头的代码单元格 / 代码块不执行，连同原因一起报告
  （与 run_python_blocks.py 的约定相同），单元格的序号不受影响。
- --strict：把 DeprecationWarning / FutureWarning 当作失败。
- 每个文件输出一行 ok / FAILED（失败时给出出错的单元格 / 代码块序号和错误信息），
  最后输出文件数、单元格数的统计和总用时；任何文件失败时以非零状态退出。
- --budget：总用时上限（秒，默认 600），超过时同样以非零状态退出。
- -j N：同时运行 N 个子进程（默认 min(4, CPU 数)），输出顺序不受影响。
- 实现上，代码单元格按顺序逐个 exec 到同一个命名空间里，效果等同于执行
  全部单元格拼接后的源码，同时能指出是第几个单元格出错。

只依赖 Python 3 标准库；被执行的代码需要的 numpy / pandas / matplotlib / PyTorch 由解释器环境提供
（用 Debian 的 /usr/bin/python3 运行）。
"""
import argparse
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import tempfile
import time

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_FOLDER = "content"
SKIP_MARK = "# 不运行："

# 子进程里运行的代码：从标准输入读入 {"cells": [源码, ...], "strict": bool}，
# 逐个执行，把结果以一行 JSON 写到标准输出的最后一行。
CHILD = r'''
import json, sys, traceback, warnings
payload = json.loads(sys.stdin.read())
cells = payload["cells"]
caught = []
def _record(message, category, filename, lineno, file=None, line=None):
    caught.append("%s: %s" % (category.__name__, message))
warnings.showwarning = _record
warnings.simplefilter("default")
if payload["strict"]:
    warnings.simplefilter("error", DeprecationWarning)
    warnings.simplefilter("error", FutureWarning)
ns = {"__name__": "__main__"}
result = {"ok": True, "executed": 0, "warnings": caught}
for i, src in enumerate(cells, 1):
    try:
        code = compile(src, "<cell %d>" % i, "exec")
        exec(code, ns)
        result["executed"] = i
    except BaseException as e:
        tb = traceback.extract_tb(e.__traceback__)
        where = [f for f in tb if f.filename == "<cell %d>" % i]
        line = where[-1].lineno if where else None
        msg = ("%s: %s" % (type(e).__name__, e)).strip().splitlines()
        result.update(ok=False, cell=i, line=line, error=msg[0] if msg else type(e).__name__,
                      traceback="".join(traceback.format_exception(type(e), e, e.__traceback__)))
        break
    finally:
        mpl = sys.modules.get("matplotlib.pyplot")
        if mpl is not None:
            mpl.close("all")
sys.stdout.flush()
sys.stdout.write("\n@@RESULT@@" + json.dumps(result) + "\n")
'''

MAGIC_RE = re.compile(r"^(\s*)([%!].*)$")


def clean_source(src):
    """把 IPython 魔法命令（%xxx、!xxx）改成注释，普通 Python 解释器才能执行。"""
    out = []
    for line in src.splitlines():
        m = MAGIC_RE.match(line)
        out.append(m.group(1) + "# " + m.group(2) if m else line)
    return "\n".join(out) + "\n"


def skip_reason(src):
    """代码第一行是 “# 不运行：原因” 时返回原因，否则返回 None。"""
    first = src.lstrip("\n").split("\n", 1)[0].strip()
    if first.startswith(SKIP_MARK):
        return first[len(SKIP_MARK):].strip() or "（未写原因）"
    return None


def split_skipped(cells):
    """把标注为不运行的单元格换成空源码（保持序号），返回 (单元格, [(序号, 原因), ...])。"""
    out, skipped = [], []
    for i, src in enumerate(cells, 1):
        reason = skip_reason(src)
        if reason is None:
            out.append(src)
        else:
            out.append("")
            skipped.append((i, reason))
    return out, skipped


def notebook_cells(path):
    with open(path, encoding="utf-8") as f:
        nb = json.load(f)
    if nb.get("nbformat") != 4:
        raise ValueError("nbformat 不是 4")
    cells = nb.get("cells", [])
    code = []
    for c in cells:
        if c.get("cell_type") == "code":
            src = c.get("source", "")
            code.append(clean_source("".join(src) if isinstance(src, list) else src))
    return code, len(cells)


FENCE_RE = re.compile(r"^```python[ \t]*\n(.*?)^```[ \t]*$", re.S | re.M)


def markdown_blocks(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    blocks = [clean_source(m.group(1)) for m in FENCE_RE.finditer(text)]
    return blocks, len(blocks)


def run_one(cells, strict, timeout):
    env = dict(os.environ)
    env["MPLBACKEND"] = "Agg"
    env["PYTHONHASHSEED"] = "0"
    env.setdefault("PYTHONIOENCODING", "utf-8")
    with tempfile.TemporaryDirectory(prefix="nbrun-") as work:
        env["MPLCONFIGDIR"] = os.path.join(work, ".mplconfig")
        try:
            proc = subprocess.run([sys.executable, "-c", CHILD],
                                  input=json.dumps({"cells": cells, "strict": strict}),
                                  capture_output=True, text=True, encoding="utf-8",
                                  cwd=work, env=env, timeout=timeout)
        except subprocess.TimeoutExpired:
            return {"ok": False, "error": "超时（%ss）" % timeout, "cell": None}
    marker = proc.stdout.rfind("@@RESULT@@")
    if marker < 0:
        tail = (proc.stderr.strip().splitlines() or ["子进程异常退出，返回码 %s" % proc.returncode])[-1]
        return {"ok": False, "error": tail, "cell": None}
    result = json.loads(proc.stdout[marker + len("@@RESULT@@"):])
    result["stderr"] = proc.stderr
    return result


def display_path(path):
    """仓库内的文件显示相对路径，仓库外的显示绝对路径。"""
    full = os.path.abspath(path)
    if os.path.commonpath([full, REPO_ROOT]) == REPO_ROOT:
        return os.path.relpath(full, REPO_ROOT)
    return full


def collect(folders, with_md):
    files = []
    for folder in folders:
        if os.path.isfile(folder):
            files.append(folder)
            continue
        for root, dirs, names in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in names:
                if name.endswith(".ipynb") and ".ipynb_checkpoints" not in root:
                    files.append(os.path.join(root, name))
                elif with_md and name.endswith(".md"):
                    files.append(os.path.join(root, name))
    def key(p):
        # 按文件夹排序，文件名前面的数字按数值排序（10_ 排在 9_ 后面）
        d, n = os.path.split(p)
        m = re.match(r"(\d+)", n)
        return (d, int(m.group(1)) if m else -1, n)
    return sorted(set(files), key=key)


def main(argv=None):
    ap = argparse.ArgumentParser(description="执行 .ipynb 的代码单元格和 .md 的 python 代码块")
    ap.add_argument("folders", nargs="*", help="要检查的文件夹或文件（默认：%s）" % DEFAULT_FOLDER)
    ap.add_argument("--strict", action="store_true", help="DeprecationWarning/FutureWarning 视为失败")
    ap.add_argument("--no-md", action="store_true", help="不执行 Markdown 文件中的代码块")
    ap.add_argument("--timeout", type=float, default=300, help="每个文件的超时秒数（默认 300）")
    ap.add_argument("--budget", type=float, default=600, help="总用时上限，秒（默认 600）")
    ap.add_argument("-j", "--jobs", type=int, default=min(4, os.cpu_count() or 1),
                    help="同时运行的子进程数（默认 min(4, CPU 数)）")
    ap.add_argument("-v", "--verbose", action="store_true", help="失败时打印完整 traceback，并列出警告")
    args = ap.parse_args(argv)

    folders = args.folders or [os.path.join(REPO_ROOT, DEFAULT_FOLDER)]
    folders = [f if os.path.isabs(f) or os.path.exists(f) else os.path.join(REPO_ROOT, f) for f in folders]
    for f in folders:
        if not os.path.exists(f):
            print("找不到路径：%s" % f, file=sys.stderr)
            return 2
    files = collect(folders, not args.no_md)

    # 先解析全部文件，再（可并行地）逐个执行；输出顺序始终与文件顺序一致
    jobs = []
    failed = 0
    for path in files:
        rel = display_path(path)
        try:
            if path.endswith(".ipynb"):
                cells, n_all = notebook_cells(path)
            else:
                cells, n_all = markdown_blocks(path)
                if not cells:
                    continue
        except Exception as e:
            failed += 1
            print("FAILED  %s  无法读取: %s: %s" % (rel, type(e).__name__, e))
            continue
        cells, skipped = split_skipped(cells)
        jobs.append((path, rel, cells, n_all, skipped))

    def work(job):
        t0 = time.time()
        res = run_one(job[2], args.strict, args.timeout)
        return res, time.time() - t0

    total_cells = sum(j[3] for j in jobs)
    total_code = sum(len(j[2]) for j in jobs)
    total_skipped = sum(len(j[4]) for j in jobs)
    start_all = time.time()
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for (path, rel, cells, n_all, skipped), (res, dt) in zip(jobs, pool.map(work, jobs)):
            is_nb = path.endswith(".ipynb")
            unit = "cell" if is_nb else "block"
            for i, reason in skipped:
                print("  skip  %s  %s %d 不运行：%s" % (rel, unit, i, reason))
            counts = ("%d code / %d cells" % (len(cells), n_all)) if is_nb else ("%d python blocks" % len(cells))
            if skipped:
                counts += ", %d skipped" % len(skipped)
            warns = res.get("warnings") or []
            if res.get("ok"):
                extra = ", %d warnings" % len(warns) if warns else ""
                print("ok      %s  (%s, %.1fs%s)" % (rel, counts, dt, extra), flush=True)
            else:
                failed += 1
                where = ""
                if res.get("cell"):
                    where = "%s %d" % (unit, res["cell"])
                    if res.get("line"):
                        where += " line %d" % res["line"]
                    where += ": "
                print("FAILED  %s  (%s) %s%s" % (rel, counts, where, res.get("error")), flush=True)
                if args.verbose and res.get("traceback"):
                    print(res["traceback"].rstrip())
            if args.verbose:
                for w in dict.fromkeys(warns):
                    print("        warning: %s" % w.splitlines()[0])
    ran = len(jobs)
    if ran == 0 and failed == 0:
        print("没有找到可执行的 .ipynb 或含 python 代码块的 .md 文件", file=sys.stderr)
        return 1
    print("-" * 60)
    total = time.time() - start_all
    print("%d files, %d cells (%d code cells / python blocks, %d skipped), %d failed, %.1fs (budget %.0fs)"
          % (ran, total_cells, total_code, total_skipped, failed, total, args.budget))
    if total > args.budget:
        print("超出时间预算：总用时 %.1f 秒 > %.0f 秒" % (total, args.budget))
        return 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
