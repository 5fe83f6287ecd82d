"""生成本目录下机器学习文章的 SVG 插图。

用法（在仓库根目录）：
    /usr/bin/python3 content/02-Machine-Learning/figures/make_figures.py

只依赖标准库和 NumPy。每张图的数字都由文章里的手算例子直接算出，
输出为纯 SVG 1.1：带 viewBox、白色背景，没有脚本和外部引用。
"""
import math
import os
from xml.sax.saxutils import escape

import numpy as np

OUT = os.path.dirname(os.path.abspath(__file__))

BLUE, ORANGE, GREEN, RED, PURPLE, GRAY = "#1f5fbf", "#e07b00", "#2a9d3a", "#c0392b", "#7b3fa0", "#888888"


def f2(v):
    return ("%.2f" % v).rstrip("0").rstrip(".")


class Fig:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.el = ['<rect x="0" y="0" width="%d" height="%d" fill="#ffffff"/>' % (w, h)]
        self.nclip = 0

    def add(self, s):
        self.el.append(s)

    def text(self, x, y, s, size=13, anchor="middle", color="#222", weight=None, rotate=None):
        extra = ' font-weight="%s"' % weight if weight else ""
        if rotate is not None:
            extra += ' transform="rotate(%s %s %s)"' % (rotate, f2(x), f2(y))
        self.add('<text x="%s" y="%s" font-size="%s" text-anchor="%s" fill="%s"%s>%s</text>'
                 % (f2(x), f2(y), size, anchor, color, extra, escape(s)))

    def line(self, x1, y1, x2, y2, color="#333", width=1.5, dash=None, extra=""):
        d = ' stroke-dasharray="%s"' % dash if dash else ""
        self.add('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="%s"%s%s/>'
                 % (f2(x1), f2(y1), f2(x2), f2(y2), color, width, d, extra))

    def polyline(self, pts, color="#333", width=2, dash=None, fill="none", extra=""):
        d = ' stroke-dasharray="%s"' % dash if dash else ""
        p = " ".join("%s,%s" % (f2(a), f2(b)) for a, b in pts)
        self.add('<polyline points="%s" fill="%s" stroke="%s" stroke-width="%s"%s%s/>'
                 % (p, fill, color, width, d, extra))

    def polygon(self, pts, fill="#ddd", stroke="none", width=1, opacity=1.0, extra=""):
        p = " ".join("%s,%s" % (f2(a), f2(b)) for a, b in pts)
        self.add('<polygon points="%s" fill="%s" stroke="%s" stroke-width="%s" fill-opacity="%s"%s/>'
                 % (p, fill, stroke, width, opacity, extra))

    def circle(self, x, y, r, fill="#fff", stroke="#333", width=1.5, dash=None, extra=""):
        d = ' stroke-dasharray="%s"' % dash if dash else ""
        self.add('<circle cx="%s" cy="%s" r="%s" fill="%s" stroke="%s" stroke-width="%s"%s%s/>'
                 % (f2(x), f2(y), f2(r), fill, stroke, width, d, extra))

    def rect(self, x, y, w, h, fill="#fff", stroke="#333", width=1.5, rx=0, opacity=1.0):
        self.add('<rect x="%s" y="%s" width="%s" height="%s" rx="%s" fill="%s" fill-opacity="%s" stroke="%s" stroke-width="%s"/>'
                 % (f2(x), f2(y), f2(w), f2(h), rx, fill, opacity, stroke, width))

    def clip(self, x, y, w, h):
        self.nclip += 1
        cid = "clip%d" % self.nclip
        self.add('<clipPath id="%s"><rect x="%s" y="%s" width="%s" height="%s"/></clipPath>'
                 % (cid, f2(x), f2(y), f2(w), f2(h)))
        return ' clip-path="url(#%s)"' % cid

    def arrow_marker(self, mid, color):
        self.add('<marker id="%s" markerUnits="userSpaceOnUse" markerWidth="14" markerHeight="14" refX="12" refY="7" '
                 'orient="auto"><path d="M0,1 L13,7 L0,13 z" fill="%s"/></marker>' % (mid, color))

    def save(self, name):
        body = "\n  ".join(self.el)
        svg = ('<?xml version="1.0" encoding="UTF-8"?>\n'
               '<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="%d" height="%d" '
               'viewBox="0 0 %d %d" font-family="sans-serif">\n  %s\n</svg>\n'
               % (self.w, self.h, self.w, self.h, body))
        with open(os.path.join(OUT, name), "w", encoding="utf-8") as fh:
            fh.write(svg)
        print("wrote", name)


class Axes:
    """一块坐标区域：把数据坐标映射到像素坐标。"""

    def __init__(self, fig, x0, y0, w, h, xlim, ylim):
        self.f, self.x0, self.y0, self.w, self.h = fig, x0, y0, w, h
        self.xlim, self.ylim = xlim, ylim
        self.cl = fig.clip(x0, y0, w, h)

    def X(self, x):
        return self.x0 + (x - self.xlim[0]) / (self.xlim[1] - self.xlim[0]) * self.w

    def Y(self, y):
        return self.y0 + self.h - (y - self.ylim[0]) / (self.ylim[1] - self.ylim[0]) * self.h

    def P(self, x, y):
        return self.X(x), self.Y(y)

    def frame(self, xticks=(), yticks=(), xlabel="", ylabel="", grid=True, xfmt=None, yfmt=None, title=""):
        f = self.f
        xfmt = xfmt or f2
        yfmt = yfmt or f2
        if grid:
            for t in xticks:
                f.line(self.X(t), self.y0, self.X(t), self.y0 + self.h, color="#e6e6e6", width=1)
            for t in yticks:
                f.line(self.x0, self.Y(t), self.x0 + self.w, self.Y(t), color="#e6e6e6", width=1)
        f.rect(self.x0, self.y0, self.w, self.h, fill="none", stroke="#555", width=1.2)
        for t in xticks:
            f.line(self.X(t), self.y0 + self.h, self.X(t), self.y0 + self.h + 4, color="#555", width=1)
            f.text(self.X(t), self.y0 + self.h + 17, xfmt(t), size=11, color="#444")
        for t in yticks:
            f.line(self.x0 - 4, self.Y(t), self.x0, self.Y(t), color="#555", width=1)
            f.text(self.x0 - 7, self.Y(t) + 4, yfmt(t), size=11, anchor="end", color="#444")
        if xlabel:
            f.text(self.x0 + self.w / 2, self.y0 + self.h + 36, xlabel, size=13)
        if ylabel:
            f.text(self.x0 - 40, self.y0 + self.h / 2, ylabel, size=13, rotate=-90)
        if title:
            f.text(self.x0 + self.w / 2, self.y0 - 12, title, size=15, weight="bold")

    def plot(self, xs, ys, color=BLUE, width=2, dash=None):
        self.f.polyline([self.P(a, b) for a, b in zip(xs, ys)], color=color, width=width, dash=dash, extra=self.cl)

    def dot(self, x, y, r=5, fill=BLUE, stroke="#fff", width=1.2):
        self.f.circle(self.X(x), self.Y(y), r, fill=fill, stroke=stroke, width=width)

    def legend(self, items, x, y, size=12, dy=19):
        """items: (标签, 颜色, 线型 dash 或 None, 'line'/'dot')"""
        for i, (lab, col, dash, kind) in enumerate(items):
            yy = y + i * dy
            if kind == "dot":
                self.f.circle(x + 11, yy - 4, 5, fill=col, stroke="#fff")
            else:
                self.f.line(x, yy - 4, x + 22, yy - 4, color=col, width=2.5, dash=dash)
            self.f.text(x + 28, yy, lab, size=size, anchor="start")


