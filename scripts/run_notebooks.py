#!/usr/bin/env python3
"""运行知识库中的 Jupyter 笔记本与 Markdown 代码块，检查它们能否从头跑通；也能把输出写回笔记本。

用法：
    /usr/bin/python3 scripts/run_notebooks.py [FOLDER ...] [--write-outputs] [--strict] [--no-md]
                                              [-j N] [-v] [--timeout SEC] [--budget SEC]

两种模式：

- 检查模式（默认，持续集成用的就是它）：重新执行每个笔记本的全部代码单元格，任何单元格抛出
  异常（包括 Matplotlib 在显示图时才发生的绘制错误）都算失败，笔记本文件本身不做任何修改。
  可以执行但还没有保存输出的笔记本会附一行提示（不算失败）。
- --write-outputs：同样按顺序执行，再把每个单元格的输出按 nbformat 4 的标准形状写回 .ipynb：
  打印的文字是 stream 输出（stdout / stderr，警告也作为 stderr 记下），单元格最后一个表达式的值
  （值不为 None、且没有用分号结尾时）是 execute_result，含 text/plain，对象提供 _repr_html_ 时
  （如 pandas 的 DataFrame）再加 text/html；Matplotlib 的图在调用 plt.show() 时、以及每个单元格
  结束时仍打开的图，都以 display_data 保存为 base64 编码的 image/png（Agg 后端，bbox_inches="tight"）
  并随即关闭，与 Jupyter 的内嵌显示一致；执行过的单元格按顺序编号 execution_count。
  有单元格失败的笔记本不会被改写。文件按 Jupyter 的格式写出（indent=1、键排序、不转义中文），
  内容没有变化时不重写。此模式只处理 .ipynb（相当于 --no-md）。

通用规则：

- FOLDER 默认为 content（整个知识库，相对于仓库根目录）。持续集成用 --no-md 只跑笔记本，
  Markdown 文章交给 scripts/run_python_blocks.py。
- 每个 .ipynb 的代码单元格按顺序在同一个全新的命名空间里执行（IPython 魔法命令 %xxx、!xxx
  改成注释）；每个笔记本使用单独的子进程、单独的临时工作目录，设置 MPLBACKEND=Agg，
  OMP_NUM_THREADS 未设置时设为 1。
- 每个 .md 文件里的 ```python 代码块（按出现顺序）同样在一个命名空间里执行；
  不含 ```python 代码块的 .md 文件会被跳过。--no-md 可关闭这一项。
- 第一行以 “# 不运行：” 开头的代码单元格 / 代码块不执行，连同原因一起报告
  （与 run_python_blocks.py 的约定相同），单元格的序号不受影响，也不保存输出。
  全部代码单元格都这样标注的笔记本（例如需要 TensorFlow 的那一篇）整篇报告为 skip，
  并列出原因；写输出时它保持没有输出（已有的旧输出会被清掉）。
- --strict：把 DeprecationWarning / FutureWarning 当作失败。
- 每个文件输出一行 ok / written / unchanged / skip / FAILED（失败时给出出错的单元格 / 代码块
  序号和错误信息），最后输出文件数、单元格数的统计和总用时；任何文件失败时以非零状态退出。
- --budget：总用时上限（秒，默认 600），超过时同样以非零状态退出。
- -j N：同时运行 N 个子进程（默认 min(4, CPU 数)），输出顺序不受影响。

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

# 子进程里运行的代码：从标准输入读入 {"cells": [源码, ...], "strict": bool, "capture": bool}，
# 逐个执行，把结果以一行 JSON 写到标准输出的最后一行。两种模式的执行方式完全相同
# （最后一个表达式单独求值并生成显示数据、Matplotlib 的图在 show() 和单元格结束时渲染），
# capture 为真时才把每个单元格的输出一起送回。
CHILD = r'''
import ast, base64, importlib.abc, importlib.machinery, io, json, sys, tokenize, traceback, warnings

payload = json.loads(sys.stdin.read())
cells = payload["cells"]
capture = payload["capture"]
real_stdout = sys.stdout
caught = []
state = {"outputs": None}          # 当前单元格的输出列表（nbformat 的 output 字典）


def emit_stream(name, text):
    outs = state["outputs"]
    if outs is None or not text:
        return
    if outs and outs[-1]["output_type"] == "stream" and outs[-1]["name"] == name:
        outs[-1]["text"] += text
    else:
        outs.append({"output_type": "stream", "name": name, "text": text})


class Stream(io.TextIOBase):
    """代替 sys.stdout / sys.stderr：写入的文字成为当前单元格的 stream 输出。"""

    def __init__(self, name):
        self.stream_name = name

    @property
    def encoding(self):
        return "utf-8"

    def writable(self):
        return True

    def isatty(self):
        return False

    def write(self, s):
        emit_stream(self.stream_name, str(s))
        return len(s)


def record_warning(message, category, filename, lineno, file=None, line=None):
    text = "%s: %s" % (category.__name__, message)
    caught.append(text)
    emit_stream("stderr", "%s:%s: %s\n" % (filename, lineno, text))


warnings.showwarning = record_warning
warnings.simplefilter("default")
if payload["strict"]:
    warnings.simplefilter("error", DeprecationWarning)
    warnings.simplefilter("error", FutureWarning)


def figure_png(fig):
    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight")
    return base64.b64encode(buf.getvalue()).decode("ascii")


def flush_figures():
    """把仍打开的图依次渲染成 display_data（像 Jupyter 的内嵌后端那样），然后全部关闭。"""
    plt = sys.modules.get("matplotlib.pyplot")
    if plt is None:
        return
    from matplotlib._pylab_helpers import Gcf
    try:
        for num in plt.get_fignums():
            manager = Gcf.get_fig_manager(num)
            if manager is None:
                continue
            fig = manager.canvas.figure
            png = figure_png(fig)
            if state["outputs"] is not None:
                state["outputs"].append({"output_type": "display_data", "metadata": {},
                                         "data": {"image/png": png, "text/plain": repr(fig)}})
    finally:
        plt.close("all")


def show(*args, **kwargs):
    flush_figures()


class PyplotHook(importlib.abc.MetaPathFinder):
    """第一次导入 matplotlib.pyplot 时把它的 show 换成 flush_figures（后端仍是 Agg）。"""

    def find_spec(self, name, path, target=None):
        if name != "matplotlib.pyplot":
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        original = spec.loader.exec_module

        def exec_module(module):
            original(module)
            module.show = show

        spec.loader.exec_module = exec_module
        return spec


sys.meta_path.insert(0, PyplotHook())

REPRS = (("_repr_html_", "text/html"), ("_repr_markdown_", "text/markdown"),
         ("_repr_latex_", "text/latex"), ("_repr_svg_", "image/svg+xml"), ("_repr_png_", "image/png"))


def mime_bundle(value):
    data = {"text/plain": repr(value)}
    mpl_figure = sys.modules.get("matplotlib.figure")
    if mpl_figure is not None and isinstance(value, mpl_figure.Figure):
        data["image/png"] = figure_png(value)
        sys.modules["matplotlib.pyplot"].close(value)   # 已经显示过，单元格结束时不再显示一次
        return data
    if isinstance(value, type):
        return data
    for attr, mime in REPRS:
        method = getattr(value, attr, None)
        if not callable(method):
            continue
        rendered = method()
        if rendered is None:
            continue
        if isinstance(rendered, tuple):            # IPython 允许返回 (数据, 元数据)
            rendered = rendered[0]
        if isinstance(rendered, bytes):
            rendered = base64.b64encode(rendered).decode("ascii")
        data[mime] = rendered
    return data


def ends_with_semicolon(src):
    try:
        toks = [t for t in tokenize.generate_tokens(io.StringIO(src).readline)
                if t.type not in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.ENDMARKER,
                                  tokenize.INDENT, tokenize.DEDENT)]
    except (tokenize.TokenError, SyntaxError):
        return False
    return bool(toks) and toks[-1].type == tokenize.OP and toks[-1].string == ";"


def run_cell(i, src, ns, count):
    name = "<cell %d>" % i
    tree = ast.parse(src, name, "exec")
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr) and not ends_with_semicolon(src):
        last = ast.Expression(tree.body.pop().value)
    exec(compile(tree, name, "exec"), ns)
    if last is not None:
        value = eval(compile(last, name, "eval"), ns)
        if value is not None:
            ns["_"] = value
            data = mime_bundle(value)
            if state["outputs"] is not None:
                state["outputs"].append({"output_type": "execute_result", "execution_count": count,
                                         "metadata": {}, "data": data})


ns = {"__name__": "__main__", "__builtins__": __builtins__}
result = {"ok": True, "executed": 0, "warnings": caught, "cells": []}
sys.stdout, sys.stderr = Stream("stdout"), Stream("stderr")
count = 0
for i, src in enumerate(cells, 1):
    if src is None:                       # 标注为不运行的单元格
        result["cells"].append(None)
        continue
    count += 1
    state["outputs"] = [] if capture else None
    try:
        try:
            run_cell(i, src, ns, count)
        finally:
            flush_figures()
        result["executed"] = i
    except BaseException as e:
        tb = traceback.extract_tb(e.__traceback__)
        where = [f for f in tb if f.filename == "<cell %d>" % i]
        line = where[-1].lineno if where else getattr(e, "lineno", None) if isinstance(e, SyntaxError) else None
        msg = ("%s: %s" % (type(e).__name__, e)).strip().splitlines()
        result.update(ok=False, cell=i, line=line, error=msg[0] if msg else type(e).__name__,
                      traceback="".join(traceback.format_exception(type(e), e, e.__traceback__)))
        break
    result["cells"].append({"execution_count": count, "outputs": state["outputs"]} if capture else None)
sys.stdout, sys.stderr = real_stdout, sys.__stderr__
real_stdout.flush()
real_stdout.write("\n@@RESULT@@" + json.dumps(result) + "\n")
real_stdout.flush()
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
    """把标注为不运行的单元格换成 None（保持序号），返回 (单元格, [(序号, 原因), ...])。"""
    out, skipped = [], []
    for i, src in enumerate(cells, 1):
        reason = skip_reason(src)
        if reason is None:
            out.append(src)
        else:
            out.append(None)
            skipped.append((i, reason))
    return out, skipped


def cell_source(cell):
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def load_notebook(path):
    with open(path, encoding="utf-8") as f:
        nb = json.load(f)
    if nb.get("nbformat") != 4:
        raise ValueError("nbformat 不是 4")
    return nb


def notebook_cells(nb):
    cells = nb.get("cells", [])
    code = [clean_source(cell_source(c)) for c in cells if c.get("cell_type") == "code"]
    return code, len(cells)


FENCE_RE = re.compile(r"^```python[ \t]*\n(.*?)^```[ \t]*$", re.S | re.M)


def markdown_blocks(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    blocks = [clean_source(m.group(1)) for m in FENCE_RE.finditer(text)]
    return blocks, len(blocks)


def run_one(cells, strict, timeout, capture):
    env = dict(os.environ)
    env["MPLBACKEND"] = "Agg"
    env["PYTHONHASHSEED"] = "0"
    env.setdefault("PYTHONIOENCODING", "utf-8")
    env.setdefault("OMP_NUM_THREADS", "1")
    with tempfile.TemporaryDirectory(prefix="nbrun-") as work:
        env["MPLCONFIGDIR"] = os.path.join(work, ".mplconfig")
        try:
            proc = subprocess.run([sys.executable, "-c", CHILD],
                                  input=json.dumps({"cells": cells, "strict": strict, "capture": capture}),
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


# ---------------------------------------------------------------- 写回 nbformat 4

def nb_text(text):
    """nbformat 的多行字符串：按行切成列表（保留换行符），与 Jupyter 保存的形状一致。"""
    return text.splitlines(keepends=True)


def nb_output(out):
    kind = out["output_type"]
    if kind == "stream":
        return {"output_type": "stream", "name": out["name"], "text": nb_text(out["text"])}
    data = {}
    for mime, value in out["data"].items():
        # 图片（base64）存为一个字符串，文本类的 MIME 按行切开
        data[mime] = value if mime in ("image/png", "image/jpeg") else nb_text(value)
    res = {"output_type": kind, "data": data, "metadata": out.get("metadata", {})}
    if kind == "execute_result":
        res["execution_count"] = out["execution_count"]
    return res


def apply_outputs(nb, cell_results):
    """把子进程送回的每个代码单元格的结果写进 nb；不运行的单元格清空输出。"""
    code_cells = [c for c in nb.get("cells", []) if c.get("cell_type") == "code"]
    cell_results = list(cell_results) + [None] * (len(code_cells) - len(cell_results))
    for cell, res in zip(code_cells, cell_results):
        if res is None:
            cell["execution_count"] = None
            cell["outputs"] = []
        else:
            cell["execution_count"] = res["execution_count"]
            cell["outputs"] = [nb_output(o) for o in res["outputs"]]


def clear_outputs(nb):
    apply_outputs(nb, [])


def dump_notebook(nb):
    return json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def write_if_changed(path, nb):
    text = dump_notebook(nb)
    with open(path, encoding="utf-8") as f:
        old = f.read()
    if old == text:
        return False
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(tmp, path)
    return True


def missing_outputs(nb, cells):
    """可以执行、但没有保存执行结果（execution_count 为空）的代码单元格数。"""
    code_cells = [c for c in nb.get("cells", []) if c.get("cell_type") == "code"]
    return sum(1 for c, src in zip(code_cells, cells) if src is not None and c.get("execution_count") is None)


# ---------------------------------------------------------------- 主程序

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
            if with_md or folder.endswith(".ipynb"):
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
    ap = argparse.ArgumentParser(description="执行 .ipynb 的代码单元格和 .md 的 python 代码块；"
                                             "--write-outputs 把输出写回笔记本")
    ap.add_argument("folders", nargs="*", help="要检查的文件夹或文件（默认：%s）" % DEFAULT_FOLDER)
    ap.add_argument("--write-outputs", action="store_true",
                    help="执行笔记本并把输出按 nbformat 4 写回 .ipynb（只处理笔记本）")
    ap.add_argument("--strict", action="store_true", help="DeprecationWarning/FutureWarning 视为失败")
    ap.add_argument("--no-md", action="store_true", help="不执行 Markdown 文件中的代码块")
    ap.add_argument("--timeout", type=float, default=300, help="每个文件的超时秒数（默认 300）")
    ap.add_argument("--budget", type=float, default=600, help="总用时上限，秒（默认 600）")
    ap.add_argument("-j", "--jobs", type=int, default=min(4, os.cpu_count() or 1),
                    help="同时运行的子进程数（默认 min(4, CPU 数)）")
    ap.add_argument("-v", "--verbose", action="store_true", help="失败时打印完整 traceback，并列出警告")
    args = ap.parse_args(argv)
    write = args.write_outputs

    folders = args.folders or [os.path.join(REPO_ROOT, DEFAULT_FOLDER)]
    folders = [f if os.path.isabs(f) or os.path.exists(f) else os.path.join(REPO_ROOT, f) for f in folders]
    for f in folders:
        if not os.path.exists(f):
            print("找不到路径：%s" % f, file=sys.stderr)
            return 2
    files = collect(folders, not (args.no_md or write))

    # 先解析全部文件，再（可并行地）逐个执行；输出顺序始终与文件顺序一致
    jobs = []          # (path, rel, nb 或 None, cells, n_all, skipped, 整篇跳过)
    failed = 0
    total_cells = total_code = total_skipped = 0
    for path in files:
        rel = display_path(path)
        nb = None
        try:
            if path.endswith(".ipynb"):
                nb = load_notebook(path)
                cells, n_all = notebook_cells(nb)
            else:
                cells, n_all = markdown_blocks(path)
                if not cells:
                    continue
        except Exception as e:
            failed += 1
            print("FAILED  %s  无法读取: %s: %s" % (rel, type(e).__name__, e))
            continue
        cells, skipped = split_skipped(cells)
        total_cells += n_all
        total_code += len(cells)
        total_skipped += len(skipped)
        # 全部代码单元格都标注为不运行的笔记本：整篇不执行、不保存输出，报告原因
        whole = nb is not None and bool(cells) and len(skipped) == len(cells)
        jobs.append((path, rel, nb, cells, n_all, skipped, whole))

    def work(job):
        if job[6]:
            return None, 0.0
        t0 = time.time()
        res = run_one(job[3], args.strict, args.timeout, write)
        return res, time.time() - t0

    written = unchanged = whole_skipped = 0
    start_all = time.time()
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for (path, rel, nb, cells, n_all, skipped, whole), (res, dt) in zip(jobs, pool.map(work, jobs)):
            if whole:
                whole_skipped += 1
                reasons = "；".join(dict.fromkeys(r for _, r in skipped))
                note = ""
                if write:
                    had = any(c.get("outputs") or c.get("execution_count") is not None
                              for c in nb.get("cells", []) if c.get("cell_type") == "code")
                    clear_outputs(nb)
                    if write_if_changed(path, nb):
                        note = "，已清除旧输出" if had else "，已按 Jupyter 格式重写"
                print("skip    %s  (%d code / %d cells，全部标注为不运行，不保存输出%s) %s"
                      % (rel, len(cells), n_all, note, reasons), flush=True)
                continue
            is_nb = nb is not None
            unit = "cell" if is_nb else "block"
            for i, reason in skipped:
                print("  skip  %s  %s %d 不运行：%s" % (rel, unit, i, reason))
            counts = ("%d code / %d cells" % (len(cells), n_all)) if is_nb else ("%d python blocks" % len(cells))
            if skipped:
                counts += ", %d skipped" % len(skipped)
            warns = res.get("warnings") or []
            if res.get("ok"):
                extra = ", %d warnings" % len(warns) if warns else ""
                status = "ok"
                if write:
                    apply_outputs(nb, res["cells"])
                    if write_if_changed(path, nb):
                        status, written = "written", written + 1
                    else:
                        status, unchanged = "unchanged", unchanged + 1
                print("%s  %s  (%s, %.1fs%s)" % (status.ljust(6), rel, counts, dt, extra), flush=True)
                if is_nb and not write:
                    missing = missing_outputs(nb, cells)
                    if missing:
                        print("        提示：%d 个代码单元格没有保存输出，可用 --write-outputs 写入" % missing)
            else:
                failed += 1
                where = ""
                if res.get("cell"):
                    where = "%s %d" % (unit, res["cell"])
                    if res.get("line"):
                        where += " line %d" % res["line"]
                    where += ": "
                kept = "（未改写）" if write else ""
                print("FAILED  %s  (%s) %s%s%s" % (rel, counts, where, res.get("error"), kept), flush=True)
                if args.verbose and res.get("traceback"):
                    print(res["traceback"].rstrip())
            if args.verbose:
                for w in dict.fromkeys(warns):
                    print("        warning: %s" % w.splitlines()[0])
    ran = len(jobs) - whole_skipped
    if not jobs and failed == 0:
        print("没有找到可执行的 .ipynb 或含 python 代码块的 .md 文件", file=sys.stderr)
        return 1
    print("-" * 60)
    total = time.time() - start_all
    extra = ", %d written, %d unchanged" % (written, unchanged) if write else ""
    print("%d files (%d run, %d skipped whole%s), %d cells (%d code cells / python blocks, %d skipped), "
          "%d failed, %.1fs (budget %.0fs)"
          % (ran + whole_skipped, ran, whole_skipped, extra, total_cells, total_code, total_skipped,
             failed, total, args.budget))
    if total > args.budget:
        print("超出时间预算：总用时 %.1f 秒 > %.0f 秒" % (total, args.budget))
        return 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
