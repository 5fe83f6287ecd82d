#!/usr/bin/env python3
"""运行 Markdown 文章里的 Python 代码块，检查它们能否按顺序从头跑通。

用法：
    /usr/bin/python3 scripts/run_python_blocks.py [PATH ...] [--timeout SEC] [--budget SEC]

- PATH 可以是文件夹（递归查找其中的 .md 文件）或单个 .md 文件，
  默认为 content（整个知识库；相对于仓库根目录，也接受绝对路径）。
- 只收集信息串（info string）第一个词为 python 或 py 的围栏代码块，
  围栏可以是 ``` 或 ~~~（三个及以上），按 CommonMark 的规则配对：
  结束围栏必须与开始围栏字符相同、长度不短于它、且后面没有信息串。
- 第一行以 “# 不运行：” 开头的代码块被跳过，并连同原因一起报告。
  不能在这里运行的代码（TensorFlow、GPU、联网下载、交互输入、网络服务等）都必须这样标注，
  不会被悄悄跳过。
- 同一篇文章其余的代码块按出现顺序拼接成一个程序，写入一个全新临时目录里的
  .py 文件，用运行本脚本的解释器（sys.executable）在该目录下以子进程运行。
  文章会用到 numpy、pandas、matplotlib、scikit-learn、PyTorch，所以应当用装有这些包的
  解释器来运行本脚本，例如 Debian 的 /usr/bin/python3（python3-numpy、python3-pandas、
  python3-matplotlib、python3-sklearn、python3-torch，以及 python3-xgboost、python3-gensim）。
  以文件方式运行（而不是 python -c），multiprocessing 的 spawn 启动方式也能正常导入主模块。
- 子进程的环境：MPLBACKEND=Agg（只画到内存，不开窗口），MPLCONFIGDIR 指向临时目录，
  标准输入为空；OMP_NUM_THREADS 未设置时设为 1（小张量上多线程只会更慢，计时也更稳定）。
- --timeout：每篇文章的超时秒数（默认 300），超时算失败。
- --budget：全部文章的总用时上限（默认 600 秒）。每篇文章都会运行；最后总用时超过上限时
  以非零状态退出，方便在持续集成里守住时间预算。
- 每篇文章输出一行 ok / FAILED 和用时（失败时附 stderr 的最后几行，并尽量指出出错行在
  Markdown 中的行号），最后输出一行汇总：文章数、通过与失败篇数、跳过的代码块数和总用时；
  任何一篇失败或总用时超出预算时以非零状态退出。

只依赖 Python 3 标准库。
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_FOLDER = "content"
SKIP_MARK = "# 不运行："
RUN_LANGS = {"python", "py"}
FENCE_OPEN = re.compile(r"^( {0,3})(`{3,}|~{3,})(.*)$")


class Block:
    """一个代码块：语言、起始行号（Markdown 中内容第一行的行号，从 1 开始）和内容行。"""

    def __init__(self, lang, start_line, lines):
        self.lang = lang
        self.start_line = start_line
        self.lines = lines

    @property
    def skip_reason(self):
        first = self.lines[0].strip() if self.lines else ""
        if first.startswith(SKIP_MARK):
            return first[len(SKIP_MARK):].strip() or "（未写原因）"
        return None


def parse_blocks(text):
    """逐行解析 Markdown，返回所有围栏代码块（含非 Python 的），未闭合的块延伸到文件末尾。"""
    blocks = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        m = FENCE_OPEN.match(lines[i])
        if not m:
            i += 1
            continue
        indent, fence, info = len(m.group(1)), m.group(2), m.group(3).strip()
        # 反引号围栏的信息串里不允许再出现反引号（CommonMark 规定），这种行不是围栏
        if fence[0] == "`" and "`" in info:
            i += 1
            continue
        lang = info.split()[0].lower() if info else ""
        lang = lang.strip("{}.")  # 兼容 ```{python} 或 ```.python 这类写法
        close = re.compile(r"^ {0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}\s*$")
        body = []
        j = i + 1
        while j < len(lines) and not close.match(lines[j]):
            line = lines[j]
            # 去掉与开始围栏相同数量的前导空格（最多这么多）
            k = 0
            while k < indent and k < len(line) and line[k] == " ":
                k += 1
            body.append(line[k:])
            j += 1
        blocks.append(Block(lang, i + 2, body))
        i = j + 1
    return blocks


def build_program(blocks):
    """拼接可运行的块，返回 (源码, 行号映射, 被跳过的块)。行号映射：程序第 n 行 -> Markdown 行号。"""
    out, line_map, skipped = [], {}, []
    for b in blocks:
        if b.lang not in RUN_LANGS:
            continue
        reason = b.skip_reason
        if reason is not None:
            skipped.append((b.start_line, reason))
            continue
        out.append("# ---- Markdown 第 %d 行开始的代码块 ----" % b.start_line)
        for offset, line in enumerate(b.lines):
            out.append(line)
            line_map[len(out)] = b.start_line + offset
        out.append("")
    return "\n".join(out) + "\n", line_map, skipped


def tail(text, n=12):
    lines = [l for l in text.rstrip().splitlines()]
    return "\n".join(lines[-n:])


def run_article(path, timeout):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    blocks = parse_blocks(text)
    source, line_map, skipped = build_program(blocks)
    n_run = sum(1 for b in blocks if b.lang in RUN_LANGS) - len(skipped)
    result = {"blocks": n_run, "skipped": skipped, "ok": True, "detail": "", "seconds": 0.0}
    if n_run == 0:
        return result
    stem = re.sub(r"\W", "_", os.path.splitext(os.path.basename(path))[0]) or "article"
    with tempfile.TemporaryDirectory(prefix="pyblocks_") as workdir:
        prog = os.path.join(workdir, "article_%s.py" % stem)
        with open(prog, "w", encoding="utf-8") as f:
            f.write(source)
        env = dict(os.environ)
        env["PYTHONIOENCODING"] = "utf-8"
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env["MPLBACKEND"] = "Agg"
        env["MPLCONFIGDIR"] = os.path.join(workdir, ".mplconfig")
        env.setdefault("OMP_NUM_THREADS", "1")
        env.pop("PYTHONSTARTUP", None)
        start = time.perf_counter()
        try:
            proc = subprocess.run(
                [sys.executable, prog],
                cwd=workdir,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                timeout=timeout,
                env=env,
            )
        except subprocess.TimeoutExpired:
            result["ok"] = False
            result["detail"] = "超时（超过 %s 秒）" % timeout
            result["seconds"] = time.perf_counter() - start
            return result
        result["seconds"] = time.perf_counter() - start
        if proc.returncode != 0:
            result["ok"] = False
            err = tail(proc.stderr)
            # 把 traceback 里指向拼接程序的行号换算成 Markdown 行号
            hits = re.findall(r'File "%s", line (\d+)' % re.escape(prog), proc.stderr)
            where = ""
            if hits:
                md_line = line_map.get(int(hits[-1]))
                if md_line:
                    where = "（约在 Markdown 第 %d 行）" % md_line
            err = err.replace(prog, os.path.basename(prog))
            result["detail"] = "退出码 %d%s\n%s" % (proc.returncode, where, err)
    return result


def collect(paths):
    files = []
    for p in paths:
        full = p if os.path.isabs(p) else os.path.join(REPO_ROOT, p)
        if os.path.isdir(full):
            for root, dirs, names in os.walk(full):
                dirs.sort()
                for name in sorted(names):
                    if name.endswith(".md"):
                        files.append(os.path.join(root, name))
        elif os.path.isfile(full):
            files.append(full)
        else:
            print("找不到路径：%s" % p, file=sys.stderr)
            sys.exit(2)
    return files


def main(argv=None):
    ap = argparse.ArgumentParser(description="运行 Markdown 文章中的 Python 代码块")
    ap.add_argument("paths", nargs="*", default=[DEFAULT_FOLDER], help="文件夹或 .md 文件（默认 content）")
    ap.add_argument("--timeout", type=float, default=300.0, help="每篇文章的超时秒数（默认 300）")
    ap.add_argument("--budget", type=float, default=600.0, help="全部文章的总用时上限，秒（默认 600）")
    args = ap.parse_args(argv)

    files = collect(args.paths)
    failed = passed = no_code = n_skipped = 0
    start_all = time.perf_counter()
    for path in files:
        rel = os.path.relpath(path, REPO_ROOT)
        res = run_article(path, args.timeout)
        n_skipped += len(res["skipped"])
        for line_no, reason in res["skipped"]:
            print("  skip %s:%d 不运行：%s" % (rel, line_no, reason))
        if res["blocks"] == 0:
            no_code += 1
            print("-      %s（没有可运行的 Python 代码块）" % rel)
        elif res["ok"]:
            passed += 1
            print("ok     %s（%d 个代码块，%.1f 秒）" % (rel, res["blocks"], res["seconds"]))
        else:
            failed += 1
            print("FAILED %s（%d 个代码块，%.1f 秒）：%s"
                  % (rel, res["blocks"], res["seconds"], res["detail"].splitlines()[0]))
            for line in res["detail"].splitlines()[1:]:
                print("       | " + line)
        sys.stdout.flush()
    total = time.perf_counter() - start_all
    print("汇总：%d 篇文章，%d 通过，%d 失败，%d 篇无可运行代码，跳过 %d 个代码块；总用时 %.1f 秒（预算 %.0f 秒）"
          % (len(files), passed, failed, no_code, n_skipped, total, args.budget))
    over = total > args.budget
    if over:
        print("超出时间预算：总用时 %.1f 秒 > %.0f 秒" % (total, args.budget))
    return 1 if failed or over else 0


if __name__ == "__main__":
    sys.exit(main())