# ---------------------------------------------------------------- 线性回归与正则化
def fig_linreg():
    fig = Fig(900, 430)
    # 左：三个点上的四条直线
    ax = Axes(fig, 70, 50, 340, 280, (0, 4), (0, 3))
    ax.frame(xticks=[0, 1, 2, 3, 4], yticks=[0, 1, 2, 3], xlabel="x", ylabel="y",
             title="三个点上的 OLS、岭回归与 Lasso")
    xs = np.array([0, 4.0])
    lines = [("OLS：ŷ = 0.667 + 0.5x", 2 / 3, 0.5, BLUE, None),
             ("Ridge(α=1)：ŷ = 1 + x/3", 1.0, 1 / 3, ORANGE, None),
             ("Lasso(α=0.1)：ŷ = 0.967 + 0.35x", 29 / 30, 0.35, GREEN, "7,4"),
             ("Lasso(α=0.4)：ŷ = 1.667", 5 / 3, 0.0, GRAY, "3,4")]
    for lab, b, w, col, dash in lines:
        ax.plot(xs, b + w * xs, color=col, width=2.2, dash=dash)
    for x, y in [(1, 1), (2, 2), (3, 2)]:
        ax.dot(x, y, r=6, fill="#222")
    for i, (lab, b, w, col, dash) in enumerate(lines):
        xx, yy = 30 + (i % 2) * 235, 396 + (i // 2) * 22
        fig.line(xx, yy - 4, xx + 22, yy - 4, color=col, width=2.5, dash=dash)
        fig.text(xx + 27, yy, lab, size=11.5, anchor="start")

    # 右：L1 菱形与 L2 圆，损失等高线先碰到哪里
    c = np.array([1.8, 0.45])
    A = np.array([[1.0, 0.3], [0.3, 1.2]])
    loss = lambda w: (w - c) @ A @ (w - c)
    th = np.linspace(0, 2 * np.pi, 20001)
    l2pts = np.stack([np.cos(th), np.sin(th)], 1)
    l1pts = l2pts / np.abs(l2pts).sum(1, keepdims=True)
    v2 = np.array([loss(p) for p in l2pts]); w2 = l2pts[v2.argmin()]
    v1 = np.array([loss(p) for p in l1pts]); w1 = l1pts[v1.argmin()]
    assert abs(w1[1]) < 1e-3 and abs(w1[0] - 1) < 1e-3, w1     # L1 的解在坐标轴的尖角上
    assert min(abs(w2)) > 0.1                                    # L2 的解不在坐标轴上
    bx = Axes(fig, 530, 50, 300, 300, (-1.5, 2.5), (-1.5, 2.5))
    bx.frame(xticks=[-1, 0, 1, 2], yticks=[-1, 0, 1, 2], xlabel="w₁", ylabel="w₂", grid=False,
             title="约束区域与损失等高线的切点")
    fig.line(bx.X(-1.5), bx.Y(0), bx.X(2.5), bx.Y(0), color="#bbb", width=1)
    fig.line(bx.X(0), bx.Y(-1.5), bx.X(0), bx.Y(2.5), color="#bbb", width=1)
    fig.polygon([bx.P(1, 0), bx.P(0, 1), bx.P(-1, 0), bx.P(0, -1)], fill=ORANGE, opacity=0.18, stroke=ORANGE, width=2)
    fig.circle(bx.X(0), bx.Y(0), bx.X(1) - bx.X(0), fill=BLUE, stroke=BLUE, width=2, extra=' fill-opacity="0.12"')
    evals, evecs = np.linalg.eigh(A)
    for level, col in [(v1.min(), ORANGE), (v2.min(), BLUE)]:
        pts = []
        for t in np.linspace(0, 2 * np.pi, 200):
            z = evecs @ (np.sqrt(level / evals) * np.array([np.cos(t), np.sin(t)]))
            pts.append(bx.P(*(c + z)))
        fig.polyline(pts, color=col, width=1.6, dash="5,3", extra=bx.cl)
    for level in [0.04, 0.15]:
        pts = [bx.P(*(c + evecs @ (np.sqrt(level / evals) * np.array([np.cos(t), np.sin(t)]))))
               for t in np.linspace(0, 2 * np.pi, 120)]
        fig.polyline(pts, color="#999", width=1.2, extra=bx.cl)
    bx.dot(c[0], c[1], r=5, fill="#222")
    fig.text(bx.X(c[0]), bx.Y(c[1]) - 30, "无约束最优", size=11.5)
    bx.dot(w1[0], w1[1], r=6, fill=ORANGE)
    bx.dot(w2[0], w2[1], r=6, fill=BLUE)
    bx.dot(0.2, -0.93, r=5, fill=ORANGE)
    fig.text(bx.X(0.3), bx.Y(-0.93) + 4, "L1 解 (1, 0)：w₂ 恰为 0", size=12, anchor="start", color=ORANGE)
    bx.dot(0.2, -1.23, r=5, fill=BLUE)
    fig.text(bx.X(0.3), bx.Y(-1.23) + 4, "L2 解 (%.2f, %.2f)：都不为 0" % tuple(w2), size=12, anchor="start", color=BLUE)
    fig.text(bx.X(-1.35), bx.Y(2.25), "菱形：‖w‖₁ ≤ 1", size=12, anchor="start", color=ORANGE)
    fig.text(bx.X(-1.35), bx.Y(2.0), "圆：‖w‖₂ ≤ 1", size=12, anchor="start", color=BLUE)
    fig.save("linreg-ridge-lasso.svg")


# ---------------------------------------------------------------- 逻辑回归
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def fig_logistic():
    fig = Fig(900, 390)
    X = np.array([[1, 0], [1, 1], [1, 2], [1, 3]], float)
    y = np.array([0, 0, 1, 1.0])
    w = np.zeros(2)
    snaps = {}
    for t in range(301):
        if t in (0, 1, 3, 30, 300):
            snaps[t] = w.copy()
        w = w - 0.1 * X.T @ (sigmoid(X @ w) - y)
    assert np.allclose(snaps[3], [-0.0739, 0.4262], atol=1e-4)
    ax = Axes(fig, 70, 50, 340, 270, (-1, 4), (-0.05, 1.05))
    ax.frame(xticks=[-1, 0, 1, 2, 3, 4], yticks=[0, 0.5, 1], xlabel="x", ylabel="P(y=1 | x)",
             title="梯度下降中 sigmoid 曲线逐渐变陡")
    fig.line(ax.X(-1), ax.Y(0.5), ax.X(4), ax.Y(0.5), color="#bbb", width=1, dash="4,3")
    xs = np.linspace(-1, 4, 200)
    cols = {0: GRAY, 1: PURPLE, 3: GREEN, 30: ORANGE, 300: BLUE}
    items = []
    for t, wt in snaps.items():
        ax.plot(xs, sigmoid(wt[0] + wt[1] * xs), color=cols[t], width=2.2)
        lab = "第 %d 步" % t
        if wt[1] > 0:
            lab += "，边界 x=%.2f" % abs(-wt[0] / wt[1]) if abs(wt[0]) < 1e-12 else "，边界 x=%.2f" % (-wt[0] / wt[1])
        items.append((lab, cols[t], None, "line"))
    for xi, yi in zip(X[:, 1], y):
        ax.dot(xi, yi, r=6, fill=RED if yi else "#222")
    ax.legend(items, ax.X(-0.9), ax.Y(1.0) + 8, size=12)
    # 右：二维数据上的线性决策边界与概率等高线
    rng = np.random.default_rng(3)
    n = 40
    P = np.vstack([rng.normal([1.0, 1.2], 0.7, (n, 2)), rng.normal([2.8, 2.7], 0.7, (n, 2))])
    lab = np.r_[np.zeros(n), np.ones(n)]
    Z = np.hstack([np.ones((2 * n, 1)), P])
    v = np.zeros(3)
    for _ in range(3000):
        v -= 0.05 * (Z.T @ (sigmoid(Z @ v) - lab) + 0.5 * np.r_[0, v[1:]]) / (2 * n) * 10
    bx = Axes(fig, 560, 50, 290, 270, (-1, 5), (-1, 5))
    bx.frame(xticks=[0, 2, 4], yticks=[0, 2, 4], xlabel="x₁", ylabel="x₂",
             title="二维数据：边界是直线")
    for p, col, dash in [(0.1, "#999", "4,3"), (0.5, "#222", None), (0.9, "#999", "4,3")]:
        logit = math.log(p / (1 - p))
        # v0 + v1 x1 + v2 x2 = logit
        x1s = np.array([-1, 5.0])
        bx.plot(x1s, (logit - v[0] - v[1] * x1s) / v[2], color=col, width=2 if p == 0.5 else 1.4, dash=dash)
    for (a, b), l in zip(P, lab):
        bx.dot(a, b, r=4, fill=RED if l else BLUE)
    fig.text(bx.x0 + bx.w / 2, 382, "实线：p = 0.5 的决策边界；虚线：p = 0.1 与 p = 0.9", size=12)
    fig.save("logistic-regression.svg")
    return snaps


# ---------------------------------------------------------------- 梯度下降
def fig_gd():
    fig = Fig(900, 410)
    A = np.diag([1.0, 10.0])

    def run(eta, beta, steps=50):
        w, v = np.array([10.0, 1.0]), np.zeros(2)
        path = [w.copy()]
        for _ in range(steps):
            v = beta * v + A @ w
            w = w - eta * v
            path.append(w.copy())
        return np.array(path)

    runs = [("普通 GD，η=0.1", run(0.1, 0), GREEN, "6,3"),
            ("普通 GD，η=2/11", run(2 / 11, 0), BLUE, None),
            ("动量法，η=0.23，β=0.27", run(0.23, 0.27), ORANGE, None)]
    ax = Axes(fig, 70, 50, 400, 270, (-1.5, 10.8), (-1.6, 1.6))
    ax.frame(xticks=[0, 2, 4, 6, 8, 10], yticks=[-1, 0, 1], xlabel="w₁", ylabel="w₂",
             title="J(w) = ½(w₁² + 10w₂²) 上的下降轨迹")
    for level in [0.5, 2, 5, 12, 25, 50]:
        r1, r2 = math.sqrt(2 * level), math.sqrt(2 * level / 10)
        fig.add('<ellipse cx="%s" cy="%s" rx="%s" ry="%s" fill="none" stroke="#cfcfcf" stroke-width="1.2"%s/>'
                % (f2(ax.X(0)), f2(ax.Y(0)), f2(ax.X(r1) - ax.X(0)), f2(ax.Y(0) - ax.Y(r2)), ax.cl))
    for lab, path, col, dash in runs:
        pts = path[:16]
        ax.plot(pts[:, 0], pts[:, 1], color=col, width=2, dash=dash)
        for p in pts[:8]:
            ax.dot(p[0], p[1], r=2.8, fill=col, stroke=col, width=0.5)
    ax.dot(10, 1, r=5, fill="#222")
    fig.text(ax.X(10) - 6, ax.Y(1) - 8, "起点 (10, 1)", size=12, anchor="end")
    ax.dot(0, 0, r=4, fill="#222")
    fig.text(ax.X(0) - 6, ax.Y(0) + 18, "最优点", size=12, anchor="end")
    # 右：‖w‖ 的对数随步数
    bx = Axes(fig, 580, 50, 270, 270, (0, 50), (-14, 1.5))
    bx.frame(xticks=[0, 10, 20, 30, 40, 50], yticks=[0, -4, -8, -12], xlabel="迭代步数",
             ylabel="log₁₀ ‖w‖", title="误差的下降速度")
    for lab, path, col, dash in runs:
        nrm = np.log10(np.linalg.norm(path, axis=1))
        bx.plot(np.arange(51), nrm, color=col, width=2.2, dash=dash)
    n_gd = np.linalg.norm(runs[1][1][-1]); n_mo = np.linalg.norm(runs[2][1][-1])
    assert 1e-4 < n_gd < 1e-3 and 1e-12 < n_mo < 1e-11
    fig.text(bx.X(50) - 4, bx.Y(math.log10(n_gd)) - 8, "4.4×10⁻⁴", size=11, anchor="end", color=BLUE)
    fig.text(bx.X(50) - 4, bx.Y(math.log10(n_mo)) - 8, "2.8×10⁻¹²", size=11, anchor="end", color=ORANGE)
    for i, (lab, path, col, dash) in enumerate(runs):
        xx = 80 + i * 260
        fig.line(xx, 391, xx + 24, 391, color=col, width=2.5, dash=dash)
        fig.text(xx + 30, 395, lab, size=12.5, anchor="start")
    fig.save("gd-paths.svg")


# ---------------------------------------------------------------- 模型评估：ROC 与 k 折
def fig_roc():
    fig = Fig(820, 400)
    pos, neg = [0.9, 0.7, 0.4], [0.8, 0.3, 0.2]
    pts = [(0.0, 0.0)]
    for t in sorted(pos + neg, reverse=True):
        tpr = sum(p >= t for p in pos) / 3
        fpr = sum(n >= t for n in neg) / 3
        pts.append((fpr, tpr))
    auc = sum((pts[i + 1][0] - pts[i][0]) * pts[i + 1][1] for i in range(len(pts) - 1))
    assert abs(auc - 7 / 9) < 1e-12
    ax = Axes(fig, 80, 50, 300, 300, (0, 1), (0, 1))
    ax.frame(xticks=[0, 1 / 3, 2 / 3, 1], yticks=[0, 1 / 3, 2 / 3, 1], xlabel="假正例率 FPR",
             ylabel="真正例率 TPR", title="手算例子的 ROC 曲线（AUC = 7/9）",
             xfmt=lambda v: {0: "0", 1: "1"}.get(round(v, 3), "%d/3" % round(v * 3)),
             yfmt=lambda v: {0: "0", 1: "1"}.get(round(v, 3), "%d/3" % round(v * 3)))
    fig.polygon([ax.P(*p) for p in pts] + [ax.P(1, 0)], fill=BLUE, opacity=0.15)
    fig.line(ax.X(0), ax.Y(0), ax.X(1), ax.Y(1), color="#999", width=1.2, dash="5,4")
    fig.text(ax.X(0.72), ax.Y(0.6), "随机猜测", size=12, color="#777", rotate=-45)
    ax.plot([p[0] for p in pts], [p[1] for p in pts], color=BLUE, width=2.6)
    labels = ["", "阈值 0.9", "0.8", "0.7", "0.4", "0.3", "0.2"]
    offs = [None, (8, 4), (8, 16), (8, 4), (8, 18), (0, 20), (-8, 18)]
    for (x, y), lab, off in zip(pts, labels, offs):
        ax.dot(x, y, r=4.5, fill=BLUE)
        if lab:
            fig.text(ax.X(x) + off[0], ax.Y(y) + off[1], lab, size=11.5,
                     anchor="start" if off[0] > 0 else ("end" if off[0] < 0 else "middle"))
    fig.text(ax.X(0.66), ax.Y(0.16), "面积 = 1/3×1/3 + 2/3×1", size=12, color=BLUE)
    fig.text(ax.X(0.66), ax.Y(0.08), "= 7/9 ≈ 0.778", size=12, color=BLUE)
    # 右：分数轴上的正负例
    x0, x1 = 470, 790
    fig.text((x0 + x1) / 2, 38, "把 6 个样本按分数排开", size=15, weight="bold")
    sx = lambda s: x0 + (s - 0.1) / 0.9 * (x1 - x0)
    fig.line(x0, 150, x1, 150, color="#555", width=1.5)
    for s in [0.2, 0.4, 0.6, 0.8, 1.0]:
        fig.line(sx(s), 146, sx(s), 154, color="#555", width=1)
        fig.text(sx(s), 170, "%.1f" % s, size=11, color="#444")
    fig.text((x0 + x1) / 2, 192, "模型打分", size=12)
    for s in pos:
        fig.circle(sx(s), 120, 9, fill=RED, stroke="#fff")
        fig.text(sx(s), 100, "%.1f" % s, size=11, color=RED)
    for s in neg:
        fig.rect(sx(s) - 8, 122, 16, 16, fill="#222", stroke="#fff", width=1)
        fig.text(sx(s), 100 if s != 0.8 else 100, "", size=11)
    fig.circle(x0 + 10, 228, 7, fill=RED, stroke="#fff")
    fig.text(x0 + 24, 232, "正例", size=12, anchor="start")
    fig.rect(x0 + 70, 221, 14, 14, fill="#222", stroke="#fff", width=1)
    fig.text(x0 + 90, 232, "负例（0.8、0.3、0.2）", size=12, anchor="start")
    rows = ["9 个正负对中排对 7 个：", "0.9 高于全部 3 个负例 → 3", "0.7 高于 0.3、0.2 → 2",
            "0.4 高于 0.3、0.2 → 2", "AUC = P(正例分数 > 负例分数) = 7/9"]
    for i, r in enumerate(rows):
        fig.text(x0, 268 + i * 22, r, size=12.5, anchor="start", color=BLUE if i == 4 else "#222")
    fig.save("roc-curve.svg")


def fig_kfold():
    fig = Fig(760, 250)
    fig.text(380, 26, "5 折交叉验证：每一折轮流当验证集", size=15, weight="bold")
    for k in range(5):
        y = 48 + k * 36
        fig.text(70, y + 19, "第 %d 折" % (k + 1), size=13, anchor="end")
        for j in range(5):
            val = j == k
            fig.rect(85 + j * 100, y, 96, 26, fill=ORANGE if val else "#dbe6f6",
                     stroke="#fff", width=1, rx=4)
            fig.text(85 + j * 100 + 48, y + 18, "验证" if val else "训练", size=12,
                     color="#fff" if val else "#234")
        fig.text(600, y + 18, "→ 得分 s%s" % "₁₂₃₄₅"[k], size=13, anchor="start")
    fig.text(380, 238, "最终报告 5 个得分的均值与标准差", size=12.5, color="#444")
    fig.save("kfold-cv.svg")


# ---------------------------------------------------------------- K 最近邻
def fig_knn():
    fig = Fig(900, 425)
    pts = {"R1": ((1, 1), RED), "R2": ((2, 1), RED), "R3": ((2.5, 3), RED),
           "B1": ((4, 4), BLUE), "B2": ((5, 3), BLUE), "B3": ((3, 5.5), BLUE)}
    q = (3, 3)
    ax = Axes(fig, 60, 50, 320, 300, (0, 6), (0, 6))
    ax.frame(xticks=range(7), yticks=range(7), xlabel="x₁", ylabel="x₂", title="k 取 1、3、5 时的邻域")
    for r, lab, col in [(0.5, "k=1", "#444"), (2.0, "k=3", GREEN), (2.5, "k=5", PURPLE)]:
        fig.circle(ax.X(q[0]), ax.Y(q[1]), ax.X(r) - ax.X(0), fill="none", stroke=col, width=1.6,
                   dash="5,3", extra=ax.cl)
        fig.text(ax.X(q[0] + r * 0.72) + 4, ax.Y(q[1] - r * 0.72) + 14, lab, size=12, color=col, anchor="start")
    for name, ((x, y), col) in pts.items():
        ax.dot(x, y, r=7, fill=col)
        fig.text(ax.X(x) + 9, ax.Y(y) - 7, name, size=12, anchor="start", color=col)
    fig.add('<path d="M%s,%s l6,6 m-6,0 l6,-6" stroke="#000" stroke-width="2.5" transform="translate(-3,-3)"/>'
            % (f2(ax.X(q[0])), f2(ax.Y(q[1]))))
    fig.text(ax.X(q[0]) - 8, ax.Y(q[1]) + 18, "q", size=14, weight="bold", anchor="end")
    fig.text(220, 412, "等权投票：k=1 红，k=3 蓝，k=5 蓝；1/d 加权：三种 k 都是红", size=12.5)
    # 右：kd 树划分
    bx = Axes(fig, 540, 50, 320, 300, (0, 6), (0, 6))
    bx.frame(xticks=range(7), yticks=range(7), xlabel="x₁", ylabel="x₂", title="kd 树的划分与剪枝")
    fig.rect(bx.X(0), bx.Y(1), bx.X(3) - bx.X(0), bx.Y(0) - bx.Y(1), fill="#bbbbbb", stroke="none", opacity=0.35)
    fig.text(bx.X(1.5), bx.Y(0.45), "被剪掉的区域", size=11.5, color="#555")
    fig.line(bx.X(3), bx.Y(0), bx.X(3), bx.Y(6), color="#222", width=2.2)
    fig.line(bx.X(0), bx.Y(1), bx.X(3), bx.Y(1), color="#222", width=1.6, dash="6,3")
    fig.line(bx.X(3), bx.Y(4), bx.X(6), bx.Y(4), color="#222", width=1.6, dash="6,3")
    fig.text(bx.X(3) + 6, bx.Y(5.0), "根：x₁ = 3", size=11.5, anchor="start")
    fig.text(bx.X(0.1), bx.Y(1) - 5, "y = 1", size=11.5, anchor="start")
    fig.text(bx.X(5.9), bx.Y(4) - 5, "y = 4", size=11.5, anchor="end")
    fig.circle(bx.X(q[0]), bx.Y(q[1]), bx.X(math.sqrt(2)) - bx.X(0), fill="none", stroke=ORANGE, width=1.4, dash="3,3", extra=bx.cl)
    fig.circle(bx.X(q[0]), bx.Y(q[1]), bx.X(0.5) - bx.X(0), fill=GREEN, stroke=GREEN, width=1.6, extra=' fill-opacity="0.15"')
    for name, ((x, y), col) in pts.items():
        bx.dot(x, y, r=7, fill=col)
    fig.add('<path d="M%s,%s l6,6 m-6,0 l6,-6" stroke="#000" stroke-width="2.5" transform="translate(-3,-3)"/>'
            % (f2(bx.X(q[0])), f2(bx.Y(q[1]))))
    fig.text(bx.X(3.15), bx.Y(0.75), "橙色虚线：半径 √2，回溯时", size=11.5, color=ORANGE, anchor="start")
    fig.text(bx.X(3.15), bx.Y(0.35), "绿色：半径 0.5，最近邻 R3", size=11.5, color=GREEN, anchor="start")
    fig.text(700, 412, "q 到 y=1 的距离 2 > 0.5，(1,1) 所在区域不必再看", size=12.5)
    fig.save("knn-kdtree.svg")


# ---------------------------------------------------------------- SVM
def fig_svm():
    fig = Fig(900, 425)
    ax = Axes(fig, 60, 50, 330, 300, (-2, 4), (-2, 4))
    ax.frame(xticks=range(-2, 5), yticks=range(-2, 5), xlabel="x⁽¹⁾", ylabel="x⁽²⁾",
             title="四个点的最大间隔超平面")
    street = [ax.P(-2, 2), ax.P(4, -4), ax.P(4, 0), ax.P(-2, 6)]
    fig.polygon(street, fill="#f3d9a8", opacity=0.5, extra=ax.cl)
    xs = np.array([-2, 4.0])
    ax.plot(xs, 2 - xs, color="#222", width=2.4)
    ax.plot(xs, 0 - xs, color=GRAY, width=1.6, dash="6,4")
    ax.plot(xs, 4 - xs, color=GRAY, width=1.6, dash="6,4")
    fig.text(ax.X(3.6), ax.Y(-1.6) - 6, "wᵀx + b = 0", size=12, anchor="end")
    fig.text(ax.X(3.9), ax.Y(0.1) - 8, "= +1", size=12, anchor="end", color="#555")
    fig.text(ax.X(1.3), ax.Y(-1.3) + 16, "= −1", size=12, anchor="start", color="#555")
    for (x, y), yy in [((2, 2), 1), ((3, 3), 1), ((0, 0), -1), ((-1, 0), -1)]:
        if (x, y) in [(2, 2), (0, 0)]:
            fig.circle(ax.X(x), ax.Y(y), 12, fill="none", stroke=GREEN, width=2.2)
        ax.dot(x, y, r=7, fill=RED if yy > 0 else BLUE)
    fig.text(ax.X(2) + 14, ax.Y(2) + 18, "x₁ 支持向量", size=11.5, anchor="start", color=GREEN)
    fig.text(ax.X(0) + 14, ax.Y(0) + 18, "x₃ 支持向量", size=11.5, anchor="start", color=GREEN)
    fig.text(ax.X(3) + 10, ax.Y(3) + 4, "x₂", size=12, anchor="start")
    fig.text(ax.X(-1) - 10, ax.Y(0) + 4, "x₄", size=12, anchor="end")
    fig.arrow_marker("arr", PURPLE)
    fig.line(ax.X(0), ax.Y(0), ax.X(2) - 4, ax.Y(2) + 4, color=PURPLE, width=1.8, dash="2,3")
    fig.text(ax.X(0.6) - 6, ax.Y(1.4) - 2, "间隔 2/‖w‖ = 2√2", size=12, anchor="end", color=PURPLE)
    fig.text(225, 412, "w = (0.5, 0.5)，b = −1，α₁ = α₃ = 0.25，α₂ = α₄ = 0", size=12.5)
    # 右：损失函数
    bx = Axes(fig, 540, 50, 320, 300, (-2, 3), (-0.1, 3.2))
    bx.frame(xticks=[-2, -1, 0, 1, 2, 3], yticks=[0, 1, 2, 3], xlabel="间隔 m = y·f(x)", ylabel="损失",
             title="合页损失与逻辑损失")
    m = np.linspace(-2, 3, 400)
    bx.plot(m, np.maximum(0, 1 - m), color=ORANGE, width=2.6)
    bx.plot(m, np.log1p(np.exp(-m)), color=BLUE, width=2.4)
    bx.plot([-2, 0, 0, 3], [1, 1, 0, 0], color="#444", width=1.6, dash="5,3")
    bx.legend([("合页损失 max(0, 1−m)", ORANGE, None, "line"), ("逻辑损失 ln(1+e⁻ᵐ)", BLUE, None, "line"),
               ("0-1 损失", "#444", "5,3", "line")], bx.X(0.25), bx.Y(3.0) + 6, size=12)
    fig.text(bx.X(2.0), bx.Y(0.22), "m ≥ 1 后合页损失恒为 0", size=11.5, color=ORANGE)
    fig.save("svm-margin.svg")


# ---------------------------------------------------------------- ID3 决策树
def fig_id3():
    fig = Fig(860, 400)
    fig.text(430, 28, "天气-打球数据上 ID3 建出的树（括号内为 是/否 天数）", size=15, weight="bold")

    def node(x, y, lines, fill="#eef3fb", stroke="#1f5fbf", w=150):
        h = 20 + 18 * len(lines)
        fig.rect(x - w / 2, y, w, h, fill=fill, stroke=stroke, width=1.8, rx=8)
        for i, s in enumerate(lines):
            fig.text(x, y + 22 + i * 18, s, size=12.5 if i else 13.5, weight="bold" if i == 0 else None)
        return y + h

    def leaf(x, y, s, cnt, yes):
        return node(x, y, [s, cnt], fill="#e8f6ea" if yes else "#fbeaea", stroke=GREEN if yes else RED, w=110)

    def edge(x1, y1, x2, y2, lab):
        fig.line(x1, y1, x2, y2, color="#555", width=1.6)
        fig.text((x1 + x2) / 2 + (8 if x2 >= x1 else -8), (y1 + y2) / 2 - 2, lab, size=12.5,
                 anchor="start" if x2 >= x1 else "end", color="#333")

    b = node(430, 50, ["天气？", "(6 / 4)  H = 0.971", "增益 0.322"], w=170)
    nodes = [(170, "晴"), (430, "阴"), (690, "雨")]
    y2 = 175
    for x, lab in nodes:
        edge(430, b, x, y2, lab)
    bs = node(170, y2, ["湿度？", "(1 / 3)  H = 0.811", "增益 0.811"])
    leaf(430, y2, "打球", "(2 / 0)", True)
    br = node(690, y2, ["有风？", "(3 / 1)  H = 0.811", "增益 0.811"])
    y3 = 310
    for px, pb, kids in [(170, bs, [(95, "高", "不打球", "(0 / 3)", False), (245, "正常", "打球", "(1 / 0)", True)]),
                         (690, br, [(615, "是", "不打球", "(0 / 1)", False), (765, "否", "打球", "(3 / 0)", True)])]:
        for x, lab, s, c, yes in kids:
            edge(px, pb, x, y3, lab)
            leaf(x, y3, s, c, yes)
    fig.save("id3-tree.svg")


# ---------------------------------------------------------------- 回归树
def fig_regtree():
    fig = Fig(900, 380)
    x = np.arange(1, 7.0)
    y = np.array([5.0, 5.6, 5.9, 8.1, 8.4, 9.0])
    ax = Axes(fig, 70, 50, 360, 270, (0.5, 6.5), (4.5, 9.5))
    ax.frame(xticks=range(1, 7), yticks=[5, 6, 7, 8, 9], xlabel="x", ylabel="y", title="深度 1 与深度 2 的回归树")
    ax.plot([0.5, 3.5, 3.5, 6.5], [5.5, 5.5, 8.5, 8.5], color=ORANGE, width=2.2, dash="7,4")
    ax.plot([0.5, 1.5, 1.5, 3.5, 3.5, 5.5, 5.5, 6.5], [5, 5, 5.75, 5.75, 8.25, 8.25, 9, 9], color=BLUE, width=2.6)
    for xi, yi in zip(x, y):
        ax.dot(xi, yi, r=6, fill="#222")
    ax.legend([("深度 1：5.5 / 8.5（SSE 0.84）", ORANGE, "7,4", "line"),
               ("深度 2：5 / 5.75 / 8.25 / 9（SSE 0.09）", BLUE, None, "line")], ax.X(0.6), ax.Y(9.3) + 4, size=12)
    # 右：第一次切分的 SSE
    sse = []
    for s in [1.5, 2.5, 3.5, 4.5, 5.5]:
        L, R = y[x < s], y[x > s]
        sse.append(((L - L.mean()) ** 2).sum() + ((R - R.mean()) ** 2).sum())
    assert np.allclose(np.round(sse, 2), [9.54, 5.67, 0.84, 5.67, 9.54])
    bx = Axes(fig, 560, 50, 290, 270, (1, 6), (0, 16))
    bx.frame(xticks=[1.5, 2.5, 3.5, 4.5, 5.5], yticks=[0, 4, 8, 12, 16], xlabel="根节点的候选切分点 s",
             ylabel="左右 SSE 之和", title="第一次切分：s = 3.5 最好", grid=False)
    for s, v in zip([1.5, 2.5, 3.5, 4.5, 5.5], sse):
        col = GREEN if s == 3.5 else "#9db7e0"
        fig.rect(bx.X(s) - 20, bx.Y(v), 40, bx.Y(0) - bx.Y(v), fill=col, stroke="none", width=0)
        fig.text(bx.X(s), bx.Y(v) - 6, "%.2f" % v, size=11.5)
    fig.line(bx.X(1), bx.Y(14.34), bx.X(6), bx.Y(14.34), color=RED, width=1.5, dash="5,3")
    fig.text(bx.X(5.95), bx.Y(14.34) - 6, "不切分：14.34", size=11.5, anchor="end", color=RED)
    fig.save("regression-tree.svg")


# ---------------------------------------------------------------- 随机森林和 GBDT
def fig_rf_gbdt():
    fig = Fig(900, 415)
    ax = Axes(fig, 70, 50, 330, 270, (1, 50), (0, 1.05))
    ax.frame(xticks=[1, 10, 20, 30, 40, 50], yticks=[0, 0.25, 0.5, 0.75, 1], xlabel="树的棵数 B",
             ylabel="Var(平均) / σ²", title="平均的方差：ρσ² + (1−ρ)σ²/B")
    B = np.arange(1, 51)
    for rho, col in [(0.0, GREEN), (0.2, BLUE), (0.5, ORANGE)]:
        ax.plot(B, rho + (1 - rho) / B, color=col, width=2.4)
        fig.line(ax.X(1), ax.Y(rho), ax.X(50), ax.Y(rho), color=col, width=1, dash="4,3")
        fig.text(ax.X(49), ax.Y(rho + (1 - rho) / 49) - 8, "ρ = %.1f，下限 %.1f" % (rho, rho), size=11.5, anchor="end", color=col)
    # 右：GBDT 手算
    x = np.array([1, 2, 3, 4.0])
    y = np.array([1.0, 1.2, 3.0, 3.4])
    F = np.full(4, y.mean())
    hist = [F.copy()]
    for m in range(3):
        r = y - F
        best = None
        for s in [1.5, 2.5, 3.5]:
            L, R = r[x < s], r[x > s]
            sse = ((L - L.mean()) ** 2).sum() + ((R - R.mean()) ** 2).sum()
            if best is None or sse < best[0]:
                best = (sse, s, L.mean(), R.mean())
        F = F + 0.5 * np.where(x < best[1], best[2], best[3])
        hist.append(F.copy())
    assert np.allclose(hist[3], [1.2854, 1.2854, 2.8604, 3.1688], atol=1e-4)
    bx = Axes(fig, 560, 50, 290, 270, (0.5, 4.5), (0.5, 3.8))
    bx.frame(xticks=[1, 2, 3, 4], yticks=[1, 2, 3], xlabel="x", ylabel="F(x)", title="GBDT：每棵树桩修正一点（ν = 0.5）")
    cols = [GRAY, PURPLE, ORANGE, BLUE]
    for m, Fm in enumerate(hist):
        xs, ys = [], []
        for i in range(4):
            xs += [x[i] - 0.5, x[i] + 0.5]
            ys += [Fm[i], Fm[i]]
        bx.plot(xs, ys, color=cols[m], width=2.2 if m == 3 else 1.7, dash=None if m == 3 else "5,3")
    for xi, yi in zip(x, y):
        bx.dot(xi, yi, r=6, fill="#222")
    mse = [((y - h) ** 2).mean() for h in hist]
    for m in range(4):
        xx = 560 + m * 75
        fig.line(xx, 386, xx + 20, 386, color=cols[m], width=2.5, dash=None if m == 3 else "5,3")
        fig.text(xx + 24, 390, "F%s" % "₀₁₂₃"[m], size=12, anchor="start")
    fig.text(705, 409, "训练 MSE：" + " → ".join("%.3f" % v for v in mse), size=11.5)
    fig.save("rf-gbdt.svg")


# ---------------------------------------------------------------- 集成学习入门
def fig_ensemble():
    fig = Fig(900, 380)
    ax = Axes(fig, 70, 50, 330, 260, (1, 25), (0, 0.5))
    ax.frame(xticks=[1, 5, 9, 13, 17, 21, 25], yticks=[0, 0.1, 0.2, 0.3, 0.4, 0.5], xlabel="分类器个数（奇数）",
             ylabel="多数投票的错误率", title="独立犯错时，投票让错误率下降")
    Bs = np.arange(1, 26, 2)
    for e, col in [(0.3, BLUE), (0.45, ORANGE)]:
        err = [sum(math.comb(b, k) * e ** k * (1 - e) ** (b - k) for k in range(b // 2 + 1, b + 1)) for b in Bs]
        ax.plot(Bs, err, color=col, width=2.4)
        for b, v in zip(Bs, err):
            ax.dot(b, v, r=3.5, fill=col)
        fig.text(ax.X(25) - 2, ax.Y(err[-1]) - 14, "单个错误率 %.2f" % e, size=11.5, anchor="end", color=col)
    v5 = sum(math.comb(5, k) * 0.3 ** k * 0.7 ** (5 - k) for k in range(3, 6))
    assert abs(v5 - 0.16308) < 1e-5
    fig.text(ax.X(5) + 8, ax.Y(v5) - 8, "5 个：0.163", size=12, anchor="start", color=BLUE)
    # 右：AdaBoost 一轮后的权重
    bx = Axes(fig, 530, 50, 330, 260, (0, 10), (0, 0.25))
    bx.frame(xticks=[], yticks=[0, 0.05, 0.1, 0.15, 0.2, 0.25], ylabel="样本权重", grid=True,
             title="AdaBoost 一轮：分错的样本权重变大")
    wrong = {1, 4, 7}          # 0 起编号，对应图中的样本 2、5、8
    for i in range(10):
        fig.rect(bx.X(i + 0.12), bx.Y(0.1), (bx.X(1) - bx.X(0)) * 0.32, bx.Y(0) - bx.Y(0.1), fill="#c8c8c8", stroke="none")
        nw = 1 / 6 if i in wrong else 1 / 14
        fig.rect(bx.X(i + 0.5), bx.Y(nw), (bx.X(1) - bx.X(0)) * 0.36, bx.Y(0) - bx.Y(nw),
                 fill=RED if i in wrong else BLUE, stroke="none")
        fig.text(bx.X(i + 0.5), bx.Y(0) + 16, str(i + 1), size=11, color="#444")
    fig.text(bx.X(5), bx.Y(0) + 34, "样本编号（2、5、8 被第一个树桩分错）", size=12)
    bx.legend([("更新前 0.1", "#c8c8c8", None, "line"), ("分错：1/6 ≈ 0.167", RED, None, "line"),
               ("分对：1/14 ≈ 0.071", BLUE, None, "line")], bx.X(0.3), bx.Y(0.245) + 10, size=12)
    fig.text(695, 372, "α₁ = ½ ln(0.7/0.3) ≈ 0.424；更新后分错样本的总权重正好是 0.5", size=12.5)
    fig.save("ensemble-vote-adaboost.svg")


# ---------------------------------------------------------------- K-means
def fig_kmeans():
    fig = Fig(960, 320)
    P = np.array([[1, 1], [1, 2], [2, 1], [5, 4], [5, 5], [6, 5]], float)
    names = "ABCDEF"
    lab1 = np.array([0, 1, 0, 1, 1, 1]); lab2 = np.array([0, 0, 0, 1, 1, 1])
    c0 = P[[0, 1]]
    c1 = np.array([P[lab1 == j].mean(0) for j in (0, 1)])
    c2 = np.array([P[lab2 == j].mean(0) for j in (0, 1)])
    J = lambda lab, c: ((P - c[lab]) ** 2).sum()
    steps = [("第 1 轮分配", lab1, c0), ("第 1 轮更新", lab1, c1), ("第 2 轮分配", lab2, c1), ("第 2 轮更新", lab2, c2)]
    vals = [J(l, c) for _, l, c in steps]
    assert np.allclose(vals, [80, 21.25, 7.9375, 8 / 3])
    fig.text(480, 24, "K-means 在 6 个点上的迭代（故意从很差的初始中心 A、B 出发）", size=15, weight="bold")
    for k, (title, lab, c) in enumerate(steps):
        ax = Axes(fig, 40 + k * 232, 62, 190, 190, (0, 7), (0, 6.5))
        ax.frame(xticks=range(0, 8, 2), yticks=range(0, 7, 2), grid=True)
        fig.text(ax.x0 + 95, 52, title, size=13.5, weight="bold")
        cols = [BLUE, ORANGE]
        for i, (p, l) in enumerate(zip(P, lab)):
            fig.line(ax.X(p[0]), ax.Y(p[1]), ax.X(c[l][0]), ax.Y(c[l][1]), color=cols[l], width=1, dash="2,3")
        for i, (p, l) in enumerate(zip(P, lab)):
            ax.dot(p[0], p[1], r=6, fill=cols[l])
            fig.text(ax.X(p[0]) + 8, ax.Y(p[1]) + 4, names[i], size=11, anchor="start")
        for j in (0, 1):
            cx, cy = ax.P(*c[j])
            fig.add('<path d="M%s,%s l10,10 m-10,0 l10,-10" stroke="%s" stroke-width="3.2" transform="translate(-5,-5)"/>'
                    % (f2(cx), f2(cy), "#222"))
            fig.add('<path d="M%s,%s l10,10 m-10,0 l10,-10" stroke="%s" stroke-width="1.6" transform="translate(-5,-5)"/>'
                    % (f2(cx), f2(cy), cols[j]))
        fig.text(ax.x0 + 95, 290, "J = " + ["80", "21.25", "7.9375", "8/3 ≈ 2.667"][k], size=13, color="#222")
    fig.text(480, 314, "圆点颜色 = 所属簇，× = 簇中心；每一步之后 J 都不增：80 → 21.25 → 7.9375 → 2.667", size=12)
    fig.save("kmeans-iterations.svg")


# ---------------------------------------------------------------- PCA
def fig_pca():
    fig = Fig(880, 415)
    P = np.array([[-2, -1], [-1, -2], [0, 0], [1, 2], [2, 1]], float)
    S = P.T @ P / 4
    lam, V = np.linalg.eigh(S)
    assert np.allclose(lam, [0.5, 4.5])
    ax = Axes(fig, 70, 50, 300, 300, (-3, 3), (-3, 3))
    ax.frame(xticks=range(-3, 4), yticks=range(-3, 4), xlabel="x", ylabel="y", title="五个点、两个主成分与投影")
    u1 = np.array([1, 1]) / math.sqrt(2); u2 = np.array([1, -1]) / math.sqrt(2)
    ax.plot([-3, 3], [-3, 3], color="#bbb", width=1.2, dash="6,4")
    fig.arrow_marker("pc1", ORANGE)
    fig.arrow_marker("pc2", GREEN)
    for u, l, mid, col in [(u1, lam[1], "pc1", ORANGE), (u2, lam[0], "pc2", GREEN)]:
        e = u * math.sqrt(l)
        fig.line(ax.X(0), ax.Y(0), ax.X(e[0]), ax.Y(e[1]), color=col, width=3, extra=' marker-end="url(#%s)"' % mid)
    fig.text(ax.X(0.9) - 6, ax.Y(1.2) - 4, "u₁，λ₁ = 4.5", size=12, anchor="end", color=ORANGE)
    fig.text(ax.X(0.5) + 4, ax.Y(-0.5) + 14, "u₂，λ₂ = 0.5", size=12, anchor="start", color=GREEN)
    for p in P:
        z = p @ u1
        r = z * u1
        fig.line(ax.X(p[0]), ax.Y(p[1]), ax.X(r[0]), ax.Y(r[1]), color=RED, width=1.4, dash="3,3")
        ax.dot(r[0], r[1], r=4, fill="#fff", stroke=RED, width=1.8)
    for i, p in enumerate(P):
        ax.dot(p[0], p[1], r=6, fill=BLUE)
        fig.text(ax.X(p[0]) + (9 if p[0] >= p[1] else -9), ax.Y(p[1]) + 4, str(i + 1), size=12,
                 anchor="start" if p[0] >= p[1] else "end")
    fig.text(220, 405, "红色虚线：投影到 u₁ 时丢掉的部分，平方和 = 4 × 0.5 = 2.0", size=12.5)
    # 右：一维坐标与解释方差
    x0, x1 = 470, 840
    fig.text((x0 + x1) / 2, 38, "降到一维后的坐标 z = (x + y)/√2", size=15, weight="bold")
    zx = lambda z: x0 + 20 + (z + 3) / 6 * (x1 - x0 - 40)
    fig.line(x0 + 20, 120, x1 - 20, 120, color="#555", width=1.5)
    for t in range(-3, 4):
        fig.line(zx(t), 116, zx(t), 124, color="#555", width=1)
        fig.text(zx(t), 140, str(t), size=11, color="#444")
    zs = P @ u1
    for z in sorted(set(np.round(zs, 6))):
        cnt = int(np.sum(np.isclose(zs, z)))
        for k in range(cnt):
            fig.circle(zx(z), 104 - k * 14, 6, fill=ORANGE, stroke="#fff")
        fig.text(zx(z), 104 - cnt * 14 - 4, "%.3f" % z if abs(z) > 1e-9 else "0", size=11)
    fig.text((x0 + x1) / 2, 165, "方差 = 4 × 4.5 / 4 = 4.5 = λ₁", size=12.5)
    fig.text((x0 + x1) / 2, 205, "解释方差比", size=13.5, weight="bold")
    tot = x1 - x0 - 40
    fig.rect(x0 + 20, 220, tot * 0.9, 34, fill=ORANGE, stroke="none")
    fig.rect(x0 + 20 + tot * 0.9, 220, tot * 0.1, 34, fill=GREEN, stroke="none")
    fig.text(x0 + 20 + tot * 0.45, 242, "第一主成分 90%", size=12.5, color="#fff")
    fig.text(x0 + 20 + tot * 0.95, 275, "10%", size=12.5, color=GREEN)
    fig.text((x0 + x1) / 2, 310, "只保留 u₁ 方向，损失 10% 的方差", size=12.5)
    fig.save("pca-projection.svg")


# ---------------------------------------------------------------- 贝叶斯
def fig_bayes():
    fig = Fig(860, 360)
    fig.text(430, 28, "用 10000 人的自然频数看基率：阳性者中只有约 1/6 真的患病", size=15, weight="bold")

    def box(x, y, w, lines, fill, stroke):
        h = 16 + 19 * len(lines)
        fig.rect(x - w / 2, y, w, h, fill=fill, stroke=stroke, width=1.8, rx=8)
        for i, s in enumerate(lines):
            fig.text(x, y + 21 + i * 19, s, size=13 if i == 0 else 12, weight="bold" if i == 0 else None)
        return y + h

    def edge(x1, y1, x2, y2, lab, side):
        fig.line(x1, y1, x2, y2, color="#666", width=1.6)
        fig.text((x1 + x2) / 2 + (10 if side > 0 else -10), (y1 + y2) / 2, lab, size=12,
                 anchor="start" if side > 0 else "end", color="#444")

    b0 = box(430, 48, 150, ["10000 人"], "#f2f2f2", "#666")
    b1 = box(230, 130, 170, ["患病 100 人", "患病率 1%"], "#fbeaea", RED)
    b2 = box(630, 130, 170, ["健康 9900 人", "99%"], "#e8f6ea", GREEN)
    edge(430, b0, 230, 130, "×1%", -1)
    edge(430, b0, 630, 130, "×99%", 1)
    leaves = [(120, "阳性 99", "灵敏度 99%", True, 230, b1), (340, "阴性 1", "", False, 230, b1),
              (520, "阳性 495", "误报率 5%", True, 630, b2), (740, "阴性 9405", "", False, 630, b2)]
    for x, s, note, posi, px, pb in leaves:
        edge(px, pb, x, 230, note, -1 if x < px else 1)
        box(x, 230, 130, [s], "#fff3d6" if posi else "#ffffff", ORANGE if posi else "#999")
    fig.text(430, 318, "P(患病 | 阳性) = 99 / (99 + 495) = 99 / 594 ≈ 16.7%", size=15, color=RED, weight="bold")
    fig.text(430, 342, "橙色框是全部阳性者：495 个健康人的误报远多于 99 个真患者", size=12.5, color="#444")
    fig.save("bayes-base-rate.svg")


# ---------------------------------------------------------------- EM 算法
def fig_em():
    fig = Fig(960, 345)
    x = np.array([1, 2, 3, 6, 7, 8], float)
    mu, var, pi = np.array([2.0, 5.0]), np.array([1.0, 1.0]), np.array([0.5, 0.5])
    hist = []
    for t in range(4):
        dens = pi * np.exp(-(x[:, None] - mu) ** 2 / (2 * var)) / np.sqrt(2 * np.pi * var)
        ll = np.log(dens.sum(1)).sum()
        gamma = dens / dens.sum(1, keepdims=True)
        hist.append((mu.copy(), var.copy(), pi.copy(), ll, gamma))
        nk = gamma.sum(0)
        mu = (gamma * x[:, None]).sum(0) / nk
        var = (gamma * (x[:, None] - mu) ** 2).sum(0) / nk
        pi = nk / len(x)
    assert abs(hist[2][1][1] - 0.769) < 5e-4           # σ₂² = 0.769（第 2 轮）
    assert abs(hist[1][3] - (-11.939)) < 5e-4
    fig.text(480, 24, "一维两分量 GMM 的 EM 迭代：曲线为 πₖ·N(x | μₖ, σₖ²)，点的颜色按责任 γᵢ₁ 在蓝橙之间混合", size=14.5, weight="bold")
    grid = np.linspace(-0.5, 10, 300)
    for k, t in enumerate([0, 1, 2, 3]):
        mu, var, pi, ll, gamma = hist[t]
        ax = Axes(fig, 45 + k * 232, 70, 195, 180, (-0.5, 10), (0, 0.42))
        ax.frame(xticks=[0, 2, 4, 6, 8, 10], yticks=[0, 0.2, 0.4], grid=False)
        fig.text(ax.x0 + 97, 60, "第 %d 轮%s" % (t, "（初始）" if t == 0 else ""), size=13.5, weight="bold")
        comps = [pi[j] * np.exp(-(grid - mu[j]) ** 2 / (2 * var[j])) / np.sqrt(2 * np.pi * var[j]) for j in (0, 1)]
        ax.plot(grid, comps[0] + comps[1], color="#999", width=1.4, dash="4,3")
        ax.plot(grid, comps[0], color=BLUE, width=2.2)
        ax.plot(grid, comps[1], color=ORANGE, width=2.2)
        for xi, g in zip(x, gamma[:, 0]):
            r = int(round(0x1f * g + 0xe0 * (1 - g))); gg = int(round(0x5f * g + 0x7b * (1 - g)))
            b = int(round(0xbf * g + 0x00 * (1 - g)))
            ax.dot(xi, 0.015, r=5.5, fill="#%02x%02x%02x" % (r, gg, b), stroke="#222", width=0.8)
        fig.text(ax.x0 + 97, 292, "μ = (%.3f, %.3f)" % tuple(mu), size=11.5)
        fig.text(ax.x0 + 97, 310, "σ² = (%.3f, %.3f)" % tuple(var), size=11.5)
        fig.text(ax.x0 + 97, 329, "对数似然 %.3f" % ll, size=11.5, color=RED)
    fig.save("em-gmm.svg")


# ---------------------------------------------------------------- 提升树
def fig_boosting_tree():
    fig = Fig(900, 380)
    x = np.arange(1, 7.0)
    y = np.array([1.0, 1.4, 2.0, 3.6, 3.9, 4.7])
    stumps = [(3.5, 1.4667, 4.0667), (5.5, -0.1267, 0.6333), (1.5, -0.34, 0.068)]
    F = np.zeros(6)
    stages = []
    for s_, a, b in stumps:
        F = F + np.where(x < s_, a, b)
        stages.append(F.copy())
    assert np.allclose(stages[-1], [1.0, 1.408, 1.408, 4.008, 4.008, 4.768], atol=1e-3)
    ax = Axes(fig, 70, 50, 360, 270, (0.5, 6.5), (0.5, 5.2))
    ax.frame(xticks=range(1, 7), yticks=[1, 2, 3, 4, 5], xlabel="x", ylabel="fₘ(x)", title="三个树桩逐个相加")
    cols = [ORANGE, GREEN, BLUE]
    labs = ["f₁ = T₁（切 3.5）", "f₂ = f₁ + T₂（切 5.5）", "f₃ = f₂ + T₃（切 1.5）"]
    for k, Fm in enumerate(stages):
        xs, ys = [], []
        for i in range(6):
            xs += [x[i] - 0.5, x[i] + 0.5]
            ys += [Fm[i], Fm[i]]
        ax.plot(xs, ys, color=cols[k], width=2.6 if k == 2 else 1.8, dash=None if k == 2 else "6,3")
    for xi, yi in zip(x, y):
        ax.dot(xi, yi, r=6, fill="#222")
    ax.legend([(l, c, None if k == 2 else "6,3", "line") for k, (l, c) in enumerate(zip(labs, cols))],
              ax.X(0.6), ax.Y(5.0) + 4, size=12)
    losses = [57.22, 1.153, 0.672, 0.533]
    bx = Axes(fig, 560, 50, 290, 270, (-0.5, 3.5), (0, 1.3))
    bx.frame(xticks=[0, 1, 2, 3], yticks=[0, 0.4, 0.8, 1.2], xlabel="轮次 m", ylabel="训练平方损失",
             title="损失单调下降、越降越慢", grid=False)
    for m, v in enumerate(losses):
        h = min(v, 1.3)
        fig.rect(bx.X(m) - 22, bx.Y(h), 44, bx.Y(0) - bx.Y(h), fill=GRAY if m == 0 else BLUE, stroke="none")
        fig.text(bx.X(m), bx.Y(h) - 6 if m else bx.Y(h) + 16, "%g" % v, size=12, color="#fff" if m == 0 else "#222")
    fig.text(bx.X(0), bx.Y(1.3) + 34, "（截断）", size=11, color="#fff")
    fig.save("boosting-tree-stages.svg")


# ---------------------------------------------------------------- 梯度提升：损失与伪残差
def fig_gb_losses():
    fig = Fig(900, 380)
    e = np.linspace(-4, 4, 401)
    d = 2.0
    hub = np.where(np.abs(e) <= d, 0.5 * e ** 2, d * (np.abs(e) - d / 2))
    ax = Axes(fig, 70, 50, 340, 270, (-4, 4), (0, 8.2))
    ax.frame(xticks=range(-4, 5, 2), yticks=[0, 2, 4, 6, 8], xlabel="残差 e = y − F", ylabel="损失 L",
             title="三种回归损失（Huber 取 δ = 2）")
    ax.plot(e, 0.5 * e ** 2, color=BLUE, width=2.4)
    ax.plot(e, np.abs(e), color=ORANGE, width=2.4)
    ax.plot(e, hub, color=GREEN, width=2.4, dash="7,4")
    ax.legend([("平方 ½e²", BLUE, None, "line"), ("绝对 |e|", ORANGE, None, "line"),
               ("Huber", GREEN, "7,4", "line")], ax.X(-1.2), ax.Y(8.0) + 6, size=12)
    bx = Axes(fig, 540, 50, 310, 270, (-4, 11), (-4.2, 7.5))
    bx.frame(xticks=[-4, -2, 0, 2, 4, 6, 8, 10], yticks=[-4, -2, 0, 2, 4, 6], xlabel="残差 e = y − F",
             ylabel="伪残差 r = −∂L/∂F", title="伪残差：离群点的话语权")
    e2 = np.linspace(-4, 11, 601)
    bx.plot(e2, e2, color=BLUE, width=2.4)
    bx.plot(e2, np.sign(e2), color=ORANGE, width=2.4)
    bx.plot(e2, np.clip(e2, -d, d), color=GREEN, width=2.4, dash="7,4")
    # 第六节例子中离群点 y=10：平方损失下 e=6，绝对 / Huber 下 e=7.5
    bx.dot(6, 6, r=5.5, fill=BLUE)
    fig.text(bx.X(6) - 8, bx.Y(6) - 6, "平方：6", size=12, anchor="end", color=BLUE)
    bx.dot(7.5, 1, r=5.5, fill=ORANGE)
    fig.text(bx.X(7.5) + 8, bx.Y(1) + 16, "绝对：1", size=12, anchor="start", color=ORANGE)
    bx.dot(7.5, 2, r=5.5, fill=GREEN)
    fig.text(bx.X(7.5) + 8, bx.Y(2) - 6, "Huber：2", size=12, anchor="start", color=GREEN)
    fig.text(695, 372, "圆点：第六节离群点 y = 10 在三种损失下的第一轮伪残差", size=12.5)
    fig.save("gb-losses.svg")


# ---------------------------------------------------------------- GBDT 回归：三种损失的第一棵树
def fig_gbdt_reg():
    fig = Fig(900, 380)
    x = np.arange(1, 7.0)
    y = np.array([2.0, 2.4, 3.0, 3.4, 3.8, 12.0])
    ax = Axes(fig, 70, 50, 480, 270, (0.5, 6.5), (1, 13))
    ax.frame(xticks=range(1, 7), yticks=[2, 4, 6, 8, 10, 12], xlabel="x", ylabel="y",
             title="第一棵树桩（学习率取 1 以便看清）：F₀ + γ")
    fits = [("平方损失：F₀ = 4.433，切 5.5", 4.4333, 5.5, -1.5133, 7.5667, BLUE, None),
            ("绝对损失：F₀ = 3.2，切 3.5", 3.2, 3.5, -0.8, 0.6, ORANGE, None),
            ("Huber（δ=1）：F₀ = 3.2，切 3.5", 3.2, 3.5, -0.7333, 0.8, GREEN, "7,4")]
    for lab, f0, s_, a, b, col, dash in fits:
        ax.plot([0.5, s_, s_, 6.5], [f0 + a, f0 + a, f0 + b, f0 + b], color=col, width=2.4, dash=dash)
    for xi, yi in zip(x, y):
        ax.dot(xi, yi, r=6, fill=RED if yi > 10 else "#222")
    fig.text(ax.X(6), ax.Y(12) + 24, "离群点", size=12, color=RED)
    ax.legend([(f[0], f[5], f[6], "line") for f in fits], ax.X(0.6), ax.Y(12.6) + 6, size=12)
    fig.text(730, 80, "平方损失把唯一的一刀", size=13, anchor="middle")
    fig.text(730, 102, "用来单独照顾离群点；", size=13, anchor="middle")
    fig.text(730, 140, "绝对损失和 Huber 学到的", size=13, anchor="middle")
    fig.text(730, 162, "是前 5 个点真实的", size=13, anchor="middle")
    fig.text(730, 184, "\u201c左低右高\u201d结构。", size=13, anchor="middle")
    fig.text(730, 240, "平方损失右叶 4.433 + 7.567 = 12", size=12, color=BLUE)
    fig.text(730, 262, "绝对损失右叶 3.2 + 0.6 = 3.8", size=12, color=ORANGE)
    fig.text(730, 284, "Huber 右叶 3.2 + 0.8 = 4.0", size=12, color=GREEN)
    fig.save("gbdt-regression-losses.svg")


# ---------------------------------------------------------------- GBDT 分类：两轮之后的概率
def fig_gbdt_clf():
    fig = Fig(900, 390)
    x = np.arange(1, 7.0)
    y = np.array([0, 1, 0, 1, 1, 1.0])
    F = np.full(6, math.log(2))
    hist = [F.copy()]
    for s_ in (3.5, 1.5):
        p = sigmoid(F)
        r = y - p
        for mask in (x < s_, x > s_):
            F[mask] += 0.5 * r[mask].sum() / (p[mask] * (1 - p[mask])).sum()
        hist.append(F.copy())
    assert np.allclose(sigmoid(hist[2]), [0.2632, 0.5635, 0.5635, 0.8526, 0.8526, 0.8526], atol=1e-4)
    ax = Axes(fig, 70, 50, 340, 260, (0.5, 6.5), (-1.4, 2.2))
    ax.frame(xticks=range(1, 7), yticks=[-1, 0, 1, 2], xlabel="x", ylabel="对数几率 F(x)", title="对数几率逐轮修正")
    cols = [GRAY, ORANGE, BLUE]
    for k, Fm in enumerate(hist):
        xs, ys = [], []
        for i in range(6):
            xs += [x[i] - 0.5, x[i] + 0.5]
            ys += [Fm[i], Fm[i]]
        ax.plot(xs, ys, color=cols[k], width=2.6 if k == 2 else 1.8, dash=None if k == 2 else "6,3")
    fig.line(ax.X(0.5), ax.Y(0), ax.X(6.5), ax.Y(0), color="#999", width=1, dash="3,3")
    ax.legend([("F₀ = ln 2", GRAY, "6,3", "line"), ("F₁（切 3.5）", ORANGE, "6,3", "line"),
               ("F₂（切 1.5）", BLUE, None, "line")], ax.X(0.6), ax.Y(2.1) + 6, size=12)
    bx = Axes(fig, 540, 50, 310, 260, (0.5, 6.5), (0, 1))
    bx.frame(xticks=range(1, 7), yticks=[0, 0.25, 0.5, 0.75, 1], xlabel="x", ylabel="p = σ(F)",
             title="两轮后的概率（ν = 0.5）")
    fig.line(bx.X(0.5), bx.Y(0.5), bx.X(6.5), bx.Y(0.5), color="#999", width=1, dash="3,3")
    p2 = sigmoid(hist[2])
    for xi, pi, yi in zip(x, p2, y):
        fig.rect(bx.X(xi) - 16, bx.Y(pi), 32, bx.Y(0) - bx.Y(pi), fill=BLUE if yi else "#bbbbbb", stroke="none")
        fig.text(bx.X(xi), bx.Y(pi) - 6, "%.3f" % pi, size=11)
        fig.text(bx.X(xi), bx.Y(0) - 8, "正" if yi else "负", size=11, color="#fff" if yi else "#222")
    fig.text(695, 380, "x = 3 的负例夹在两个正例中间，两个树桩还切不出来（p = 0.564）", size=12.5)
    fig.save("gbdt-classification.svg")


# ---------------------------------------------------------------- XGBoost：缺失值两个方向的增益
def fig_xgb_gain():
    fig = Fig(830, 370)
    x = np.array([1, 2, 3, np.nan, 5, 6])
    y = np.array([0, 1, 0, 1, 1, 1.0])
    g, h, lam = 0.5 - y, np.full(6, 0.25), 1.0
    miss = np.isnan(x)
    G, H, Gm, Hm = g.sum(), h.sum(), g[miss].sum(), h[miss].sum()
    sc = lambda a, b: a * a / (b + lam)
    vals = [1, 2, 3, 5, 6]
    rows = []
    for a, b in zip(vals[:-1], vals[1:]):
        t = (a + b) / 2
        left = (~miss) & (x < t)
        GL, HL = g[left].sum(), h[left].sum()
        rows.append((t, 0.5 * (sc(GL + Gm, HL + Hm) + sc(G - GL - Gm, H - HL - Hm) - sc(G, H)),
                     0.5 * (sc(GL, HL) + sc(G - GL, H - HL) - sc(G, H))))
    assert abs(rows[2][2] - 0.514) < 1e-3
    ax = Axes(fig, 80, 50, 460, 270, (0.5, 4.5), (-0.1, 0.6))
    ax.frame(xticks=[], yticks=[-0.1, 0, 0.2, 0.4, 0.6], ylabel="分裂增益", grid=True,
             title="四个候选切分 × 缺失值走左 / 走右（λ = 1）")
    fig.line(ax.X(0.5), ax.Y(0), ax.X(4.5), ax.Y(0), color="#555", width=1.2)
    for k, (t, gl, gr) in enumerate(rows):
        c = k + 1
        for off, v, col in [(-0.17, gl, "#9db7e0"), (0.17, gr, ORANGE)]:
            top, bot = (ax.Y(v), ax.Y(0)) if v >= 0 else (ax.Y(0), ax.Y(v))
            best = abs(v - 0.514) < 1e-3
            fig.rect(ax.X(c + off) - 18, top, 36, bot - top, fill=GREEN if best else col, stroke="none")
            fig.text(ax.X(c + off), (ax.Y(v) - 6) if v >= 0 else (ax.Y(v) + 15), "%.3f" % v, size=11.5)
        fig.text(ax.X(c), ax.Y(-0.1) + 18, "x < %g" % t, size=12.5)
    ax.legend([("缺失值走左", "#9db7e0", None, "line"), ("缺失值走右", ORANGE, None, "line"),
               ("最优：x < 4，缺失走右", GREEN, None, "line")], ax.X(0.6), ax.Y(0.58) + 6, size=12)
    x0 = 575
    fig.text(x0 + 100, 70, "最优分裂的两个叶子", size=14, weight="bold")
    for i, s_ in enumerate(["左 {1,2,3}：G = 0.5，H = 0.75", "w* = −0.5 / 1.75 = −0.286",
                            "右 {缺失,5,6}：G = −1.5，H = 0.75", "w* = 1.5 / 1.75 = 0.857",
                            "缺失的第 4 个样本是正例，", "被送进了正例多的右边"]):
        fig.text(x0, 102 + i * 26 + (12 if i >= 4 else 0), s_, size=12.5, anchor="start",
                 color=BLUE if i in (1, 3) else "#222")
    fig.save("xgboost-missing-gain.svg")


# ---------------------------------------------------------------- LightGBM：按层 vs 按叶
def fig_growth():
    fig = Fig(880, 410)

    def tree(cx, title, nodes, edges, note):
        fig.text(cx, 30, title, size=15, weight="bold")
        for (a, b) in edges:
            fig.line(nodes[a][0], nodes[a][1], nodes[b][0], nodes[b][1], color="#666", width=1.6)
        for k, (x, y, lab, split, order) in nodes.items():
            fill = "#eef3fb" if split else "#e8f6ea"
            fig.circle(x, y, 20, fill=fill, stroke=BLUE if split else GREEN, width=1.8)
            fig.text(x, y + 5, lab, size=12)
            if order:
                fig.circle(x + 20, y - 18, 9, fill=ORANGE, stroke="#fff", width=1)
                fig.text(x + 20, y - 14, str(order), size=11, color="#fff", weight="bold")
        for i, s_ in enumerate(note):
            fig.text(cx, 350 + i * 22, s_, size=12.5, color=BLUE if i == 0 else "#333")

    lv = {"根": (220, 80, "10", True, 1), "L": (130, 160, "6", True, 2), "R": (310, 160, "0.5", True, 3),
          "LL": (85, 240, "叶", False, 0), "LR": (175, 240, "叶", False, 0),
          "RL": (265, 240, "叶", False, 0), "RR": (355, 240, "叶", False, 0)}
    tree(220, "按层生长（max_depth = 2）", lv, [("根", "L"), ("根", "R"), ("L", "LL"), ("L", "LR"), ("R", "RL"), ("R", "RR")],
         ["总增益 10 + 6 + 0.5 = 16.5", "第 3 次分裂被迫用在增益只有 0.5 的 R 上"])
    lf = {"根": (660, 80, "10", True, 1), "L": (570, 160, "6", True, 2), "R": (750, 160, "叶", False, 0),
          "LL": (520, 240, "3", True, 3), "LR": (620, 240, "叶", False, 0),
          "LLL": (475, 310, "叶", False, 0), "LLR": (565, 310, "叶", False, 0)}
    tree(660, "按叶生长（num_leaves = 4）", lf, [("根", "L"), ("根", "R"), ("L", "LL"), ("L", "LR"), ("LL", "LLL"), ("LL", "LLR")],
         ["总增益 10 + 6 + 3 = 19", "第 3 次分裂给了增益最大的 LL，树更深"])
    fig.text(440, 402, "圆内数字 = 分裂该节点的增益；橙色编号 = 分裂的先后顺序；两棵树都有 4 个叶子", size=12, color="#444")
    fig.save("level-vs-leaf-growth.svg")


# ---------------------------------------------------------------- CatBoost：对称树
def fig_oblivious():
    fig = Fig(820, 330)
    fig.text(410, 28, "深度 2 的对称树：同一层共用一个条件，叶子编号就是比特串", size=15, weight="bold")

    def box(x, y, s_, w=170, fill="#eef3fb", stroke=BLUE):
        fig.rect(x - w / 2, y, w, 36, fill=fill, stroke=stroke, width=1.8, rx=8)
        fig.text(x, y + 23, s_, size=13)

    box(410, 50, "age ≥ 30 ?")
    for x in (230, 590):
        fig.line(410, 86, x, 130, color="#666", width=1.6)
        box(x, 130, "city_TS > 0.6 ?", fill="#fff3d6", stroke=ORANGE)
    fig.text(300, 112, "否 b₁=0", size=12, anchor="end")
    fig.text(520, 112, "是 b₁=1", size=12, anchor="start")
    leaves = [(140, "00", "w₀₀", 0), (320, "01", "w₀₁", 1), (500, "10", "w₁₀", 2), (680, "11", "w₁₁", 3)]
    for (lx, bits, w, idx), px in zip(leaves, [230, 230, 590, 590]):
        fig.line(px, 166, lx, 215, color="#666", width=1.6)
        box(lx, 215, "%s：叶子 %d" % (w, idx), w=130, fill="#e8f6ea", stroke=GREEN)
        fig.text(lx, 272, "比特 %s" % bits, size=12, color="#444")
    for px in (230, 590):
        fig.text(px - 55, 198, "否", size=12, anchor="end")
        fig.text(px + 55, 198, "是", size=12, anchor="start")
    fig.text(410, 312, "例：age = 25、city_TS = 0.7 → b₁ = 0、b₂ = 1 → 叶子 0×2 + 1 = 1，即 w₀₁", size=13, color=BLUE)
    fig.save("oblivious-tree.svg")


# ---------------------------------------------------------------- 特征工程：等宽与等频分箱
def fig_binning():
    fig = Fig(820, 300)
    ages = np.array([18, 22, 25, 31, 38, 45, 52, 67], float)
    width_edges = [18 + 12.25 * k for k in range(1, 4)]
    q_edges = list(np.percentile(ages, [25, 50, 75]))
    assert np.allclose(width_edges, [30.25, 42.5, 54.75]) and np.allclose(q_edges, [24.25, 34.5, 46.75])
    fig.text(410, 26, "8 个年龄分成 4 箱：等宽（uniform）与等频（quantile）", size=15, weight="bold")
    X = lambda a: 110 + (a - 15) / (70 - 15) * 670
    cols = ["#dbe6f6", "#fde7c8", "#dcf0df", "#eadcf2"]
    for row, (name, edges) in enumerate([("等宽", width_edges), ("等频", q_edges)]):
        y0 = 70 + row * 105
        fig.text(95, y0 + 30, name, size=14, anchor="end", weight="bold")
        bounds = [15] + list(edges) + [70]
        for k in range(4):
            fig.rect(X(bounds[k]), y0, X(bounds[k + 1]) - X(bounds[k]), 44, fill=cols[k], stroke="#fff", width=1)
            cnt = int(((ages > bounds[k]) & (ages <= bounds[k + 1])).sum())
            fig.text((X(bounds[k]) + X(bounds[k + 1])) / 2, y0 + 62, "%d 人" % cnt, size=12, color="#444")
        for e in edges:
            fig.line(X(e), y0 - 6, X(e), y0 + 50, color=RED, width=1.8, dash="5,3")
            fig.text(X(e), y0 - 10, "%.2f" % e, size=11.5, color=RED)
        for a in ages:
            fig.circle(X(a), y0 + 22, 6.5, fill="#222", stroke="#fff")
    fig.line(X(15), 282, X(70), 282, color="#555", width=1.2)
    for t in range(20, 71, 10):
        fig.line(X(t), 278, X(t), 286, color="#555", width=1)
        fig.text(X(t), 298, str(t), size=11, color="#444")
    fig.save("binning.svg")


if __name__ == "__main__":
    fig_linreg()
    fig_logistic()
    fig_gd()
    fig_roc()
    fig_kfold()
    fig_knn()
    fig_svm()
    fig_id3()
    fig_regtree()
    fig_rf_gbdt()
    fig_ensemble()
    fig_kmeans()
    fig_pca()
    fig_bayes()
    fig_em()
    fig_boosting_tree()
    fig_gb_losses()
    fig_gbdt_reg()
    fig_gbdt_clf()
    fig_xgb_gain()
    fig_growth()
    fig_oblivious()
    fig_binning()
